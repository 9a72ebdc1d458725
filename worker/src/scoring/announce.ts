import type { Env } from "../env";
import type { LeadChange } from "./apply-to-lead";
import { emitLeadEvent } from "../webhooks/emit";

/**
 * Lead events for webhooks and Slack: a new lead is `lead.identified`; entering MQL is `lead.mql`.
 * (Human decisions — SQL, rejected — are announced by the transitions route; overdue SLAs by the cron job.)
 */
export async function announceLeadChange(env: Env, change: LeadChange, opts: { at: number }): Promise<void> {
  const base = { workspaceId: change.lead.workspaceId, leadId: change.lead.id };
  if (change.entered.includes("identified")) await emitLeadEvent(env, { ...base, event: "lead.identified", at: opts.at });
  if (change.entered.includes("mql")) await emitLeadEvent(env, { ...base, event: "lead.mql", at: opts.at });
}
