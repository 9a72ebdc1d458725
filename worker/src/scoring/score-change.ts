import { applyEvent } from "@sillage/shared/scoring/apply-event";
import { emptyState, type ScoreState } from "@sillage/shared/scoring/state";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import type { Model } from "@sillage/shared/scoring/model-schema";
import { onScoreChange } from "@sillage/shared/lifecycle/automatic";
import type { LifecycleLead } from "@sillage/shared/lifecycle/types";
import type { LeadRow, ScoreChange } from "./lead-rows";

/**
 * Writers scoring the same lead concurrently are serialised by the lead's revision: the loser reloads and
 * applies again, at most this many times.
 */
export const MAX_ATTEMPTS = 8;

/**
 * The lead's new score state and lifecycle after `events` (pure): the lifecycle reacts to the score
 * (identified, MQL, back to nurturing). Cost is proportional to events × rules, never to the lead's history.
 */
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
