import type { Kpis, Period } from "@sillage/shared/lifecycle/kpis";
import { DEFAULT_REJECTION_REASONS, type RejectionReason } from "@sillage/shared/lifecycle/rejection-reasons";
import { workspaceSlaHours } from "../members/workspaces-store";

const HOUR_MS = 3_600_000;
/** Rejection reason codes are validated (at most 30 configured); old codes may linger: the answer stays small. */
const MAX_REASONS = 200;

/*
 * The funnel KPIs of shared/src/lifecycle/kpis.ts (computeKpis: the definitions), computed by D1 with aggregates,
 * so that a period of a workspace with 100,000 leads answers a few rows, not the leads. Each statement reads
 * the period's rows through the (workspace, time) indexes, then each row's own history by (lead_id, at).
 *
 * A history is ordered by (at, rowid): transitions are inserted in the order they happen, so two of one
 * millisecond keep their order (the pure function's stable sort sees them in the same order).
 *
 * Parameters: ?1 workspace, ?2 period start, ?3 period end (exclusive), ?4 SLA in ms.
 */

/** The period's transitions of one kind: a range of the (workspace_id, to_status, at) index. */
const PERIOD_TRANSITIONS = (alias: string, toStatus: string) =>
  `FROM lead_transitions ${alias} WHERE ${alias}.workspace_id = ?1 AND ${alias}.to_status = '${toStatus}' AND ${alias}.at >= ?2 AND ${alias}.at < ?3`;

/** Leads created in the period, and how many of them reached MQL before its end. */
const CREATED_SQL = `SELECT count(*) AS leads,
       coalesce(sum(EXISTS (SELECT 1 FROM lead_transitions t WHERE t.lead_id = l.id AND t.to_status = 'mql' AND t.at < ?3)), 0) AS reachedMql
  FROM leads l WHERE l.workspace_id = ?1 AND l.first_seen_at >= ?2 AND l.first_seen_at < ?3`;

/** Leads that became MQL in the period, and how many were accepted after their first MQL of the period. */
const MQL_SQL = `WITH m AS (SELECT t.lead_id, min(t.at) AS first ${PERIOD_TRANSITIONS("t", "mql")} GROUP BY t.lead_id)
SELECT count(*) AS mqls,
       coalesce(sum(EXISTS (SELECT 1 FROM lead_transitions s WHERE s.lead_id = m.lead_id AND s.to_status = 'sql' AND s.at >= m.first AND s.at < ?3)), 0) AS accepted
  FROM m`;

/** SQLs of the period, and the median time from each one's latest earlier MQL (the middle one or two rows). */
const SQL_SQL = `WITH s AS (
  SELECT t.at - (SELECT max(m.at) FROM lead_transitions m WHERE m.lead_id = t.lead_id AND m.to_status = 'mql'
                   AND m.at <= t.at AND (m.at < t.at OR m.rowid < t.rowid)) AS d
  ${PERIOD_TRANSITIONS("t", "sql")}),
r AS (SELECT d, row_number() OVER (ORDER BY d) AS i, count(*) OVER () AS n FROM s WHERE d IS NOT NULL)
SELECT (SELECT count(*) FROM s) AS sqls, (SELECT avg(d) FROM r WHERE i IN ((n + 1) / 2, (n + 2) / 2)) AS medianMs`;

/** Rejections of the period by reason code. */
const REJECTIONS_SQL = `SELECT coalesce(t.reason_code, 'unknown') AS reason, count(*) AS n, sum(count(*)) OVER () AS total
  ${PERIOD_TRANSITIONS("t", "rejected")}
  GROUP BY 1 ORDER BY 2 DESC LIMIT ${MAX_REASONS}`;

/**
 * SLA of each MQL transition of the period: its exit is the lead's next transition out of MQL (before the
 * period's end). A person accepting or rejecting by the deadline is in time, after it breached; the system
 * withdrawing it (score fell) is a breach only past the deadline; no exit is a breach once the deadline passed,
 * else pending.
 */
