import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { createTestSite, deliverBatch, type TestSite } from "./support/fixtures";
import { seedWebhookEndpoint } from "./support/leads-data";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The runtime's own scheduled handler, as Cloudflare's cron trigger calls it. */
async function cron(at: number): Promise<void> {
  const entry = (exports as unknown as { default: { scheduled(c: { scheduledTime: Date; cron: string }): Promise<{ outcome: string }> } }).default;
  const result = await entry.scheduled({ scheduledTime: new Date(at), cron: "*/5 * * * *" });
  expect(result.outcome).toBe("ok");
}

const count = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

/** `n` MQLs whose SLA ran out an hour before `now`, inserted a thousand per statement. */
async function seedOverdueMqls(site: TestSite, n: number, now: number): Promise<void> {
  for (let from = 0; from < n; from += 1000) {
    const ids = Array.from({ length: Math.min(1000, n - from) }, (_, i) => `lead_ovd_${site.workspaceId}_${String(from + i).padStart(5, "0")}`);
    await env.DB.prepare(
      `INSERT INTO leads (id, workspace_id, key, name, status, status_changed_at, score, mql_at, sla_due_at, first_seen_at, last_seen_at)
       SELECT value, ?1, 'org:' || value, 'Entreprise ' || value, 'mql', ?2, 80, ?2, ?3, ?2, ?4 FROM json_each(?5)`,
    )
      .bind(site.workspaceId, now - 3 * DAY, now - HOUR, now, JSON.stringify(ids))
      .run();
  }
}

/** A fault injected into D1: announcing the overdue SLA of this one lead aborts its transaction. */
async function failOutboxFor(leadId: string, on: boolean) {
  await env.DB.prepare(
    on
      ? `CREATE TRIGGER fail_outbox_once BEFORE INSERT ON lead_event_outbox WHEN NEW.lead_id = '${leadId}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`
      : "DROP TRIGGER fail_outbox_once",
  ).run();
}

