import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { runScheduled } from "../src/cron/scheduled";
import { PURGE_SELECTIONS, PURGE_SLICE, purgeDeliveryRecords, STATEMENTS_PER_TABLE } from "../src/cron/purge-delivery-records";
import { createTestSite, deliverBatch, type TestSite } from "./support/fixtures";
import { api, seedContact, seedLead, seedWebhookEndpoint } from "./support/leads-data";

// Finished delivery records (webhook deliveries, outbox rows, CRM sync bookkeeping) go after 30 days; what is
// pending, recent, or remembered for the CRM's sake stays.

const DAY = 86_400_000;
const OLD = 31 * DAY;
const RECENT = 29 * DAY;

const ids = async (table: string, key: string, workspaceId: string) =>
  (await env.DB.prepare(`SELECT ${key} AS id FROM ${table} WHERE workspace_id = ? ORDER BY 1`).bind(workspaceId).all<{ id: string }>()).results.map(
    (r) => r.id,
  );

/** A CRM connection left disabled: nothing syncs or re-queues in the background while the test looks. */
async function seedConnection(site: TestSite): Promise<string> {
  const id = `crm_${site.workspaceId}`;
  await env.DB.prepare(
    "INSERT INTO crm_connections (id, workspace_id, crm, secret, secret_hint, events, created_at) VALUES (?, ?, 'hubspot', 'x', 'x', '[\"lead.mql\"]', ?)",
  )
    .bind(id, site.workspaceId, Date.now())
    .run();
  return id;
}

async function seedDelivery(site: TestSite, endpointId: string, id: string, status: string, createdAt: number, eventId = `evt_${id}`) {
  await env.DB.prepare(
    `INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event, payload, status, attempts, next_attempt_at, delivered_at, created_at)
     VALUES (?, ?, ?, ?, 'lead.mql', '{"data":{"lead":{"contact":{"name":"Claire Martin"}}}}', ?, 1, ?, ?, ?)`,
  )
    // A retry is due in an hour: the stalled-delivery sweep leaves it alone.
    .bind(
      id,
      endpointId,
      site.workspaceId,
      eventId,
      status,
      status === "pending" ? Date.now() + 3_600_000 : null,
      status === "delivered" ? createdAt : null,
      createdAt,
    )
    .run();
}

async function seedOutbox(site: TestSite, id: string, leadId: string, createdAt: number, dispatchedAt: number | null) {
  await env.DB.prepare("INSERT INTO lead_event_outbox (id, workspace_id, lead_id, event, at, created_at, dispatched_at) VALUES (?, ?, ?, 'lead.mql', ?, ?, ?)")
    .bind(id, site.workspaceId, leadId, createdAt, createdAt, dispatchedAt)
    .run();
}

