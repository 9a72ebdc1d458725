import type { LeadStatus, LifecycleActionType } from "./statuses";

export type Actor = { type: "system" } | { type: "user"; id: string; name?: string };

export const SYSTEM: Actor = { type: "system" };

/** One line of a lead's history, kept for good (KPIs and the timeline read it). */
export interface HistoryEntry {
  from: LeadStatus;
  to: LeadStatus;
  action: LifecycleActionType;
  actor: Actor;
  at: number;
  /** Rejection reason code, or why the system moved the lead (`score_below_mql`). */
  reason?: string;
  note?: string;
}

export interface LifecycleLead {
  status: LeadStatus;
  /** When the current status began: an MQL's SLA runs from here. */
  since: number;
  /** The MQL verdict onScoreChange last saw: re-qualifying from nurturing needs a fresh crossing. */
  qualified: boolean;
  history: HistoryEntry[];
}

export type LifecycleAction =
  | { type: "identify"; note?: string }
  | { type: "qualify"; note?: string }
  | { type: "accept"; note?: string }
  | { type: "reject"; reason: string; note?: string }
  | { type: "nurture"; reason?: string; note?: string };

export type TransitionError =
  | { code: "illegal_transition"; from: LeadStatus; action: LifecycleActionType; allowedFrom: readonly LeadStatus[]; message: string }
  | { code: "actor_not_allowed"; action: LifecycleActionType; actor: Actor["type"]; message: string }
  | { code: "unknown_reason"; reason: string; message: string }
  | { code: "note_required"; reason: string; message: string }
  | { code: "note_too_long"; message: string };

export type TransitionResult = { ok: true; lead: LifecycleLead; status: LeadStatus; entries: HistoryEntry[] } | { ok: false; error: TransitionError };

export function newLead(at: number, status: LeadStatus = "anonymous"): LifecycleLead {
  return { status, since: at, qualified: false, history: [] };
}
