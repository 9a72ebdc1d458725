import type { LifecycleLead } from "./types";

/** Handover SLA: contact an MQL within 24–48 h. Workspaces choose; 48 h by default. */
export const DEFAULT_SLA_HOURS = 48;
const HOUR_MS = 3_600_000;

/** When the current MQL must be accepted or rejected by, or null when the lead is not waiting as an MQL. */
export function slaDeadline(lead: LifecycleLead, slaHours: number = DEFAULT_SLA_HOURS): number | null {
  return lead.status === "mql" ? lead.since + slaHours * HOUR_MS : null;
}

/** Time left before the SLA is missed (negative once overdue), or null when the lead is not an MQL. */
export function slaRemainingMs(lead: LifecycleLead, slaHours: number = DEFAULT_SLA_HOURS, now: number): number | null {
  const deadline = slaDeadline(lead, slaHours);
  return deadline === null ? null : deadline - now;
}

/** An MQL neither accepted nor rejected within the SLA (wall-clock hours, weekends included). */
export function isOverdue(lead: LifecycleLead, slaHours: number = DEFAULT_SLA_HOURS, now: number): boolean {
  const remaining = slaRemainingMs(lead, slaHours, now);
  return remaining !== null && remaining < 0;
}
