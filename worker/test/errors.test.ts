import { describe, expect, it } from "vitest";
import { createTestSite, worker } from "./support/fixtures";

const get = (path: string, headers: Record<string, string> = {}) => worker.fetch(new Request(`https://api.sillage.test${path}`, { headers }));

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(body.error.requestId).toMatch(/.{8,}/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body;
}

describe("errors", () => {
  it("unknown routes are a JSON 404 with a request id", async () => {
    const body = await expectError(await get("/nope"), 404, "not_found");
    expect(body.error.message).toContain("/nope");
  });

  it("the API refuses missing, malformed and unknown keys", async () => {
    await expectError(await get("/api/v1/me"), 401, "unauthorized");
    await expectError(await get("/api/v1/me", { Authorization: "Bearer nope" }), 401, "unauthorized");
    await expectError(await get("/api/v1/me", { Authorization: `Bearer slg_${"0".repeat(40)}` }), 401, "unauthorized");
  });

  it("bad query parameters are a 400 that names the field", async () => {
    const site = await createTestSite();
    const body = await expectError(await get("/api/v1/drops?from=yesterday", { Authorization: `Bearer ${site.apiKey}` }), 400, "bad_request");
    expect(body.error.message).toContain("from");
  });

  it("a valid key reaches its own workspace only", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    const res = await get("/api/v1/me", { Authorization: `Bearer ${a.apiKey}` });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { workspace: { id: string }; sites: { publicKey: string }[] };
    expect(me.workspace.id).toBe(a.workspaceId);
    expect(me.sites.map((s) => s.publicKey)).toEqual([a.siteKey]);
    expect(JSON.stringify(me)).not.toContain(b.siteKey);
  });

  it("serves the OpenAPI document without a key", async () => {
    const res = await get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/me", "/drops"]));
  });
});
