import { deleteInSlices } from "./delete-in-slices";

const DAY_MS = 86_400_000;
/** Finished delivery records are kept this long: the console's delivery log and a lead's CRM log show a month. */
export const DELIVERY_RECORDS_DAYS = 30;
/** Rows per DELETE, and DELETEs per table per run: at most 60 statements and 60,000 rows a run (17 million a day). */
export const PURGE_SLICE = 1000;
export const STATEMENTS_PER_TABLE = 10;
const KEEP_MS = DELIVERY_RECORDS_DAYS * DAY_MS;

/**
 * What goes, table by table: the rowids of at most ?2 rows older than ?1 (now - keepMs). On the large tables each
 * WHERE is a range read on an index (EXPLAIN QUERY PLAN in the test), so a run costs its slices whatever the backlog.
 *
 * Why 30 days never lets an event be announced twice: a delivery (and a CRM sync event) is unique per event id,
 * and that id derives from (lead, event, time). Every path that could produce the same id again ends within days:
 * an outbox row is re-sent only while `dispatched_at` is null; a queue message lives 4 days (the queues' default
 * retention, 14 at most); an overdue MQL is flagged once per deadline (`sla_overdue_at`), a site's quota event
 * once per day of collection (`quota_event_at`); score changes and decisions carry their own time. Rows still
 * pending or retrying are never touched.
 *
 * Kept for good: `crm_records` (what Sillage last wrote in each CRM field: without it a salesperson's edit would
 * be overwritten) and `crm_lead_syncs` (which CRM record a lead is: one row per lead, not per event).
 */
const PURGES = [
  // Delivered or failed for good (a retry stays `pending`): the console's delivery log shows 30 days.
  {
    table: "webhook_deliveries",
    keepMs: KEEP_MS,
    rows: "SELECT rowid FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < ?1 LIMIT ?2",
  },
  // Sent to the queue a month ago: the consumer has made its deliveries (emit is idempotent by id until then).
  { table: "lead_event_outbox", keepMs: KEEP_MS, rows: "SELECT rowid FROM lead_event_outbox WHERE dispatched_at < ?1 LIMIT ?2" },
  // A backfill's progress is counted from its events: the job goes first, once started a month ago with nothing pending.
  {
    table: "crm_backfill_jobs",
    keepMs: KEEP_MS,
    rows: `SELECT rowid FROM crm_backfill_jobs j WHERE started_at < ?1
             AND NOT EXISTS (SELECT 1 FROM crm_sync_events e WHERE e.job_id = j.id AND e.status = 'pending') LIMIT ?2`,
  },
  // Synced or failed for good; a backfill's events only once their job is gone (its progress reads them).
  {
    table: "crm_sync_events",
    keepMs: KEEP_MS,
    rows: `SELECT rowid FROM crm_sync_events e WHERE status IN ('done', 'failed') AND created_at < ?1
             AND (job_id IS NULL OR NOT EXISTS (SELECT 1 FROM crm_backfill_jobs j WHERE j.id = e.job_id)) LIMIT ?2`,
  },
  // Each attempt's decisions and the CRM's answers: a lead's recent history, read by GET /crm/leads/{id}/log.
  { table: "crm_sync_log", keepMs: KEEP_MS, rows: "SELECT rowid FROM crm_sync_log WHERE at < ?1 LIMIT ?2" },
  // Leases left by crashed syncs (a finished sync deletes its own, and a lease lasts 2 minutes): one that expired a day
  // ago is free for the taking anyway. The table holds only live leases and such leftovers: no index needed.
  { table: "crm_locks", keepMs: DAY_MS, rows: "SELECT rowid FROM crm_locks WHERE expires_at < ?1 LIMIT ?2" },
] as const;

export type PurgedTable = (typeof PURGES)[number]["table"];

/** Deletes finished delivery records past DELIVERY_RECORDS_DAYS, in bounded slices. Returns the rows deleted, by table. */
export async function purgeDeliveryRecords(db: D1Database, now: number): Promise<Record<PurgedTable, number>> {
  const deleted = Object.fromEntries(PURGES.map((p) => [p.table, 0])) as Record<PurgedTable, number>;
  for (const { table, keepMs, rows } of PURGES) {
    const slice = db.prepare(`DELETE FROM ${table} WHERE rowid IN (${rows})`).bind(now - keepMs, PURGE_SLICE);
    deleted[table] = await deleteInSlices(slice, PURGE_SLICE, STATEMENTS_PER_TABLE);
  }
  return deleted;
}

/** Each purge's row selection, for the test that checks it is an index range read. */
export const PURGE_SELECTIONS: readonly { table: PurgedTable; rows: string }[] = PURGES;
