import { evaluateMql } from "@sillage/shared/scoring/score";
import type { ScoreState } from "@sillage/shared/scoring/state";
import { onScoreChange } from "@sillage/shared/lifecycle/automatic";
import type { Env } from "../env";
import { loadActiveModel } from "../scoring/active-model";
import { loadLeadRow, persistLeadChange } from "../scoring/lead-rows";

const BATCH = 500;

/**
 * Decay is applied at read time, so nothing happens when interest fades unless someone looks: this re-checks
 * unhandled MQLs not seen for a day, and sends those under the MQL definition back to nurturing (the downward
 * crossing). Oldest activity first, a bounded batch per run.
 */
export async function recheckDecayedMqls(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id, workspace_id AS workspaceId FROM leads WHERE status = 'mql' AND last_seen_at < ? ORDER BY last_seen_at LIMIT ?`,
  )
    .bind(now - 86_400_000, BATCH)
    .all<{ id: string; workspaceId: string }>();
  let demoted = 0;
  for (const { id, workspaceId } of results) {
    const row = await loadLeadRow(env.DB, id);
    if (!row?.scoreState) continue;
    const model = await loadActiveModel(env.DB, workspaceId);
    const state = row.scoreState as ScoreState;
    const mql = evaluateMql(model, state, now);
    if (mql.qualified) continue;
    const { lead, entries } = onScoreChange({ status: row.status, since: row.statusChangedAt, qualified: row.qualified, history: [] }, { identified: state.identified, qualified: false }, now);
    if (!entries.length) continue;
    const ws = await env.DB.prepare("SELECT sla_hours AS h FROM workspaces WHERE id = ?").bind(workspaceId).first<{ h: number }>();
    if (await persistLeadChange(env.DB, row, { state, score: mql.score, modelVersion: state.modelVersion, lifecycle: lead, entries, slaHours: ws?.h ?? 48, now })) demoted++;
  }
  return demoted;
}
