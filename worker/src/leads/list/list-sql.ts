import type { ListPlan } from "./plan";
import { nameSearchSql } from "../name-search";

/** Sort expressions; `id` breaks ties so that the keyset order is total. */
const SORT_COLUMN = { score: "l.score", lastSeen: "l.last_seen_at", name: "l.name COLLATE NOCASE" } as const;

export const LIST_COLUMNS = `l.id, l.name, l.siren, l.status, l.score, l.status_changed_at AS statusChangedAt,
  l.sla_due_at AS slaDueAt, l.last_seen_at AS lastSeenAt, w.sla_hours AS slaHours,
  json_extract(c.record, '$.city') AS city, json_extract(c.record, '$.headcountLabel') AS headcountLabel,
  json_extract(c.record, '$.nafLabel') AS nafLabel`;

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * The SQL of one page of `GET /leads`: the workspace's live leads (merged ones live on in the lead they were
 * merged into), filtered, in keyset order after the cursor. Fetches one row more than the page to tell whether
 * another page follows. Pure.
 */
export function buildListSql(workspaceId: string, plan: ListPlan): { sql: string; binds: unknown[] } {
  const f = plan.filters;
  const where = ["l.workspace_id = ?", "l.merged_into IS NULL"];
  const binds: unknown[] = [workspaceId];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    binds.push(...values);
  };

  if (f.statuses) add(`l.status IN (${marks(f.statuses.length)})`, ...f.statuses);
  if (f.minScore !== null) add("l.score >= ?", f.minScore);
  if (f.maxScore !== null) add("l.score <= ?", f.maxScore);
  if (f.lastSeenFrom !== null) add("l.last_seen_at >= ?", f.lastSeenFrom);
  if (f.lastSeenBefore !== null) add("l.last_seen_at < ?", f.lastSeenBefore);
  if (f.networkKinds) {
    add(`EXISTS (SELECT 1 FROM hits h WHERE h.lead_id = l.id AND h.network_kind IN (${marks(f.networkKinds.length)}))`, ...f.networkKinds);
  }
  if (f.nafSections) add(`c.naf_section IN (${marks(f.nafSections.length)})`, ...f.nafSections);
  if (f.nafCodes.length || f.nafPrefixes.length) {
    const parts = [...f.nafCodes.map(() => "c.naf_code = ?"), ...f.nafPrefixes.map(() => "c.naf_code LIKE ?")];
    add(`(${parts.join(" OR ")})`, ...f.nafCodes, ...f.nafPrefixes.map((p) => `${p}%`));
  }
  if (f.headcountAtLeast !== null) add("c.headcount_min >= ?", f.headcountAtLeast);
  if (f.nameTokens) {
    const search = nameSearchSql("l.name", f.nameTokens);
    add(`(${search.sql})`, ...search.binds);
  }

  const column = SORT_COLUMN[plan.sort];
  const dir = plan.order === "asc" ? "ASC" : "DESC";
  if (plan.after) {
    const op = plan.order === "asc" ? ">" : "<";
    add(`(${column} ${op} ? OR (${column} = ? AND l.id ${op} ?))`, plan.after.value, plan.after.value, plan.after.id);
  }

  const sql = `SELECT ${LIST_COLUMNS}
    FROM leads l JOIN workspaces w ON w.id = l.workspace_id LEFT JOIN companies c ON c.siren = l.siren
   WHERE ${where.join(" AND ")}
   ORDER BY ${column} ${dir}, l.id ${dir}
   LIMIT ?`;
  return { sql, binds: [...binds, plan.limit + 1] };
}
