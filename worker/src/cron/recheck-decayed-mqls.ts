import { evaluateMql } from "@sillage/shared/scoring/score";
import type { ScoreState } from "@sillage/shared/scoring/state";
import type { Model } from "@sillage/shared/scoring/model-schema";
import { onScoreChange } from "@sillage/shared/lifecycle/automatic";
import type { Env } from "../env";
import { loadActiveModel } from "../scoring/active-model";
import { loadLeadRow, persistLeadChange } from "../scoring/lead-rows";
import { readCursor, saveCursorStatement } from "./cursor";
import { workspaceSlaHours } from "../members/workspaces-store";

const TASK = "recheck-decayed-mqls";
/** Leads per run: about three queries each, within D1's per-invocation limit alongside the other tasks. */
const BATCH = 150;

/**
 * Decay is applied at read time, so nothing happens when interest fades unless someone looks: this re-checks
 * unhandled MQLs not seen for a day, and sends those under the MQL definition back to nurturing (the downward
 * crossing). It walks them in (last seen, id) order from a saved cursor, a bounded batch per run, and starts
 * over when it reaches the end: every such MQL is re-checked in turn, not the same oldest ones forever.
 */
export async function recheckDecayedMqls(env: Env, now: number): Promise<number> {
  const cursor = await readCursor(env.DB, TASK);
  const [seenAt, afterId] = cursor ? [Number(cursor.slice(0, cursor.indexOf(":"))), cursor.slice(cursor.indexOf(":") + 1)] : [-1, ""];
  const { results } = await env.DB.prepare(
    `SELECT id, workspace_id AS workspaceId, last_seen_at AS lastSeenAt FROM leads
      WHERE status = 'mql' AND last_seen_at < ?1 AND (last_seen_at > ?2 OR (last_seen_at = ?2 AND id > ?3))
      ORDER BY last_seen_at, id LIMIT ?4`,
  )
    .bind(now - 86_400_000, seenAt, afterId, BATCH)
    .all<{ id: string; workspaceId: string; lastSeenAt: number }>();
  const models = new Map<string, Model>();
  const slaHours = new Map<string, number>();
  let demoted = 0;
  for (const { id, workspaceId } of results) {
    const row = await loadLeadRow(env.DB, id);
    if (!row?.scoreState) continue;
    if (!models.has(workspaceId)) models.set(workspaceId, await loadActiveModel(env.DB, workspaceId));
    const state = row.scoreState as ScoreState;
    const mql = evaluateMql(models.get(workspaceId)!, state, now);
    if (mql.qualified) continue;
    const { lead, entries } = onScoreChange(
      { status: row.status, since: row.statusChangedAt, qualified: row.qualified, history: [] },
      { identified: state.identified, qualified: false },
      now,
    );
    if (!entries.length) continue;
    if (!slaHours.has(workspaceId)) {
      slaHours.set(workspaceId, await workspaceSlaHours(env.DB, workspaceId));
    }
    if (
      await persistLeadChange(env.DB, row, {
        state,
        score: mql.score,
        modelVersion: state.modelVersion,
        lifecycle: lead,
        entries,
        slaHours: slaHours.get(workspaceId)!,
        now,
      })
    )
      demoted++;
  }
  const last = results[results.length - 1];
  await saveCursorStatement(env.DB, TASK, results.length < BATCH || !last ? "" : `${last.lastSeenAt}:${last.id}`, now).run();
  return demoted;
}
