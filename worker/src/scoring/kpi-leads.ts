import type { KpiLead } from "@sillage/shared/lifecycle/kpis";
import type { HistoryEntry } from "@sillage/shared/lifecycle/types";
import type { LeadStatus, LifecycleActionType } from "@sillage/shared/lifecycle/statuses";

const ACTION_INTO: Record<LeadStatus, LifecycleActionType> = {
  anonymous: "identify",
  identified: "identify",
  mql: "qualify",
  sql: "accept",
  rejected: "reject",
  nurturing: "nurture",
};

/** Leads created before `until` with their transition histories, as the KPI computation takes them. */
export async function kpiLeads(db: D1Database, workspaceId: string, until: number): Promise<{ leads: KpiLead[]; slaHours: number }> {
  const ws = await db.prepare("SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?").bind(workspaceId).first<{ slaHours: number }>();
  const { results } = await db
    .prepare(
      `SELECT l.id, l.first_seen_at AS createdAt, t.from_status AS "from", t.to_status AS "to", t.actor, t.reason_code AS reason, t.at
         FROM leads l LEFT JOIN lead_transitions t ON t.lead_id = l.id
        WHERE l.workspace_id = ? AND l.first_seen_at < ? ORDER BY l.id, t.at`,
    )
    .bind(workspaceId, until)
    .all<{ id: string; createdAt: number; from: LeadStatus | null; to: LeadStatus | null; actor: string | null; reason: string | null; at: number | null }>();
  const byLead = new Map<string, { createdAt: number; history: HistoryEntry[] }>();
  for (const r of results) {
    let lead = byLead.get(r.id);
    if (!lead) byLead.set(r.id, (lead = { createdAt: r.createdAt, history: [] }));
    if (r.from && r.to && r.at !== null) {
      lead.history.push({
        from: r.from,
        to: r.to,
        action: ACTION_INTO[r.to],
        actor: r.actor === "system" || !r.actor ? { type: "system" } : { type: "user", id: r.actor },
        at: r.at,
        reason: r.reason ?? undefined,
      });
    }
  }
  return { leads: [...byLead.values()], slaHours: ws?.slaHours ?? 48 };
}
