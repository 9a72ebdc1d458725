import type { Env } from "../env";
import { emitLeadEvent } from "../webhooks/emit";

/** MQLs nobody accepted or rejected within the workspace's SLA: flagged once, and announced (lead.sla_overdue). */
export async function flagOverdueMqls(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `UPDATE leads SET sla_overdue_at = ?1
      WHERE status = 'mql' AND sla_due_at IS NOT NULL AND sla_due_at < ?1 AND sla_overdue_at IS NULL
      RETURNING id, workspace_id AS workspaceId`,
  )
    .bind(now)
    .all<{ id: string; workspaceId: string }>();
  for (const lead of results) await emitLeadEvent(env, { workspaceId: lead.workspaceId, leadId: lead.id, event: "lead.sla_overdue", at: now });
  return results.length;
}
