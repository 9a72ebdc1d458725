import { rescore } from "@sillage/shared/scoring/apply-event";
import { evaluateMql } from "@sillage/shared/scoring/score";
import type { Model } from "@sillage/shared/scoring/model-schema";
import type { ScoreState } from "@sillage/shared/scoring/state";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import { leadEvents } from "./lead-events";

export interface RescoredLead {
  id: string;
  status: LeadStatus;
  state: ScoreState;
  score: number;
  qualifiedBefore: boolean;
  qualifiedAfter: boolean;
}

/** Recomputes one lead's score under `model` from its history. Pure reads: the caller decides what to write. */
export async function rescoreLead(
  db: D1Database,
  model: Model,
  lead: { id: string; siren: string | null; firstSeenAt: number; status: LeadStatus; qualified: boolean },
  now: number,
): Promise<RescoredLead> {
  const state = rescore(model, await leadEvents(db, lead));
  const mql = evaluateMql(model, state, now);
  return { id: lead.id, status: lead.status, state, score: mql.score, qualifiedBefore: lead.qualified, qualifiedAfter: mql.qualified };
}

/**
 * Whether a rescore changes what a salesperson sees: an identified or nurturing lead that would now qualify, or
 * an unhandled MQL that would no longer. SQL and rejected leads keep their human decision.
 */
export function statusWouldChange(r: Pick<RescoredLead, "status" | "qualifiedBefore" | "qualifiedAfter">): boolean {
  if (r.status === "identified") return r.qualifiedAfter;
  if (r.status === "nurturing") return r.qualifiedAfter && !r.qualifiedBefore; // a fresh crossing only
  if (r.status === "mql") return !r.qualifiedAfter;
  return false;
}
