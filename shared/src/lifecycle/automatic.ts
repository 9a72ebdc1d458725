import { transition } from "./transition";
import { SYSTEM, type HistoryEntry, type LifecycleLead } from "./types";

export interface ScoreVerdict {
  /** The lead's company or a contact is known (ScoreState.identified). */
  identified: boolean;
  /** The lead meets the MQL definition now (evaluateMql / ApplyResult.qualified). */
  qualified: boolean;
}

export interface AutomaticOptions {
  /**
   * An MQL nobody handled whose score fell back under the definition (decay, expiry) returns to nurturing.
   * Default true: a salesperson should not be handed interest that has gone cold.
   */
  demoteOnDecay?: boolean;
}

export const SCORE_BELOW_MQL = "score_below_mql";

/**
 * The lifecycle's reaction to a new score verdict, after each applied event and on the cron's re-check:
 * - anonymous → identified once the company or a contact is known;
 * - identified → mql when the MQL definition is met;
 * - nurturing → mql on a fresh crossing only (not qualified at the previous verdict, qualified now), so a
 *   rejected lead does not bounce straight back while its old score still stands;
 * - mql → nurturing when the definition is no longer met and `demoteOnDecay` (the downward crossing).
 * Returns the lead (with `qualified` updated) and the entries added, possibly none.
 */
export function onScoreChange(
  lead: LifecycleLead,
  verdict: ScoreVerdict,
  now: number,
  options: AutomaticOptions = {},
): { lead: LifecycleLead; entries: HistoryEntry[] } {
  const wasQualified = lead.qualified;
  let current: LifecycleLead = { ...lead, qualified: verdict.qualified };
  const entries: HistoryEntry[] = [];
  const step = (result: ReturnType<typeof transition>) => {
    if (!result.ok) return;
    current = { ...result.lead, qualified: verdict.qualified };
    entries.push(...result.entries);
  };

  if (current.status === "anonymous" && verdict.identified) step(transition(current, { type: "identify" }, SYSTEM, now));
  if (verdict.qualified) {
    if (current.status === "identified" || (current.status === "nurturing" && !wasQualified)) {
      step(transition(current, { type: "qualify" }, SYSTEM, now));
    }
  } else if (current.status === "mql" && (options.demoteOnDecay ?? true)) {
    step(transition(current, { type: "nurture", reason: SCORE_BELOW_MQL }, SYSTEM, now));
  }
  return { lead: current, entries };
}