async function seedSyncEvent(site: TestSite, conn: string, eventId: string, status: string, createdAt: number, o: { jobId?: string; leadId?: string } = {}) {
  await env.DB.prepare(
    `INSERT INTO crm_sync_events (connection_id, event_id, workspace_id, lead_id, kind, job_id, status, at, created_at, done_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      conn,
      eventId,
      site.workspaceId,
      o.leadId ?? "lead_x",
      o.jobId ? "backfill" : "lead.mql",
      o.jobId ?? null,
      status,
      createdAt,
      createdAt,
      status === "pending" ? null : createdAt,
    )
    .run();
}

async function seedSyncLog(site: TestSite, conn: string, id: string, at: number, leadId = "lead_x") {
  await env.DB.prepare(
    `INSERT INTO crm_sync_log (id, workspace_id, connection_id, lead_id, outcome, changes, event_ids, calls, at)
     VALUES (?, ?, ?, ?, 'updated', '{"written":{"name":"ACME"},"kept":{}}', '[]', 2, ?)`,
  )
    .bind(id, site.workspaceId, conn, leadId, at)
    .run();
}

describe("finished delivery records are purged after 30 days", () => {
  it("deletes delivered and failed deliveries, dispatched outbox rows and finished CRM syncs past 30 days; keeps the rest", async () => {
    const now = Date.now();
    const site = await createTestSite();
    const endpoint = await seedWebhookEndpoint(site, ["lead.mql"]);
    const conn = await seedConnection(site);
    const w = site.workspaceId;

    await seedDelivery(site, endpoint, `dlv_old_ok_${w}`, "delivered", now - OLD);
    await seedDelivery(site, endpoint, `dlv_old_failed_${w}`, "failed", now - OLD);
    await seedDelivery(site, endpoint, `dlv_old_retrying_${w}`, "pending", now - OLD); // still being retried: never purged
    await seedDelivery(site, endpoint, `dlv_new_ok_${w}`, "delivered", now - RECENT);
    await seedDelivery(site, endpoint, `dlv_new_failed_${w}`, "failed", now - RECENT);

    const lead = await seedLead(site, { name: "ACME", status: "mql" });
    await seedOutbox(site, `evt_old_sent_${w}`, lead, now - OLD - DAY, now - OLD);
    await seedOutbox(site, `evt_late_sent_${w}`, "lead_x", now - OLD - DAY, now - RECENT); // written long ago, sent recently
    await seedOutbox(site, `evt_unsent_${w}`, "lead_x", now - OLD, null); // never sent: the dispatcher still owes it

    await seedSyncEvent(site, conn, "e_old_done", "done", now - OLD);
    await seedSyncEvent(site, conn, "e_old_failed", "failed", now - OLD);
    await seedSyncEvent(site, conn, "e_old_pending", "pending", now - OLD); // the CRM does not have it yet
    await seedSyncEvent(site, conn, "e_new_done", "done", now - RECENT);
    // A finished backfill goes with its events; one with a pending event stays whole (its progress counts them).
    await env.DB.prepare(
      `INSERT INTO crm_backfill_jobs (id, workspace_id, connection_id, statuses, total, queued, started_at)
       VALUES ('bkf_done_' || ?1, ?1, ?2, '["mql"]', 2, 2, ?3), ('bkf_busy_' || ?1, ?1, ?2, '["mql"]', 2, 2, ?3)`,
    )
      .bind(w, conn, now - OLD)
      .run();
    await seedSyncEvent(site, conn, "backfill:done:1", "done", now - OLD, { jobId: `bkf_done_${w}` });
    await seedSyncEvent(site, conn, "backfill:done:2", "failed", now - OLD, { jobId: `bkf_done_${w}` });
    await seedSyncEvent(site, conn, "backfill:busy:1", "done", now - OLD, { jobId: `bkf_busy_${w}` });
    await seedSyncEvent(site, conn, "backfill:busy:2", "pending", now - OLD, { jobId: `bkf_busy_${w}` });

    await seedSyncLog(site, conn, `csl_old_${w}`, now - OLD);
    await seedSyncLog(site, conn, `csl_new_${w}`, now - RECENT);

    // Leases: one a crashed sync left two days ago goes; a live one and one that just expired stay.
    await env.DB.prepare(
      "INSERT INTO crm_locks (connection_id, key, owner, expires_at) VALUES (?1, 'lead:a', 'o1', ?2), (?1, 'lead:b', 'o2', ?3), (?1, 'lead:c', 'o3', ?4)",
    )
      .bind(conn, now - 2 * DAY, now + 60_000, now - 3_600_000)
      .run();
    // What Sillage last wrote in the CRM, and which record a lead is: kept however old.
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO crm_records (connection_id, record_id, siren, written, updated_at) VALUES (?, 'rec_1', '383474814', '{\"name\":\"ACME\"}', ?)",
      ).bind(conn, now - 400 * DAY),
      env.DB.prepare("INSERT INTO crm_lead_syncs (connection_id, lead_id, workspace_id, record_id, synced_at) VALUES (?, 'lead_x', ?, 'rec_1', ?)").bind(
        conn,
        w,
        now - 400 * DAY,
      ),
    ]);

    const report = await runScheduled(env, now);
    // 2 deliveries, 1 outbox row, 1 backfill job and its 2 events, 2 sync events, 1 log entry, 1 lease.
    expect(report.purgedDeliveryRecords).toBe(10);

    expect(await ids("webhook_deliveries", "id", w)).toEqual([`dlv_new_failed_${w}`, `dlv_new_ok_${w}`, `dlv_old_retrying_${w}`]);
    expect(await ids("lead_event_outbox", "id", w)).toEqual([`evt_late_sent_${w}`, `evt_unsent_${w}`]);
    expect(await ids("crm_sync_events", "event_id", w)).toEqual(["backfill:busy:1", "backfill:busy:2", "e_new_done", "e_old_pending"]);
    expect(await ids("crm_backfill_jobs", "id", w)).toEqual([`bkf_busy_${w}`]);
    expect(await ids("crm_sync_log", "id", w)).toEqual([`csl_new_${w}`]);
    const locks = await env.DB.prepare("SELECT key FROM crm_locks WHERE connection_id = ? ORDER BY key").bind(conn).all<{ key: string }>();
    expect(locks.results.map((r) => r.key)).toEqual(["lead:b", "lead:c"]);
    expect(await ids("crm_lead_syncs", "record_id", w)).toEqual(["rec_1"]);
    const records = await env.DB.prepare("SELECT count(*) AS n FROM crm_records WHERE connection_id = ?").bind(conn).first<{ n: number }>();
    expect(records!.n).toBe(1);

    // The console's delivery log lists what is left, newest first (ties by id, descending).
    const log = await api(site.apiKey, "GET", `/webhooks/${endpoint}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((d: { id: string }) => d.id)).toEqual([`dlv_new_ok_${w}`, `dlv_new_failed_${w}`, `dlv_old_retrying_${w}`]);
    // The busy backfill's progress still counts its events.
    const progress = await api(site.apiKey, "GET", `/crm/backfills/bkf_busy_${w}`);
    expect(progress.body).toMatchObject({ synced: 1, pending: 1, finished: false });

    // A late duplicate of a purged row's queue message finds nothing to announce: no second delivery of the event.
    const late = await deliverBatch("sillage-webhooks", [{ leadEventId: `evt_old_sent_${w}` }]);
    expect(late.outcome).toBe("ok");
    expect(await ids("webhook_deliveries", "id", w)).toHaveLength(3);
    // (Whereas the row, were it still there, would be announced: the endpoint listens to lead.mql.)
    await seedOutbox(site, `evt_old_sent_${w}`, lead, now - OLD - DAY, now - OLD);
    await deliverBatch("sillage-webhooks", [{ leadEventId: `evt_old_sent_${w}` }]);
    expect(await ids("webhook_deliveries", "id", w)).toHaveLength(4);
    await env.DB.batch(
      ["webhook_deliveries WHERE event_id", "lead_event_outbox WHERE id"].map((t) => env.DB.prepare(`DELETE FROM ${t} = ?`).bind(`evt_old_sent_${w}`)),
    );

    // The next run finds nothing more.
    expect((await runScheduled(env, now + 300_000)).purgedDeliveryRecords).toBe(0);
  });

  it("deletes a backlog in bounded runs, each resuming where the previous stopped", async () => {
    const now = Date.now();
    const site = await createTestSite();
    const endpoint = await seedWebhookEndpoint(site, ["lead.mql"]);
    const perRun = PURGE_SLICE * STATEMENTS_PER_TABLE;
    const backlog = perRun + 500;
    // Old delivered deliveries, and as many old dispatched outbox rows, one statement each.
    await env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1 - 1)
       INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event, payload, status, attempts, delivered_at, created_at)
       SELECT 'dlv_bulk_' || ?2 || '_' || i, ?3, ?2, 'evt_bulk_' || i, 'lead.mql', '{"data":{}}', 'delivered', 1, ?4 - i, ?4 - i FROM seq`,
    )
      .bind(backlog, site.workspaceId, endpoint, now - OLD)
      .run();
    await env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1 - 1)
       INSERT INTO lead_event_outbox (id, workspace_id, lead_id, event, at, created_at, dispatched_at)
       SELECT 'evt_bulk_' || ?2 || '_' || i, ?2, 'lead_bulk', 'lead.mql', ?3, ?3, ?3 FROM seq`,
    )
      .bind(backlog, site.workspaceId, now - OLD)
      .run();
    // A recent delivery of the same endpoint: untouched by every run.
    await seedDelivery(site, endpoint, `dlv_recent_${site.workspaceId}`, "delivered", now - DAY);

    const first = await purgeDeliveryRecords(env.DB, now);
    expect(first.webhook_deliveries).toBe(perRun);
    expect(first.lead_event_outbox).toBe(perRun);
    const second = await purgeDeliveryRecords(env.DB, now + 300_000);
    expect(second.webhook_deliveries).toBe(500);
    expect(second.lead_event_outbox).toBe(500);
    const third = await purgeDeliveryRecords(env.DB, now + 600_000);
    expect(third.webhook_deliveries).toBe(0);
    expect(await ids("webhook_deliveries", "id", site.workspaceId)).toEqual([`dlv_recent_${site.workspaceId}`]);
    expect(await ids("lead_event_outbox", "id", site.workspaceId)).toEqual([]);
  });

  it("finds the rows to delete through an index on every table that grows with events", async () => {
    const indexed: Record<string, RegExp> = {
      webhook_deliveries: /SEARCH webhook_deliveries USING (COVERING )?INDEX webhook_deliveries_finished_idx \(status=\? AND created_at<\?\)/,
      lead_event_outbox: /SEARCH lead_event_outbox USING (COVERING )?INDEX lead_event_outbox_pending_idx \(dispatched_at<\?\)/,
      crm_sync_events: /SEARCH e USING (COVERING )?INDEX crm_sync_events_status_idx \(status=\? AND created_at<\?\)/,
      crm_sync_log: /SEARCH crm_sync_log USING (COVERING )?INDEX crm_sync_log_at_idx \(at<\?\)/,
    };
    for (const { table, rows } of PURGE_SELECTIONS) {
      const pattern = indexed[table];
      if (!pattern) continue; // backfill jobs and leftover leases: a handful of rows
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${rows}`).bind(0, PURGE_SLICE).all<{ detail: string }>();
      const plan = results.map((r) => r.detail).join(" | ");
      expect(plan, table).toMatch(pattern);
      expect(plan, table).not.toMatch(new RegExp(`SCAN (${table}|e)\\b`));
    }
  });
});

describe("erasing a person removes their lead's events and CRM sync bookkeeping", () => {
  it("deletes the erased lead's outbox rows, sync events, log and record link, and counts them; other leads and workspaces keep theirs", async () => {
    const now = Date.now();
    const a = await createTestSite();
    const b = await createTestSite();
    const email = "claire.martin@gmail.com";
    const rows = async (site: TestSite) => {
      const conn = await seedConnection(site);
      const contact = await seedContact(site, { email, name: "Claire Martin" });
      const own = `lead_contact_${site.workspaceId}`;
      const other = `lead_other_${site.workspaceId}`;
      await env.DB.prepare(
        `INSERT INTO leads (id, workspace_id, key, name, contact_id, status, status_changed_at, score, first_seen_at, last_seen_at)
         VALUES (?1, ?2, 'contact:' || ?3, 'Claire Martin', ?3, 'mql', ?4, 60, ?4, ?4), (?5, ?2, 'siren:383474814', 'AIRBUS', NULL, 'mql', ?4, 60, ?4, ?4)`,
      )
        .bind(own, site.workspaceId, contact, now, other)
        .run();
      for (const lead of [own, other]) {
        await seedOutbox(site, `evt_identified_${lead}`, lead, now - DAY, now - DAY);
        await seedOutbox(site, `evt_mql_${lead}`, lead, now, null);
        await seedSyncEvent(site, conn, `evt_mql_${lead}`, "done", now, { leadId: lead });
        await seedSyncLog(site, conn, `csl_${lead}`, now, lead);
        await env.DB.prepare("INSERT INTO crm_lead_syncs (connection_id, lead_id, workspace_id, record_id, synced_at) VALUES (?, ?, ?, ?, ?)")
          .bind(conn, lead, site.workspaceId, `rec_${lead}`, now)
          .run();
      }
      return { own, other };
    };
    const inA = await rows(a);
    const inB = await rows(b);

    const erased = await api(a.apiKey, "POST", "/privacy/erase", { email });
    expect(erased.status).toBe(200);
    expect(erased.body.deleted).toMatchObject({ leads: 1, leadEvents: 2, crmSyncRecords: 3 });

    const leadsIn = async (table: string, workspaceId: string) =>
      (
        await env.DB.prepare(`SELECT DISTINCT lead_id AS id FROM ${table} WHERE workspace_id = ? ORDER BY 1`).bind(workspaceId).all<{ id: string }>()
      ).results.map((r) => r.id);
    for (const table of ["lead_event_outbox", "crm_sync_events", "crm_sync_log", "crm_lead_syncs"]) {
      expect(await leadsIn(table, a.workspaceId), table).toEqual([inA.other]);
      expect(await leadsIn(table, b.workspaceId), table).toEqual([inB.own, inB.other].sort());
    }
  });
});
