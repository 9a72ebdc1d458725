import type { Env } from "../env";
import type { LeadChange } from "./apply-to-lead";
import { emitLeadEvent } from "../webhooks/emit";
import type { LeadEventType } from "@sillage/shared/api/delivered-lead";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";

/**
 * Lead events for webhooks and Slack: a new lead is `lead.identified`; entering MQL is `lead.mql`.
 * (Human decisions — SQL, rejected — are announced by the transitions route; overdue SLAs by the cron job.)
 */
export async function announceLeadChange(env: Env, change: LeadChange, opts: { at: number }): Promise<void> {
  const base = { workspaceId: change.lead.workspaceId, leadId: change.lead.id };
  for (const event of announcedEvents(change.entered)) await emitLeadEvent(env, { ...base, event, at: opts.at });
}

/** The lead events a score change announces, from the statuses it entered (pure). */
export function announcedEvents(entered: readonly LeadStatus[]): LeadEventType[] {
  const events: LeadEventType[] = [];
  if (entered.includes("identified")) events.push("lead.identified");
  if (entered.includes("mql")) events.push("lead.mql");
  return events;
}
