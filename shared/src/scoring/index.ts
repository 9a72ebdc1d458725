/** Lead scoring engine: pure, runs in Workers and Node. See each module for the details. */
export { DEFAULT_MODEL, DEFAULT_MODEL_INPUT, CONTENT_FIT_MODEL, CONTENT_FIT_MODEL_INPUT } from "./default-model";
export { modelSchema, type Model, type ModelInput, type Rule, type Counter, type MqlDefinition } from "./model-schema";
export { parseModel, assertModel, formatIssues, InvalidModelError, type ParseModelResult } from "./parse-model";
export type { Condition, EventMatch, MetricCondition, PatternList } from "./conditions";
export { scoringEventSchema, firmographicsSchema, type ScoringEvent, type HitEvent, type ContactEvent, type CompanyEvent, type Firmographics } from "./events";
export { emptyState, type ScoreState } from "./state";
export { applyEvent, rescore, initialState, type ApplyResult } from "./apply-event";
export { currentScore, evaluateMql, needsRescore, type MqlEvaluation } from "./score";
export { explain, type ExplainLine } from "./explain";
export { formatExplainLine, formatPoints, relativeTimeFr } from "./explain-format";
export { signals, type Signal } from "./signals";
export { SIGNAL_KINDS, DEFAULT_SIGNAL_CONFIG, type SignalKind, type SignalConfig } from "./signal-config";
export { mergeStates } from "./merge";
export { scoreSettlesAt } from "./settle";
export { DEFAULT_PERSONAS, normalizeTitle, personasOf } from "./personas";
export { HEADCOUNT_CODES, HEADCOUNT_BRACKETS, headcountMatches, type HeadcountCode } from "./headcount";
export { nafSectionOf, normalizeNafCode } from "./naf";