const SLA_SQL = `WITH q AS (SELECT t.lead_id, t.at, t.rowid AS rid ${PERIOD_TRANSITIONS("t", "mql")}),
x AS (
  SELECT q.at + ?4 AS deadline,
         (SELECT e.rowid FROM lead_transitions e WHERE e.lead_id = q.lead_id AND e.from_status = 'mql'
             AND e.at >= q.at AND (e.at > q.at OR e.rowid > q.rid) ORDER BY e.at, e.rowid LIMIT 1) AS exitId
    FROM q),
y AS (
  SELECT x.deadline, e.at AS exitAt,
         (e.to_status IN ('sql', 'rejected') AND e.actor NOT IN ('system', '')) AS byPerson
    FROM x LEFT JOIN lead_transitions e ON e.rowid = x.exitId AND e.at < ?3)
SELECT coalesce(sum(byPerson AND exitAt <= deadline), 0) AS inTime,
       coalesce(sum(CASE WHEN exitAt IS NULL THEN ?3 > deadline ELSE exitAt > deadline END), 0) AS breached,
       coalesce(sum(exitAt IS NULL AND ?3 <= deadline), 0) AS pending
  FROM y`;

const highestParam = (text: string) => Math.max(...[...text.matchAll(/\?(\d)/g)].map((m) => Number(m[1])));

/** The workspace's funnel KPIs over a period, computed in D1 (the SLA setting, then one batch; a bounded answer). */
export async function kpisFromStore(
  db: D1Database,
  workspaceId: string,
  period: Period,
  options: { reasons?: readonly RejectionReason[] } = {},
): Promise<Kpis> {
  const started = Date.now();
  const slaHours = await workspaceSlaHours(db, workspaceId);
  const args = [workspaceId, period.from, period.to, slaHours * HOUR_MS];
  const [created, mql, sql, rejections, sla] = await db.batch<Record<string, number | string | null>>(
    // D1 wants exactly the parameters a statement uses: ?1 to its highest.
    [CREATED_SQL, MQL_SQL, SQL_SQL, REJECTIONS_SQL, SLA_SQL].map((text) => db.prepare(text).bind(...args.slice(0, highestParam(text)))),
  );
  const rowsRead = [created, mql, sql, rejections, sla].reduce((n, r) => n + (r?.meta.rows_read ?? 0), 0);
  // What a period costs D1, whatever the workspace's size (npm run bench reads it).
  console.log(JSON.stringify({ msg: "kpis.read", rowsRead, ms: Date.now() - started }));
  const one = (r: D1Result<Record<string, number | string | null>> | undefined) => r!.results[0] ?? {};
  const num = (v: number | string | null | undefined) => Number(v ?? 0);

  const c = one(created);
  const m = one(mql);
  const s = one(sql);
  const t = one(sla);
  const rejectionReasons: Record<string, number> = {};
  for (const r of options.reasons ?? DEFAULT_REJECTION_REASONS) rejectionReasons[r.code] = 0;
  for (const r of rejections!.results) rejectionReasons[String(r.reason)] = num(r.n);
  const leads = num(c.leads);
  const mqls = num(m.mqls);
  const inTime = num(t.inTime);
  const breached = num(t.breached);
  return {
    period,
    leads,
    mqls,
    sqls: num(s.sqls),
    rejections: num(rejections!.results[0]?.total),
    leadToMqlRate: leads === 0 ? null : num(c.reachedMql) / leads,
    mqlToSqlRate: mqls === 0 ? null : num(m.accepted) / mqls,
    medianMqlToSqlMs: s.medianMs === null || s.medianMs === undefined ? null : Number(s.medianMs),
    sla: { slaHours, inTime, breached, pending: num(t.pending), compliance: inTime + breached === 0 ? null : inTime / (inTime + breached) },
    rejectionReasons,
  };
}
