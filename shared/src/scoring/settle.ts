import { compileModel } from "./compile";
import type { Model } from "./model-schema";
import { DAY_MS, dayOf, type ScoreState } from "./state";

/** Contributions smaller than this no longer change the displayed (one-decimal) score. */
const NEGLIGIBLE = 0.05;

/**
 * Time after which the score and the MQL verdict can only change through a new event, or null when that is
 * already the case. Decay and windows move the score without any write, so a lead can cross its threshold
 * downward (or upward, when negative points fade) while nothing happens: store this next to the lead and let a
 * cron re-check leads whose `settlesAt` is still ahead (WHERE settles_at > last_checked_at), calling
 * evaluateMql and the lifecycle's onScoreChange. Leads past it are never re-read.
 */
export function scoreSettlesAt(model: Model, state: ScoreState): number | null {
  const compiled = compileModel(model);
  let latest = Number.NEGATIVE_INFINITY;
  for (const rule of compiled.hitRules) {
    const times = state.rules[rule.id]?.times;
    if (!times || times.length === 0 || (rule.expireMs === null && rule.halfLifeMs === null)) continue;
    const last = times[times.length - 1]!;
    let horizon = Number.POSITIVE_INFINITY;
    if (rule.expireMs !== null) horizon = rule.expireMs + 1;
    if (rule.halfLifeMs !== null) {
      const total = Math.abs(rule.points) * Math.min(rule.keep, times.length);
      horizon = Math.min(horizon, rule.halfLifeMs * Math.log2(Math.max(1, total / NEGLIGIBLE)));
    }
    latest = Math.max(latest, last + horizon);
  }
  // Windows (metrics, committee, surge) slide until the last hit's day leaves the longest of them.
  if (state.lastHitAt !== null && compiled.timeDependent) {
    latest = Math.max(latest, (dayOf(state.lastHitAt) + compiled.lookbackDays + 1) * DAY_MS);
    const s = state.signals;
    const cfg = compiled.signals;
    if (s.returnAt !== undefined) latest = Math.max(latest, s.returnAt + cfg.return.activeDays * DAY_MS + 1);
    if (s.highIntentAt !== undefined) latest = Math.max(latest, s.highIntentAt + cfg.highIntent.activeDays * DAY_MS + 1);
    if (s.conversionAt !== undefined) latest = Math.max(latest, s.conversionAt + cfg.conversion.activeDays * DAY_MS + 1);
  }
  return Number.isFinite(latest) ? Math.ceil(latest) : null;
}
