import { currentScore } from "@sillage/shared/scoring/score";
import { explain, type ExplainLine } from "@sillage/shared/scoring/explain";
import { emptyState, type ScoreState } from "@sillage/shared/scoring/state";
import type { Model } from "@sillage/shared/scoring/model-schema";

export interface LeadScoreView {
  value: number;
  /** MQL threshold of the model, null for a condition-only model. */
  threshold: number | null;
  modelVersion: number;
  /** Every rule that contributes now, most recent first. */
  explanation: ExplainLine[];
}

/** The score as a salesperson sees it now (decay applied at read time), with its explanation. */
export function leadScoreView(model: Model, rawState: unknown, now: number): LeadScoreView {
  const state = (rawState as ScoreState | null) ?? emptyState(model.version);
  return {
    value: currentScore(model, state, now),
    threshold: model.mql.threshold ?? null,
    modelVersion: state.modelVersion ?? model.version,
    explanation: explain(model, state, now),
  };
}
