import type { HistoryEntry } from "@sillage/shared/lifecycle/types";
import type { Env } from "../env";
import { emitLeadEvent } from "../webhooks/emit";

/**
 * Webhooks and Slack hear about a salesperson's decision: accepted (lead.sql) or rejected (lead.rejected).
 * Nurturing is not announced. The decision is already saved: a failure here is logged, not reported as the
 * decision failing (emitLeadEvent is idempotent, so a later retry of the same event would be safe).
 */
export async function announceDecision(env: Env, lead: { id: string; workspaceId: string }, entries: readonly HistoryEntry[], at: number): Promise<void> {
  const event = entries.some((e) => e.to === "sql") ? "lead.sql" : entries.some((e) => e.to === "rejected") ? "lead.rejected" : null;
  if (!event) return;
  try {
    await emitLeadEvent(env, { workspaceId: lead.workspaceId, leadId: lead.id, event, at });
  } catch (err) {
    console.error("lead event not announced", lead.id, event, err);
  }
}
