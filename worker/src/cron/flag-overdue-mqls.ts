import type { Env } from "../env";
import { outboxRow } from "../webhooks/outbox";

/** Leads per batch, and batches per invocation: 3 queries a batch keeps a run far under D1's per-invocation limits. */
const BATCH = 250;
const MAX_BATCHES = 40;

const OVERDUE = "status = 'mql' AND sla_due_at IS NOT NULL AND sla_due_at < ?2 AND sla_overdue_at IS NULL";

/**
 * MQLs nobody accepted or rejected within the workspace's SLA: flagged once, and announced (lead.sla_overdue).
 * Bounded batches, each one D1 transaction holding both the flag and its outbox row: a batch is flagged and
 * announced, or neither; a run that fails or runs out of budget leaves the rest unflagged, and the next run
 * (the predicate itself is the cursor) takes them up. The outbox dispatcher sends the events.
 */
export async function flagOverdueMqls(env: Env, now: number): Promise<number> {
  let flagged = 0;
  for (let b = 0; b < MAX_BATCHES; b++) {
    const { results } = await env.DB.prepare(
      `SELECT id, workspace_id AS workspaceId, sla_due_at AS dueAt FROM leads WHERE ${OVERDUE.replaceAll("?2", "?1")} ORDER BY sla_due_at, id LIMIT ?2`,
    )
      .bind(now, BATCH)
      .all<{ id: string; workspaceId: string; dueAt: number }>();
    if (!results.length) break;
    // `at` = the deadline, so that the same overdue MQL is always the same event id.
    const rows = await Promise.all(results.map((l) => outboxRow({ workspaceId: l.workspaceId, leadId: l.id, event: "lead.sla_overdue", at: l.dueAt }, now)));
    const json = JSON.stringify(rows);
    // The outbox rows first, under the same predicate as the flag that follows: both see the same leads.
    const [, flag] = await env.DB.batch([
      env.DB.prepare(
        `INSERT OR IGNORE INTO lead_event_outbox (id, workspace_id, lead_id, event, at, created_at)
         SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]'),
                json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]')
           FROM json_each(?1) j JOIN leads ON leads.id = json_extract(j.value, '$[2]') WHERE ${OVERDUE.replace(/\b(status|sla_due_at|sla_overdue_at)\b/g, "leads.$1")}`,
      ).bind(json, now),
      env.DB.prepare(`UPDATE leads SET sla_overdue_at = ?2 WHERE id IN (SELECT json_extract(value, '$[2]') FROM json_each(?1)) AND ${OVERDUE}`).bind(json, now),
    ]);
    flagged += flag?.meta.changes ?? 0;
    if (results.length < BATCH) break;
  }
  return flagged;
}
