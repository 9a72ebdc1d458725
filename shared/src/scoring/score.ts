import { compileModel } from "./compile";
import type { CompiledModel, CompiledRule, EvalContext } from "./compiled-model";
import type { Model } from "./model-schema";
import type { RuleRecord, ScoreState } from "./state";

export function readContext(compiled: CompiledModel, state: ScoreState, at: number): EvalContext {
  return { compiled, state, at, hit: null, memo: new Map() };
}

/** Weight of a contribution made `ageMs` ago: halves every half-life, zero once expired. */
export function decayFactor(rule: CompiledRule, ageMs: number): number {
  const age = Math.max(0, ageMs);
  if (rule.expireMs !== null && age > rule.expireMs) return 0;
  return rule.halfLifeMs === null ? 1 : Math.pow(2, -age / rule.halfLifeMs);
}

/**
 * Points a rule gives at ctx.at. Hit rules: their most recent contributions, decayed, capped by maxPoints.
 * State rules: their points while their condition holds now.
 */
export function ruleContribution(rule: CompiledRule, record: RuleRecord | undefined, ctx: EvalContext): number {
  if (!rule.isHitRule) return rule.test(ctx) ? rule.points : 0;
  const times = record?.times;
  if (!times || times.length === 0) return 0;
  let sum = 0;
  // A merged state may hold more than `keep` times until its next event: only the most recent count.
  for (let i = Math.max(0, times.length - rule.keep); i < times.length; i++) {
    sum += rule.points * decayFactor(rule, ctx.at - times[i]!);
  }
  if (rule.maxPoints !== null) sum = rule.points > 0 ? Math.min(sum, rule.maxPoints) : Math.max(sum, -rule.maxPoints);
  return sum;
}

/** Unrounded score, for comparisons in tests and for the settle computation. */
export function exactScore(compiled: CompiledModel, state: ScoreState, at: number): number {
  const ctx = readContext(compiled, state, at);
  let total = 0;
  for (const rule of compiled.rules) total += ruleContribution(rule, state.rules[rule.id], ctx);
  return total;
}

/** Scores are shown and compared with one decimal: what the salesperson sees is what crosses the threshold. */
export function roundScore(score: number): number {
  const rounded = Math.round(score * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** The lead's score at `now`, decay applied at read time (decay never needs a write). */
export function currentScore(model: Model, state: ScoreState, now: number): number {
  return roundScore(exactScore(compileModel(model), state, now));
}

export interface MqlEvaluation {
  qualified: boolean;
  score: number;
  /** Whether each part of the MQL definition holds; null when the model does not use it. */
  threshold: boolean | null;
  condition: boolean | null;
}

export function evaluateMqlCompiled(compiled: CompiledModel, state: ScoreState, at: number): MqlEvaluation {
  const score = roundScore(exactScore(compiled, state, at));
  const { threshold, test, mode } = compiled.mql;
  const byThreshold = threshold === null ? null : score >= threshold;
  const byCondition = test === null ? null : test(readContext(compiled, state, at));
  const parts = [byThreshold, byCondition].filter((p): p is boolean => p !== null);
  const qualified = parts.length > 0 && (mode === "all" ? parts.every(Boolean) : parts.some(Boolean));
  return { qualified, score, threshold: byThreshold, condition: byCondition };
}

/** Does the lead meet the workspace's MQL definition at `now` (threshold and/or condition)? */
export function evaluateMql(model: Model, state: ScoreState, now: number): MqlEvaluation {
  return evaluateMqlCompiled(compileModel(model), state, now);
}

/** The state was computed with another model version: schedule a background rescore. */
export function needsRescore(model: Model, state: ScoreState): boolean {
  return state.modelVersion !== model.version;
}
