import type { Env } from "../env";
import { deriveEventId } from "../webhooks/event-id";
import { dispatchOutbox } from "../webhooks/outbox";
import type { QuotaReached } from "./ingest-run";

const EVENT = "site.quota_reached";

/** One id per site and UTC day, the one emitSiteEvent gives it: however many batches meet the quota, one event. */
const eventIdOf = (q: QuotaReached) => deriveEventId(q.siteId, EVENT, Date.parse(`${q.day}T00:00:00Z`));

/**
 * `site.quota_reached`, once per site per UTC day, written to the outbox in the ingestion transaction that marks
 * the day's usage as announced: a failure before it is sent loses nothing (the outbox dispatcher sends it later).
 */
export async function quotaEventStatements(d1: D1Database, reached: Iterable<QuotaReached>): Promise<D1PreparedStatement[]> {
  const statements: D1PreparedStatement[] = [];
  for (const q of reached) {
    const data = JSON.stringify({ site: { id: q.siteId, publicKey: q.siteKey }, day: q.day, quotaMb: q.quotaMb });
    statements.push(
      d1
        .prepare("INSERT OR IGNORE INTO lead_event_outbox (id, workspace_id, lead_id, event, at, created_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(await eventIdOf(q), q.workspaceId, q.siteId, EVENT, q.at, q.at, data),
      d1
        .prepare(
          `INSERT INTO site_usage (site_id, day, hits, bytes, quota_event_at) VALUES (?, ?, 0, 0, ?)
           ON CONFLICT(site_id, day) DO UPDATE SET quota_event_at = coalesce(quota_event_at, excluded.quota_event_at)`,
        )
        .bind(q.siteId, q.day, q.at),
    );
  }
  return statements;
}

/** Sends the batch's quota events now; what fails here waits in the outbox for the cron's dispatcher. */
export async function dispatchQuotaEvents(env: Env, reached: readonly QuotaReached[], now: number): Promise<void> {
  if (!reached.length) return;
  const ids = await Promise.all(reached.map(eventIdOf));
  await dispatchOutbox(env, now, { ids }).catch((err) => console.error("site.quota_reached not sent yet; the outbox keeps it", err));
}
