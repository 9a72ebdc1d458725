import { applyEvent } from "@sillage/shared/scoring/apply-event";
import { emptyState, type ScoreState } from "@sillage/shared/scoring/state";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import type { Model } from "@sillage/shared/scoring/model-schema";
import { onScoreChange } from "@sillage/shared/lifecycle/automatic";
import type { HistoryEntry, LifecycleLead } from "@sillage/shared/lifecycle/types";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import { persistLeadChange, type LeadRow, loadLeadRow, type ScoreChange } from "./lead-rows";

export const MAX_ATTEMPTS = 8;

export interface LeadChange {
  lead: LeadRow;
  /** Statuses entered by this change, in order (e.g. ["identified", "mql"]). */
  entered: LeadStatus[];
  entries: HistoryEntry[];
}

/**
 * Applies events to a lead's score state, then lets the lifecycle react (identified, MQL, back to nurturing).
 * Cost is proportional to the number of events × rules, never to the lead's history. Two consumers scoring the
 * same lead concurrently are serialised by the lead's revision: the loser reloads and applies again.
 */
export async function applyToLead(
  db: D1Database,
  model: Model,
  leadId: string,
  events: readonly ScoringEvent[],
  slaHours: number,
  now: number,
): Promise<LeadChange | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = await loadLeadRow(db, leadId);
    if (!row) return null;
    const change = scoreChange(model, row, events, slaHours, now);
    const saved = await persistLeadChange(db, row, change);
    if (saved) return { lead: saved, entered: change.entries.map((e) => e.to), entries: change.entries };
  }
  throw new Error(`lead ${leadId}: too much contention while scoring`);
}

/** The lead's new score state and lifecycle after `events` (pure). */
export function scoreChange(model: Model, row: LeadRow, events: readonly ScoringEvent[], slaHours: number, now: number): ScoreChange {
  let state: ScoreState = (row.scoreState as ScoreState | null) ?? emptyState(model.version);
  let score = row.score;
  let qualified = row.qualified;
  for (const event of events) {
    const r = applyEvent(model, state, event, now);
    state = r.state;
    score = r.score;
    qualified = r.qualified;
  }
  const lifecycle: LifecycleLead = { status: row.status, since: row.statusChangedAt, qualified: row.qualified, history: [] };
  const { lead: next, entries } = onScoreChange(lifecycle, { identified: state.identified, qualified }, now);
  return { state, score, modelVersion: model.version, lifecycle: next, entries, slaHours, now };
}
