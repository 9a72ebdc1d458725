import type { LeadEventType } from "@sillage/shared/api/delivered-lead";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";

/**
 * Lead events for webhooks and Slack: a new lead is `lead.identified`; entering MQL is `lead.mql`. They are written to
 * the outbox in the same batch as the change they announce. (Human decisions — SQL, rejected — are announced by the
 * transitions route; overdue SLAs by the cron job.)
 */
export function announcedEvents(entered: readonly LeadStatus[]): LeadEventType[] {
  const events: LeadEventType[] = [];
  if (entered.includes("identified")) events.push("lead.identified");
  if (entered.includes("mql")) events.push("lead.mql");
  return events;
}
