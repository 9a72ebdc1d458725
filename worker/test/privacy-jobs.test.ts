import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { siteEventSchema } from "@sillage/shared/api/site-event";
import { eraseRawIps } from "../src/privacy/erase-raw-ips";
import { purgeExpiredHits, SITE_USAGE_DAYS } from "../src/privacy/purge-expired-hits";
import { collectEnvelope, createTestSite, deliverBatch, eventually, type TestSite } from "./support/fixtures";
import { api, seedVisitor, seedWebhookEndpoint } from "./support/leads-data";

// Background privacy and housekeeping jobs: bounded, resumable, and never touching what a workspace keeps.

const DAY = 86_400_000;

async function cron(at: number): Promise<Record<string, unknown>> {
  const entry = (exports as unknown as { default: { scheduled(c: { scheduledTime: Date; cron: string }): Promise<{ outcome: string }> } }).default;
  const result = await entry.scheduled({ scheduledTime: new Date(at), cron: "*/5 * * * *" });
  expect(result.outcome).toBe("ok");
  return result as unknown as Record<string, unknown>;
}

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

/** `n` hits of one browser, with a raw IP and the given enrichment state, inserted in one statement. */
async function seedHitsWithIp(site: TestSite, n: number, state: { status: string; retryAt?: number | null; occurredAt?: number }, tag: string) {
  const v = await seedVisitor(site);
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1 - 1)
     INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, type, source, url, hostname, path, ip, visit_location,
                       enrichment_status, enrichment_retry_at, occurred_at, received_at)
     SELECT 'hit_' || ?2 || '_' || ?8 || '_' || i, ?3, ?2, ?4, ?5, 'pageview', 'collect', 'https://www.exemple.fr/', 'www.exemple.fr', '/',
            '203.0.113.' || (i % 250), '{"city":"Lyon"}', ?6, ?7, ?9, ?9 FROM seq`,
  )
    .bind(n, site.workspaceId, site.siteId, v.visitorId, v.sessionId, state.status, state.retryAt ?? null, tag, state.occurredAt ?? Date.now())
    .run();
}

const ipsOf = (site: TestSite, status?: string) =>
  count(
    `SELECT count(*) AS n FROM hits WHERE workspace_id = ? AND ip IS NOT NULL ${status ? "AND enrichment_status = ?" : ""}`,
    site.workspaceId,
    ...(status ? [status] : []),
  );

describe("raw IPs are erased by a bounded background job", () => {
  it("erases every raw IP after enrichment over several bounded runs, including a workspace that stops keeping them, and none that are kept", async () => {
    const now = Date.now();
    const dropping = await createTestSite(); // never kept IPs: some were left behind
    const switching = await createTestSite(); // kept them, then switches keepRawIp off
    const keeping = await createTestSite(); // keeps them
    for (const ws of [switching, keeping]) expect((await api(ws.apiKey, "PATCH", "/workspace", { keepRawIp: true })).status).toBe(200);
    await seedHitsWithIp(dropping, 2500, { status: "done" }, "d");
    await seedHitsWithIp(dropping, 40, { status: "pending" }, "p"); // not enriched yet: the IP is still needed
    await seedHitsWithIp(dropping, 30, { status: "failed", retryAt: now + DAY }, "f"); // awaiting a second life
    await seedHitsWithIp(dropping, 20, { status: "failed", retryAt: null }, "g"); // given up
    await seedHitsWithIp(switching, 3000, { status: "skipped" }, "s");
    await seedHitsWithIp(keeping, 1500, { status: "done" }, "k");

    // Switching off no longer erases inline: the answer is immediate, the job does the work.
    const off = await api(switching.apiKey, "PATCH", "/workspace", { keepRawIp: false });
    expect(off.body.keepRawIp).toBe(false);

    // Runs of 6 statements (≤ 4 slices of 1,000): the 5,520 IPs to erase take several runs, each resuming.
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const p = await eraseRawIps(env.DB, now + i * 300_000, 6);
      runs.push(p.changed);
      if (p.complete && p.changed === 0) break;
    }
    expect(runs.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(Math.max(...runs)).toBeLessThanOrEqual(4000);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5520);

    expect(await ipsOf(switching)).toBe(0);
    expect(await ipsOf(dropping, "done")).toBe(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM hits WHERE workspace_id = ? AND enrichment_retry_at IS NULL AND enrichment_status = 'failed' AND ip IS NOT NULL",
        dropping.workspaceId,
      ),
    ).toBe(0);
    expect(await ipsOf(dropping, "pending")).toBe(40);
    expect(
      await count("SELECT count(*) AS n FROM hits WHERE workspace_id = ? AND enrichment_retry_at IS NOT NULL AND ip IS NOT NULL", dropping.workspaceId),
    ).toBe(30);
    expect(await count("SELECT count(*) AS n FROM hits WHERE workspace_id = ? AND ip IS NULL AND visit_location IS NOT NULL", switching.workspaceId)).toBe(0);
    expect(await ipsOf(keeping)).toBe(1500); // another workspace's kept IPs are untouched

    // The scheduled handler runs the same job.
    await seedHitsWithIp(switching, 10, { status: "done" }, "late");
    await cron(now + DAY);
    expect(await ipsOf(switching)).toBe(0);
    expect(await ipsOf(keeping)).toBe(1500);
  });
});

describe("the admin's on-demand purge is bounded and resumable", () => {
  it("purges 250 sites across several calls, reporting progress, and nothing of another workspace", async () => {
    const now = Date.now();
    const ws = await createTestSite();
    const other = await createTestSite();
    await env.DB.prepare("UPDATE workspaces SET retention_days = 30 WHERE id IN (?, ?)").bind(ws.workspaceId, other.workspaceId).run();
    await env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 249)
       INSERT INTO sites (id, workspace_id, name, public_key, allowed_hostnames, created_at)
       SELECT ?1 || '_' || printf('%03d', i), ?2, 'Site ' || i, ?1 || '-key-' || i, '["www.exemple.fr"]', ?3 FROM seq`,
    )
      .bind(ws.siteId, ws.workspaceId, now)
      .run();
    // Two expired hits and one recent hit on each of the 250 sites (the visitor belongs to the first site; hits are per site).
    const v = await seedVisitor(ws);
    await env.DB.prepare(
      `INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, type, source, enrichment_status, occurred_at, received_at)
       SELECT s.id || '_hit_' || k.value, s.id, s.workspace_id, ?2, ?3, 'pageview', 'collect', 'done', CASE WHEN k.value < 2 THEN ?4 ELSE ?5 END, ?5
         FROM sites s, json_each('[0,1,2]') k WHERE s.workspace_id = ?1`,
    )
      .bind(ws.workspaceId, v.visitorId, v.sessionId, now - 40 * DAY, now)
      .run();
    const ov = await seedVisitor(other);
    await env.DB.prepare(
      "INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, type, source, enrichment_status, occurred_at, received_at) VALUES (?, ?, ?, ?, ?, 'pageview', 'collect', 'done', ?, ?)",
    )
      .bind(`${other.siteId}_old`, other.siteId, other.workspaceId, ov.visitorId, ov.sessionId, now - 40 * DAY, now)
      .run();

    const calls: Array<{ changed: number; complete: boolean; sitesRemaining: number }> = [];
    for (let i = 0; i < 10; i++) {
      const p = await purgeExpiredHits(env.DB, now, { workspaceId: ws.workspaceId, maxStatements: 4 });
      calls.push(p);
      if (p.complete) break;
    }
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toMatchObject({ complete: true, sitesRemaining: 0 });
    const remaining = calls.map((c) => c.sitesRemaining);
    expect(remaining.slice(0, -1).every((n, i) => n > 0 && (i === 0 || n < remaining[i - 1]!))).toBe(true);
    expect(calls.reduce((a, c) => a + c.changed, 0)).toBe(500);
    expect(await count("SELECT count(*) AS n FROM hits WHERE workspace_id = ?", ws.workspaceId)).toBe(250);
    expect(await count("SELECT count(*) AS n FROM hits WHERE workspace_id = ?", other.workspaceId)).toBe(1);

    // The route reports the same progress: nothing left here.
    const res = await api(ws.apiKey, "POST", "/privacy/purge");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ purgedHits: 0, complete: true, sitesRemaining: 0, hitsPastRetention: 0 });
  });
});

