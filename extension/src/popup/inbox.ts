/** The MQL inbox's ordering and SLA timers, pure so they are unit-tested. */
import type { LeadSummary } from "@sillage/shared/api/leads";

/** Hottest first; between equal scores, the one whose SLA ends first (overdue ones before). */
export function sortInbox(items: readonly LeadSummary[]): LeadSummary[] {
  const due = (s: LeadSummary) => (s.sla ? Date.parse(s.sla.dueAt) : Infinity);
  return [...items].sort((a, b) => b.score - a.score || due(a) - due(b) || a.name.localeCompare(b.name));
}

export interface SlaTimer {
  /** Milliseconds left (negative once overdue). */
  remainingMs: number;
  overdue: boolean;
}

/** Time left on the handover SLA at `now`, from its due date (the API's remainingMs is as of the answer). */
export function slaTimer(sla: LeadSummary["sla"], now: number): SlaTimer | null {
  if (!sla) return null;
  const remainingMs = Date.parse(sla.dueAt) - now;
  return { remainingMs, overdue: sla.overdue || remainingMs < 0 };
}
