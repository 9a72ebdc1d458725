import type { LeadStatus } from "@sillage/shared/api/leads";
import { slaDeadline } from "@sillage/shared/lifecycle/sla";

export interface SlaView {
  dueAt: string;
  overdue: boolean;
  remainingMs: number;
}

/**
 * The handover SLA of a lead waiting as an MQL, null otherwise. The stored deadline (set when it became an
 * MQL) wins; a lead written without one falls back to the workspace's SLA from the status change. Pure.
 */
export function slaView(lead: { status: LeadStatus; slaDueAt: number | null; statusChangedAt: number }, slaHours: number, now: number): SlaView | null {
  if (lead.status !== "mql") return null;
  const due = lead.slaDueAt ?? slaDeadline({ status: "mql", since: lead.statusChangedAt, qualified: true, history: [] }, slaHours)!;
  return { dueAt: new Date(due).toISOString(), overdue: now > due, remainingMs: due - now };
}