describe("cron tasks at scale: bounded batches, an outbox, resumed where they stopped", () => {
  it("announces every one of 5,000 overdue MQLs exactly once, even when a run fails midway", async () => {
    const now = Date.now();
    const site = await createTestSite();
    await seedOverdueMqls(site, 5000, now);
    const small = await createTestSite(); // a workspace listening: its events reach its endpoint
    await seedOverdueMqls(small, 3, now);
    await seedWebhookEndpoint(small, ["lead.sla_overdue"]);

    // Lead #2,600 of the big workspace cannot be announced during the first run: its batch rolls back whole.
    await failOutboxFor(`lead_ovd_${site.workspaceId}_02600`, true);
    await cron(now);
    const flaggedFirst = await count("SELECT count(*) AS n FROM leads WHERE workspace_id = ? AND sla_overdue_at IS NOT NULL", site.workspaceId);
    const outboxFirst = await count("SELECT count(*) AS n FROM lead_event_outbox WHERE workspace_id = ?", site.workspaceId);
    expect(flaggedFirst).toBeGreaterThan(0);
    expect(flaggedFirst).toBeLessThan(5000);
    expect(outboxFirst).toBe(flaggedFirst); // never a flag without its event
    await failOutboxFor(`lead_ovd_${site.workspaceId}_02600`, false);

    await cron(now + 5 * 60_000);
    await cron(now + 10 * 60_000); // a repeat finds nothing new to flag nor to send
    expect(await count("SELECT count(*) AS n FROM leads WHERE workspace_id = ? AND sla_overdue_at IS NOT NULL", site.workspaceId)).toBe(5000);
    expect(
      await count("SELECT count(DISTINCT lead_id) AS n FROM lead_event_outbox WHERE workspace_id = ? AND event = 'lead.sla_overdue'", site.workspaceId),
    ).toBe(5000);
    expect(await count("SELECT count(*) AS n FROM lead_event_outbox WHERE workspace_id = ?", site.workspaceId)).toBe(5000);
    expect(await count("SELECT count(*) AS n FROM lead_event_outbox WHERE workspace_id = ? AND dispatched_at IS NULL", site.workspaceId)).toBe(0);
    // The listening workspace's endpoint gets one delivery per overdue MQL, however often its outbox rows are
    // handed to the WEBHOOKS consumer (the dispatcher already queued them once; here they come again).
    const { results: events } = await env.DB.prepare("SELECT id FROM lead_event_outbox WHERE workspace_id = ?").bind(small.workspaceId).all<{ id: string }>();
    expect(events).toHaveLength(3);
    await deliverBatch(
      "sillage-webhooks",
      events.map((e) => ({ leadEventId: e.id })),
    );
    await deliverBatch(
      "sillage-webhooks",
      events.map((e) => ({ leadEventId: e.id })),
      2,
    );
    expect(
      await count("SELECT count(DISTINCT event_id) AS n FROM webhook_deliveries WHERE workspace_id = ? AND event = 'lead.sla_overdue'", small.workspaceId),
    ).toBe(3);
    expect(await count("SELECT count(*) AS n FROM webhook_deliveries WHERE workspace_id = ?", small.workspaceId)).toBe(3);
  }, 180_000);

  it("purges 1,500 sites in a fixed order from a saved cursor, each in turn, keeping what retention allows", async () => {
    const now = Date.now();
    const site = await createTestSite();
    await env.DB.prepare("UPDATE workspaces SET retention_days = 30 WHERE id = ?").bind(site.workspaceId).run();
    const siteIds = Array.from({ length: 1500 }, (_, i) => `site_prg_${site.workspaceId}_${String(i).padStart(4, "0")}`);
    const visitor = `vis_prg_${site.workspaceId}`;
    const session = `ses_prg_${site.workspaceId}`;
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO sites (id, workspace_id, name, public_key, allowed_hostnames, created_at)
         SELECT value, ?1, 'Site ' || value, 'pk-' || value, '["www.exemple.fr"]', ?2 FROM json_each(?3)`,
      ).bind(site.workspaceId, now, JSON.stringify(siteIds)),
      env.DB.prepare("INSERT INTO visitors (id, site_id, workspace_id, visitor_key, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)").bind(
        visitor,
        site.siteId,
        site.workspaceId,
        visitor,
        now,
        now,
      ),
      env.DB.prepare("INSERT INTO sessions (id, visitor_id, site_id, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?)").bind(
        session,
        visitor,
        site.siteId,
        now,
        now,
      ),
    ]);
    // Per site: one hit past retention (40 days), one within it (10 days).
    for (const age of [40, 10]) {
      await env.DB.prepare(
        `INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, type, source, url, hostname, path, occurred_at, received_at)
         SELECT 'hit_' || ?4 || '_' || value, value, ?1, ?2, ?3, 'pageview', 'collect', 'https://www.exemple.fr/', 'www.exemple.fr', '/', ?5, ?5 FROM json_each(?6)`,
      )
        .bind(site.workspaceId, visitor, session, age, now - age * DAY, JSON.stringify(siteIds))
        .run();
    }
    // Site #900 fails to purge during the first run (the run stops there, its cursor before it).
    await env.DB.prepare(
      `CREATE TRIGGER fail_purge_once BEFORE DELETE ON hits WHEN OLD.site_id = '${siteIds[900]}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
    ).run();
    await cron(now);
    const left = () => count("SELECT count(*) AS n FROM hits WHERE workspace_id = ? AND occurred_at < ?", site.workspaceId, now - 30 * DAY);
    expect(await left()).toBeGreaterThan(0);
    expect(await left()).toBeLessThan(1500);
    // In site order: every site before the failing chunk is purged, and the run saved where to resume.
    expect(
      await count("SELECT count(*) AS n FROM hits WHERE site_id < ? AND site_id LIKE 'site_prg_%' AND occurred_at < ?", siteIds[900], now - 30 * DAY),
    ).toBe(0);
    const saved = await env.DB.prepare("SELECT cursor FROM cron_cursors WHERE task = 'purge-expired-hits'").first<{ cursor: string }>();
    expect(saved?.cursor).toBe(siteIds[899]);
    await env.DB.prepare("DROP TRIGGER fail_purge_once").run();
    await cron(now + 5 * 60_000);
    await cron(now + 10 * 60_000);
    expect(await left()).toBe(0);
    expect(await count("SELECT count(*) AS n FROM hits WHERE workspace_id = ?", site.workspaceId)).toBe(1500); // the recent ones stay
  }, 180_000);
});
