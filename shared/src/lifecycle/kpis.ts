import { DEFAULT_REJECTION_REASONS, type RejectionReason } from "./rejection-reasons";
import { DEFAULT_SLA_HOURS } from "./sla";
import type { HistoryEntry } from "./types";

export interface KpiLead {
  createdAt: number;
  history: readonly HistoryEntry[];
}

/** Half-open period [from, to). */
export interface Period {
  from: number;
  to: number;
}

export interface Kpis {
  period: Period;
  /** Leads created in the period. */
  leads: number;
  /** Leads that became MQL in the period (re-qualifications of one lead count once). */
  mqls: number;
  /** Leads accepted as SQL in the period. */
  sqls: number;
  /** Rejections in the period. */
  rejections: number;
  /** Of the leads created in the period, the share that reached MQL before the period's end. Null without leads. */
  leadToMqlRate: number | null;
  /** Of the leads that became MQL in the period, the share accepted as SQL afterwards, before the period's end. */
  mqlToSqlRate: number | null;
  /** Median time from (the latest) MQL to SQL, over SQLs accepted in the period. */
  medianMqlToSqlMs: number | null;
  sla: {
    slaHours: number;
    /** MQLs of the period accepted or rejected within the SLA. */
    inTime: number;
    /** Handled late, or still waiting past the deadline, or sent back by the system after the deadline. */
    breached: number;
    /** Still waiting, deadline not reached at the period's end. */
    pending: number;
    /** inTime / (inTime + breached); null when nothing is decided yet. */
    compliance: number | null;
  };
  /** Rejections in the period by reason code (every configured code is present, zero included). */
  rejectionReasons: Record<string, number>;
}

const HOUR_MS = 3_600_000;

/**
 * Funnel KPIs from leads and their transition histories. Counts are events in the period; the two conversion
 * rates are cohort rates (of the leads that entered the stage in the period, how many moved on before its end),
 * which is what "of these 500 leads, 120 became MQL: 24 %" means.
 */
export function computeKpis(leads: readonly KpiLead[], period: Period, options: { slaHours?: number; reasons?: readonly RejectionReason[] } = {}): Kpis {
  const slaHours = options.slaHours ?? DEFAULT_SLA_HOURS;
  const slaMs = slaHours * HOUR_MS;
  const inPeriod = (at: number) => at >= period.from && at < period.to;
  const rejectionReasons: Record<string, number> = {};
  for (const r of options.reasons ?? DEFAULT_REJECTION_REASONS) rejectionReasons[r.code] = 0;

  let created = 0;
  let createdReachedMql = 0;
  let mqls = 0;
  let mqlsAccepted = 0;
  let sqls = 0;
  let rejections = 0;
  const mqlToSql: number[] = [];
  const sla = { inTime: 0, breached: 0, pending: 0 };

  for (const lead of leads) {
    const history = [...lead.history].sort((a, b) => a.at - b.at);
    const toMql = history.filter((e) => e.to === "mql");
    if (inPeriod(lead.createdAt)) {
      created++;
      if (toMql.some((e) => e.at < period.to)) createdReachedMql++;
    }
    const mqlInPeriod = toMql.filter((e) => inPeriod(e.at));
    if (mqlInPeriod.length > 0) {
      mqls++;
      const firstMql = mqlInPeriod[0]!.at;
      if (history.some((e) => e.to === "sql" && e.at >= firstMql && e.at < period.to)) mqlsAccepted++;
    }

    history.forEach((entry, i) => {
      if (entry.to === "sql" && inPeriod(entry.at)) {
        sqls++;
        const mql = history
          .slice(0, i)
          .reverse()
          .find((e) => e.to === "mql");
        if (mql) mqlToSql.push(entry.at - mql.at);
      }
      if (entry.action === "reject" && inPeriod(entry.at)) {
        rejections++;
        const code = entry.reason ?? "unknown";
        rejectionReasons[code] = (rejectionReasons[code] ?? 0) + 1;
      }
      if (entry.to === "mql" && inPeriod(entry.at)) {
        const deadline = entry.at + slaMs;
        const exit = history.slice(i + 1).find((e) => e.from === "mql" && e.at < period.to);
        const handledByPerson = exit && exit.actor.type === "user" && (exit.action === "accept" || exit.action === "reject");
        if (handledByPerson) {
          if (exit.at <= deadline) sla.inTime++;
          else sla.breached++;
        } else if (exit) {
          // The system withdrew the MQL (score fell): only a miss if the deadline had already passed.
          if (exit.at > deadline) sla.breached++;
        } else if (period.to > deadline) sla.breached++;
        else sla.pending++;
      }
    });
  }

  const decided = sla.inTime + sla.breached;
  return {
    period,
    leads: created,
    mqls,
    sqls,
    rejections,
    leadToMqlRate: created === 0 ? null : createdReachedMql / created,
    mqlToSqlRate: mqls === 0 ? null : mqlsAccepted / mqls,
    medianMqlToSqlMs: median(mqlToSql),
    sla: { slaHours, ...sla, compliance: decided === 0 ? null : sla.inTime / decided },
    rejectionReasons,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
