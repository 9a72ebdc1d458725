import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { configuredCrons, startCronDriver } from "../../scripts/cron-driver.mjs";
import { startDevServer, type DevServer } from "../support/dev-server.mjs";

// `npm start` drives the scheduled handler itself (wrangler dev never fires Cron Triggers). Here: hits whose
// enrichment messages died with a stopped dev server are re-queued by the first cron run after a restart.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const persistTo = mkdtempSync(path.join(tmpdir(), "sillage-cron-"));
let server: DevServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

const pending = async (s: DevServer) =>
  (await s.d1<{ n: number }>("SELECT count(*) AS n FROM hits WHERE site_id = 'site_demo' AND enrichment_status = 'pending'"))[0]!.n;

test("a restarted npm start re-queues the hits left pending by the previous run", async () => {
  server = await startDevServer({ persistTo });
  for (const path of ["/", "/tarifs/", "/livre-blanc/"]) {
    const res = await fetch(`${server.url}/collect`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", "X-Sillage-Client-IP": "81.252.173.10", "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0" },
      body: JSON.stringify({ site: "demo-site-key", vid: "cron-visitor-1", url: `http://127.0.0.1${path}` }),
    });
    expect(res.status).toBe(204);
  }
  const deadline = Date.now() + 60_000;
  while ((await server.d1<{ n: number }>("SELECT count(*) AS n FROM hits WHERE site_id = 'site_demo'"))[0]!.n < 3) {
    if (Date.now() > deadline) throw new Error("the hits were not stored");
    await new Promise((r) => setTimeout(r, 250));
  }
  const first = server;
  await first.stop();
  server = undefined;

  // What a dev server killed mid-enrichment leaves: stored hits, still pending, their queue messages gone.
  await first.d1("UPDATE hits SET enrichment_status = 'pending', received_at = received_at - 3600000 WHERE site_id = 'site_demo'");

  server = await startDevServer({ persistTo });
  expect(await pending(server)).toBe(3);
  const driver = startCronDriver({ baseUrl: server.url, crons: configuredCrons(path.join(root, "wrangler.toml")) });
  try {
    await driver.firstRuns;
    const until = Date.now() + 60_000;
    while ((await pending(server)) > 0) {
      if (Date.now() > until) throw new Error(`hits still pending after the start-up cron run:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    driver.stop();
  }
  const rows = await server.d1<{ status: string }>("SELECT DISTINCT enrichment_status AS status FROM hits WHERE site_id = 'site_demo'");
  expect(rows.map((r) => r.status)).not.toContain("pending");
}, 420_000); // two wrangler dev start-ups in a row
