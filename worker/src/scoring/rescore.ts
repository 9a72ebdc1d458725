import { rescore } from "@sillage/shared/scoring/apply-event";
import { evaluateMql } from "@sillage/shared/scoring/score";
import type { Model } from "@sillage/shared/scoring/model-schema";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import type { ScoreState } from "@sillage/shared/scoring/state";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import { leadsEvents, type LeadRef } from "./lead-events";

export interface RescoredLead {
  id: string;
  status: LeadStatus;
  state: ScoreState;
  score: number;
  qualifiedBefore: boolean;
  qualifiedAfter: boolean;
}

export type RescoreInput = LeadRef & { status: LeadStatus; qualified: boolean };

/** A lead's score under `model` from its history (pure). */
export function rescoreFromEvents(model: Model, lead: RescoreInput, events: readonly ScoringEvent[], now: number): RescoredLead {
  const state = rescore(model, events);
  const mql = evaluateMql(model, state, now);
  return { id: lead.id, status: lead.status, state, score: mql.score, qualifiedBefore: lead.qualified, qualifiedAfter: mql.qualified };
}

/** Recomputes leads' scores under `model` from their histories, read in a few queries. Pure reads: the caller decides what to write. */
export async function rescoreLeads(db: D1Database, model: Model, leads: readonly RescoreInput[], now: number): Promise<RescoredLead[]> {
  const events = await leadsEvents(db, leads);
  return leads.map((lead) => rescoreFromEvents(model, lead, events.get(lead.id) ?? [], now));
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