describe("per-site usage counters and quota events", () => {
  it("purges usage counters older than a few days, keeping the recent ones", async () => {
    const site = await createTestSite();
    const now = Date.now();
    const day = (ago: number) => new Date(now - ago * DAY).toISOString().slice(0, 10);
    for (const ago of [0, 1, SITE_USAGE_DAYS - 1, SITE_USAGE_DAYS + 1, 40])
      await env.DB.prepare("INSERT INTO site_usage (site_id, day, hits, bytes) VALUES (?, ?, 1, 800)").bind(site.siteId, day(ago)).run();
    await cron(now);
    const { results } = await env.DB.prepare("SELECT day FROM site_usage WHERE site_id = ? ORDER BY day DESC").bind(site.siteId).all<{ day: string }>();
    expect(results.map((r) => r.day)).toEqual([day(0), day(1), day(SITE_USAGE_DAYS - 1)]);
  });

  it("writes site.quota_reached to the outbox in the transaction that stores the batch, then delivers it once", async () => {
    const site = await createTestSite();
    expect((await api(site.apiKey, "PATCH", "/workspace", { siteDailyQuotaMb: 1 })).status).toBe(200);
    const endpointId = await seedWebhookEndpoint(site, ["site.quota_reached"]);
    const day = new Date().toISOString().slice(0, 10);
    await env.DB.prepare("INSERT INTO site_usage (site_id, day, hits, bytes) VALUES (?, ?, 1000, ?)")
      .bind(site.siteId, day, 1_000_000 - 100)
      .run();
    const hit = (n: number) => collectEnvelope({ site: site.siteKey, vid: `outbox-quota-${n}0`, url: `https://www.exemple.fr/page-${n}` });

    // The event cannot be written: nothing of the batch commits (no drop counted, no "announced" mark), the queue retries.
    await env.DB.prepare(
      `CREATE TRIGGER fail_quota_outbox BEFORE INSERT ON lead_event_outbox WHEN NEW.lead_id = '${site.siteId}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
    ).run();
    const failed = await deliverBatch("sillage-hits", [hit(1)]);
    await env.DB.prepare("DROP TRIGGER fail_quota_outbox").run();
    expect(failed.retryMessages.length).toBe(1);
    expect(await count("SELECT count(*) AS n FROM site_usage WHERE site_id = ? AND quota_event_at IS NOT NULL", site.siteId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM drop_counters WHERE site_key = ?", site.siteKey)).toBe(0);

    // Redelivered: the drop, the mark and the event commit together; later batches that day add no event.
    await deliverBatch("sillage-hits", [hit(1)], 2);
    await deliverBatch("sillage-hits", [hit(2), hit(3)]);
    expect(await count("SELECT count(*) AS n FROM lead_event_outbox WHERE lead_id = ? AND event = 'site.quota_reached'", site.siteId)).toBe(1);
    expect(await count("SELECT count(*) AS n FROM site_usage WHERE site_id = ? AND quota_event_at IS NOT NULL", site.siteId)).toBe(1);

    const deliveries = await eventually(async () => {
      const { results } = await env.DB.prepare("SELECT payload FROM webhook_deliveries WHERE endpoint_id = ?").bind(endpointId).all<{ payload: string }>();
      return results.length ? results : null;
    });
    await cron(Date.now()); // the dispatcher finds nothing left to send twice
    expect(await count("SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ?", endpointId)).toBe(1);
    const event = siteEventSchema.parse(JSON.parse(deliveries[0]!.payload));
    expect(event).toMatchObject({
      type: "site.quota_reached",
      data: { site: { id: site.siteId, name: "Site de test", publicKey: site.siteKey }, day, quotaMb: 1 },
    });
  });
});
