import type { LeadEventType } from "@sillage/shared/api/delivered-lead";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { Env } from "../env";
import { dispatchOutbox, OUTBOX_INSERT_SELECT, outboxRow } from "../webhooks/outbox";

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

/**
 * The outbox rows announcing a guarded score write (`ifWon` of attributionStatements): appended to its batch, so they
 * commit only with it. `dispatch` sends them once committed; if that fails, the cron dispatcher sends them later.
 */
export async function announceIfWon(
  env: Env,
  ifWon: (sql: string, ...binds: unknown[]) => D1PreparedStatement,
  lead: { workspaceId: string; id: string },
  entered: readonly LeadStatus[],
  now: number,
): Promise<{ statements: D1PreparedStatement[]; dispatch: () => Promise<void> }> {
  const rows = await Promise.all(announcedEvents(entered).map((event) => outboxRow({ workspaceId: lead.workspaceId, leadId: lead.id, event, at: now }, now)));
  return {
    statements: rows.map((values) => ifWon(`${OUTBOX_INSERT_SELECT} WHERE {won}`, ...values)),
    dispatch: async () => {
      if (!rows.length) return;
      await dispatchOutbox(env, now, { ids: rows.map((v) => v[0] as string) }).catch((err) => console.error("outbox dispatch", err));
    },
  };
}
