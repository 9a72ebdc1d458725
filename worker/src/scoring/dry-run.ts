import type { Model } from "@sillage/shared/scoring/model-schema";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import { rescoreLead, statusWouldChange } from "./rescore";

/** A dry run reads at most this many leads inside one request; beyond, the figure is over that sample. */
export const DRY_RUN_MAX_LEADS = 5000;

/** How many current leads a new model would move in or out of MQL, without writing anything. */
export async function dryRunModel(db: D1Database, workspaceId: string, model: Model, now: number) {
  const { results: leads } = await db
    .prepare(`SELECT id, siren, first_seen_at AS firstSeenAt, status, qualified FROM leads WHERE workspace_id = ? ORDER BY last_seen_at DESC LIMIT ?`)
    .bind(workspaceId, DRY_RUN_MAX_LEADS)
    .all<{ id: string; siren: string | null; firstSeenAt: number; status: LeadStatus; qualified: number }>();
  let wouldChangeStatus = 0;
  for (const lead of leads) {
    if (statusWouldChange(await rescoreLead(db, model, { ...lead, qualified: !!lead.qualified }, now))) wouldChangeStatus++;
  }
  return { leadsEvaluated: leads.length, wouldChangeStatus };
}
