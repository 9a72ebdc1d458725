import type { LeadList, LeadStatus, LeadSummary } from "@sillage/shared/api/leads";
import { slaView } from "../sla-view";
import { encodeCursor } from "./cursor";
import { buildListSql } from "./list-sql";
import type { ListPlan } from "./plan";

export interface ListRow {
  id: string;
  name: string;
  siren: string | null;
  status: LeadStatus;
  score: number;
  statusChangedAt: number;
  slaDueAt: number | null;
  lastSeenAt: number;
  slaHours: number;
  city: string | null;
  headcountLabel: string | null;
  nafLabel: string | null;
}

/**
 * The score shown is the stored one (as of the lead's last scoring), the one the list is sorted and filtered
 * by; the detail shows the score decayed to this instant.
 */
export function toSummary(row: ListRow, now: number): LeadSummary {
  return {
    id: row.id,
    name: row.name,
    siren: row.siren,
    city: row.city,
    headcountLabel: row.headcountLabel,
    nafLabel: row.nafLabel,
    status: row.status,
    score: Math.round(row.score * 10) / 10,
    sla: slaView(row, row.slaHours, now),
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
  };
}

const sortValue = (row: ListRow, sort: ListPlan["sort"]) => (sort === "score" ? row.score : sort === "lastSeen" ? row.lastSeenAt : row.name);

export async function listLeads(db: D1Database, workspaceId: string, plan: ListPlan, now: number): Promise<LeadList> {
  const { sql, binds } = buildListSql(workspaceId, plan);
  const { results } = await db
    .prepare(sql)
    .bind(...binds)
    .all<ListRow>();
  const page = results.slice(0, plan.limit);
  const last = page[page.length - 1];
  const nextCursor =
    results.length > plan.limit && last ? encodeCursor({ sort: plan.sort, order: plan.order, value: sortValue(last, plan.sort), id: last.id }) : null;
  return { items: page.map((r) => toSummary(r, now)), nextCursor };
}
