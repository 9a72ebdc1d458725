import type { Env } from "../env";
import { emitLeadEvent } from "../webhooks/emit";

/** MQLs nobody accepted or rejected within the workspace's SLA: flagged once, and announced (lead.sla_overdue). */
export async function flagOverdueMqls(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `UPDATE leads SET sla_overdue_at = ?1
      WHERE status = 'mql' AND sla_due_at IS NOT NULL AND sla_due_at < ?1 AND sla_overdue_at IS NULL
      RETURNING id, workspace_id AS workspaceId, sla_due_at AS dueAt`,
  )
    .bind(now)
    .all<{ id: string; workspaceId: string; dueAt: number }>();
  // `at` = the deadline, so that a repeated cron pass announces the same event (same id), not a new one.
  for (const lead of results) await emitLeadEvent(env, { workspaceId: lead.workspaceId, leadId: lead.id, event: "lead.sla_overdue", at: lead.dueAt });
  return results.length;
}
