import { compileModel } from "./compile";
import type { Model } from "./model-schema";
import { readContext, roundScore, ruleContribution } from "./score";
import type { ScoreState } from "./state";

/** One line of a score's explanation: "+20 Page Tarifs, il y a 3 jours". */
export interface ExplainLine {
  ruleId: string;
  label: string;
  /** Points the rule gives now (decay applied), one decimal. */
  points: number;
  /** Points the rule gives per contribution, as the model says. */
  basePoints: number;
  /** Time of the last contribution (hit rules) or since when the rule holds (state rules). */
  at: number;
  /** Times the rule matched (hit rules) or became true (state rules). */
  count: number;
  /** The points are lower than they were because of decay. */
  decayed: boolean;
  /** When the most recent contribution expires, for rules with expireAfterDays. */
  expiresAt: number | null;
}

/**
 * Every rule that contributes to the score at `now`, most recent first. The points of the lines add up to the
 * score up to rounding.
 */
export function explain(model: Model, state: ScoreState, now: number): ExplainLine[] {
  const compiled = compileModel(model);
  const ctx = readContext(compiled, state, now);
  const lines: ExplainLine[] = [];
  for (const rule of compiled.rules) {
    const record = state.rules[rule.id];
    const exact = ruleContribution(rule, record, ctx);
    const points = roundScore(exact);
    if (points === 0) continue;
    const last = record?.times?.[record.times.length - 1];
    const at = rule.isHitRule ? last! : (record?.since ?? state.lastEventAt ?? now);
    const kept = rule.isHitRule ? Math.min(rule.keep, record?.times?.length ?? 0) : 1;
    const undecayed = rule.points * kept;
    const capped = rule.maxPoints !== null ? Math.sign(undecayed) * Math.min(Math.abs(undecayed), rule.maxPoints) : undecayed;
    lines.push({
      ruleId: rule.id,
      label: rule.label,
      points,
      basePoints: rule.points,
      at,
      count: record?.count ?? 1,
      decayed: rule.isHitRule && Math.abs(exact) < Math.abs(capped) - 1e-9,
      expiresAt: rule.isHitRule && rule.expireMs !== null ? last! + rule.expireMs : null,
    });
  }
  return lines.sort((a, b) => b.at - a.at || Math.abs(b.points) - Math.abs(a.points));
}
