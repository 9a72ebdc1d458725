import http from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startDevServer, type DevServer } from "../support/dev-server.mjs";

// A refused POST must be refused: under `wrangler dev`, a worker that answered 401 without reading the upload
// made the local proxy answer 503 "Your worker restarted mid-request" to some of them. Real wrangler dev, many
// unauthenticated POSTs with bodies of the sizes an API client sends, each on its own connection.

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer();
});

afterAll(async () => {
  await server?.stop();
});

/** Resolves with the status and body, or status 0 and the error when the connection broke. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: "POST", agent: false, headers: { "Content-Type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", (err) => resolve({ status: 0, text: String(err) }));
    // Written in pieces, as a client streaming its body does.
    for (let at = 0; at < body.length; at += 16 * 1024) req.write(body.slice(at, at + 16 * 1024));
    req.end();
  });
}

test("every unauthenticated POST with a body answers 401 with our JSON error, never 503", async () => {
  const routes = ["/api/v1/leads/lead_x/notes", "/api/v1/webhooks", "/api/v1/privacy/erase", "/api/v1/keys"];
  const sizes = [200, 4_000, 48_000, 200_000];
  const auth = [{}, { Authorization: "Bearer slg_not-a-real-key" }, { Authorization: `Bearer slg_${"0".repeat(40)}` }];
  const N = 240;
  const statuses: Record<number, number> = {};
  let sample = "";
  let next = 0;
  const worker = async () => {
    while (next < N) {
      const i = next++;
      const body = JSON.stringify({ body: "x".repeat(sizes[i % sizes.length]!) });
      const res = await post(server.url + routes[i % routes.length], body, auth[i % auth.length] as Record<string, string>);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status !== 401) sample ||= res.text.slice(0, 200);
      else expect(JSON.parse(res.text)).toMatchObject({ error: { code: "unauthorized" } });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  // statuses[0] counts broken connections.
  expect({ statuses, sample }).toEqual({ statuses: { 401: N }, sample: "" });
});
