import type { KpiLead } from "./kpis";
import type { LeadStatus, LifecycleActionType } from "./statuses";
import type { HistoryEntry } from "./types";

/** Short builders of lead histories for the KPI tests (the pure definitions' and D1's), so both read alike. */
export const SYSTEM_ACTOR = { type: "system" as const };
export const REP_ACTOR = { type: "user" as const, id: "key_rep" };

/** A transition; accepting and rejecting are a salesperson's, the rest the system's unless `extra` says otherwise. */
export const entry = (from: LeadStatus, to: LeadStatus, action: LifecycleActionType, at: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  from,
  to,
  action,
  at,
  actor: action === "accept" || action === "reject" ? REP_ACTOR : SYSTEM_ACTOR,
  ...extra,
});

export const kpiLead = (createdAt: number, ...history: HistoryEntry[]): KpiLead => ({ createdAt, history });
