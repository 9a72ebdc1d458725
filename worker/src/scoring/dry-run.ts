import type { Model } from "@sillage/shared/scoring/model-schema";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import { rescoreLeads, statusWouldChange } from "./rescore";

/** A dry run reads at most this many leads inside one request; beyond, the figure is over that sample. */
export const DRY_RUN_MAX_LEADS = 5000;
const DRY_RUN_CHUNK = 200;

/** How many current leads a new model would move in or out of MQL, without writing anything. */
export async function dryRunModel(db: D1Database, workspaceId: string, model: Model, now: number) {
  const { results: leads } = await db
    .prepare(`SELECT id, siren, first_seen_at AS firstSeenAt, status, qualified FROM leads WHERE workspace_id = ? ORDER BY last_seen_at DESC LIMIT ?`)
    .bind(workspaceId, DRY_RUN_MAX_LEADS)
    .all<{ id: string; siren: string | null; firstSeenAt: number; status: LeadStatus; qualified: number }>();
  // Split by direction: "12 leads would become MQL, 3 would fall back".
  let wouldBecomeMql = 0;
  let wouldFallBack = 0;
  // Histories are read a chunk of leads at a time (a few queries each), as the rescoring job does.
  for (let i = 0; i < leads.length; i += DRY_RUN_CHUNK) {
    const chunk = leads.slice(i, i + DRY_RUN_CHUNK).map((l) => ({ ...l, qualified: !!l.qualified }));
    for (const r of await rescoreLeads(db, model, chunk, now)) {
      if (!statusWouldChange(r)) continue;
      if (r.status === "mql") wouldFallBack++;
      else wouldBecomeMql++;
    }
  }
  return { leadsEvaluated: leads.length, wouldChangeStatus: wouldBecomeMql + wouldFallBack, wouldBecomeMql, wouldFallBack };
}
