/** The crm_sync_events table: lead events waiting to reach a CRM, or done, or failed with a reason. */

export interface PendingEvent {
  eventId: string;
  kind: string;
  taskId: string | null;
  attempts: number;
}

export interface NewSyncEvent {
  connectionId: string;
  eventId: string;
  workspaceId: string;
  leadId: string;
  kind: string;
  jobId?: string | null;
  at: number;
}

/** Inserts the events; a repeat (same connection and event id) is ignored. Returns those that are new. */
export async function recordSyncEvents(db: D1Database, events: readonly NewSyncEvent[], now: number): Promise<NewSyncEvent[]> {
  if (!events.length) return [];
  const results = await db.batch(
    events.map((e) =>
      db
        .prepare(
          `INSERT INTO crm_sync_events (connection_id, event_id, workspace_id, lead_id, kind, job_id, status, attempts, at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .bind(e.connectionId, e.eventId, e.workspaceId, e.leadId, e.kind, e.jobId ?? null, e.at, now),
    ),
  );
  return events.filter((_, i) => (results[i]?.meta.changes ?? 0) > 0);
}

export async function pendingEvents(db: D1Database, connectionId: string, leadId: string): Promise<PendingEvent[]> {
  const { results } = await db
    .prepare(
      `SELECT event_id AS eventId, kind, task_id AS taskId, attempts FROM crm_sync_events
        WHERE connection_id = ? AND lead_id = ? AND status = 'pending' ORDER BY at, event_id`,
    )
    .bind(connectionId, leadId)
    .all<PendingEvent>();
  return results;
}

const inList = (ids: readonly string[]) => JSON.stringify(ids);

export function markEventsDone(db: D1Database, connectionId: string, eventIds: readonly string[], now: number): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE crm_sync_events SET status = 'done', done_at = ?, last_error = NULL WHERE connection_id = ? AND event_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(now, connectionId, inList(eventIds));
}

export function markEventsFailed(db: D1Database, connectionId: string, eventIds: readonly string[], reason: string, now: number): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE crm_sync_events SET status = 'failed', done_at = ?, last_error = ? WHERE connection_id = ? AND event_id IN (SELECT value FROM json_each(?))`,
    )
    .bind(now, reason.slice(0, 500), connectionId, inList(eventIds));
}

/** A failed attempt that will be retried: counted, with its reason. */
export function noteAttempt(db: D1Database, connectionId: string, eventIds: readonly string[], reason: string): D1PreparedStatement {
  return db
    .prepare(`UPDATE crm_sync_events SET attempts = attempts + 1, last_error = ? WHERE connection_id = ? AND event_id IN (SELECT value FROM json_each(?))`)
    .bind(reason.slice(0, 500), connectionId, inList(eventIds));
}

/** Saved in `task_id` just before the MQL task is asked for: until the CRM's id replaces it, the task may exist. */
export const TASK_REQUESTED = "requested";

export async function saveTaskId(db: D1Database, connectionId: string, eventId: string, taskId: string): Promise<void> {
  await db.prepare("UPDATE crm_sync_events SET task_id = ? WHERE connection_id = ? AND event_id = ?").bind(taskId, connectionId, eventId).run();
}

/** Leads with pending events on healthy, enabled connections whose last try is older than `olderThan`: what the cron re-queues. */
export async function stalledSyncs(db: D1Database, createdBefore: number, limit: number): Promise<{ connectionId: string; leadId: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT e.connection_id AS connectionId, e.lead_id AS leadId FROM crm_sync_events e
         JOIN crm_connections c ON c.id = e.connection_id AND c.enabled = 1 AND c.state <> 'broken'
        WHERE e.status = 'pending' AND e.created_at < ? LIMIT ?`,
    )
    .bind(createdBefore, limit)
    .all<{ connectionId: string; leadId: string }>();
  return results;
}

/** Leads with pending events on one connection (to resume them once the connection works again). */
export async function pendingLeadsOf(db: D1Database, connectionId: string, limit: number): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT DISTINCT lead_id AS leadId FROM crm_sync_events WHERE connection_id = ? AND status = 'pending' LIMIT ?")
    .bind(connectionId, limit)
    .all<{ leadId: string }>();
  return results.map((r) => r.leadId);
}

/** Events waiting per connection of a workspace (what a broken or disabled connection still owes the CRM). */
export async function pendingCountsOf(db: D1Database, workspaceId: string): Promise<Map<string, number>> {
  const { results } = await db
    .prepare("SELECT connection_id AS id, COUNT(*) AS n FROM crm_sync_events WHERE workspace_id = ? AND status = 'pending' GROUP BY connection_id")
    .bind(workspaceId)
    .all<{ id: string; n: number }>();
  return new Map(results.map((r) => [r.id, r.n]));
}
