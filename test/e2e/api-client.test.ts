import { afterAll, beforeAll, expect, test } from "vitest";
import createClient from "openapi-fetch";
// Generated from /api/v1/openapi.json by `npm run api:types` (never committed; npm test generates it first).
import type { paths } from "../generated/sillage-api";
import { startDevServer, type DevServer } from "../support/dev-server.mjs";

// A client generated from the OpenAPI document, as a customer would build one, calls the real worker: it takes
// its base URL from the document's `servers`, and the generated types describe what the API answers.

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer();
});

afterAll(async () => {
  await server?.stop();
});

test("a client generated from the OpenAPI document calls the API at the document's server", async () => {
  const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { servers?: { url: string }[] };
  const baseUrl = doc.servers?.[0]?.url;
  expect(baseUrl).toBe(`${server.url}/api/v1`);
  expect(server.apiKey).toMatch(/^slg_/);

  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${server.apiKey}` } });

  const me = await api.GET("/me");
  expect(me.response.status).toBe(200);
  expect(me.data?.workspace.id).toBe("ws_demo");
  expect(me.data?.role).toBe("admin");

  const leads = await api.GET("/leads", { params: { query: { sort: "score", order: "desc", limit: 5 } } });
  expect(leads.response.status).toBe(200);
  expect(leads.data?.items).toEqual([]); // a fresh demo workspace: no visit yet
  expect(leads.data?.nextCursor).toBeNull();

  const added = await api.POST("/members", { body: { email: "claire.petit@exemple.fr", name: "Claire Petit", role: "member" } });
  expect(added.response.status).toBe(201);
  const members = await api.GET("/members");
  expect(members.data?.members.map((m) => m.email)).toContain("claire.petit@exemple.fr");

  const identified = await api.GET("/identify", { params: { query: { ip: "10.0.0.1" } } });
  expect(identified.data).toMatchObject({ ip: "10.0.0.1", company: null, network: { kind: "unknown" } });

  // Errors come back typed too: the documented error body, with its code.
  const missing = await api.GET("/leads/{id}", { params: { path: { id: "lead_does_not_exist" } } });
  expect(missing.response.status).toBe(404);
  expect(missing.error?.error.code).toBe("not_found");

  const anonymous = createClient<paths>({ baseUrl });
  const refused = await anonymous.GET("/me");
  expect(refused.response.status).toBe(401);
  expect(refused.error?.error.code).toBe("unauthorized");
});
