import { describe, expect, it } from "vitest";
import { computeKpis, type KpiLead } from "./kpis";
import { entry, kpiLead } from "./history-builders";

const D = 86_400_000;
const H = 3_600_000;
const JAN = Date.UTC(2025, 0, 1);
const FEB = Date.UTC(2025, 1, 1);
const e = entry;
const lead = kpiLead;

/** Ten January leads and one from December. */
const leads: KpiLead[] = [
  // accepted after 10 h
  lead(
    JAN + D,
    e("anonymous", "identified", "identify", JAN + D),
    e("identified", "mql", "qualify", JAN + 2 * D),
    e("mql", "sql", "accept", JAN + 2 * D + 10 * H),
  ),
  // accepted after 72 h: SLA missed
  lead(JAN + D, e("anonymous", "identified", "identify", JAN + D), e("identified", "mql", "qualify", JAN + 3 * D), e("mql", "sql", "accept", JAN + 6 * D)),
  // rejected in time, no budget, then nurturing
  lead(
    JAN + 2 * D,
    e("identified", "mql", "qualify", JAN + 4 * D),
    e("mql", "rejected", "reject", JAN + 4 * D + 5 * H, { reason: "no_budget" }),
    e("rejected", "nurturing", "nurture", JAN + 4 * D + 5 * H),
  ),
  // rejected in time, out of target
  lead(JAN + 2 * D, e("identified", "mql", "qualify", JAN + 5 * D), e("mql", "rejected", "reject", JAN + 5 * D + H, { reason: "out_of_target" })),
  // MQL nobody handled, overdue at the end of January
  lead(JAN + 3 * D, e("identified", "mql", "qualify", JAN + 10 * D)),
  // MQL on the 31st: SLA still running at the end of the period
  lead(JAN + 3 * D, e("identified", "mql", "qualify", FEB - 5 * H)),
  // MQL withdrawn by the system (score decayed) before its deadline: not counted for SLA
  lead(JAN + 4 * D, e("identified", "mql", "qualify", JAN + 12 * D), e("mql", "nurturing", "nurture", JAN + 12 * D + 20 * H, { reason: "score_below_mql" })),
  // never MQL
  lead(JAN + 5 * D, e("anonymous", "identified", "identify", JAN + 5 * D)),
  lead(JAN + 6 * D),
  lead(JAN + 7 * D),
  // December lead, MQL in December, accepted in January after 30 h
  lead(JAN - 10 * D, e("identified", "mql", "qualify", JAN - H), e("mql", "sql", "accept", JAN + 29 * H)),
];

describe("funnel KPIs", () => {
  const kpis = computeKpis(leads, { from: JAN, to: FEB });

  it("counts leads, MQLs, SQLs and rejections in the period", () => {
    expect(kpis).toMatchObject({ leads: 10, mqls: 7, sqls: 3, rejections: 2 });
  });

  it("computes cohort conversion rates", () => {
    expect(kpis.leadToMqlRate).toBeCloseTo(7 / 10); // seven of the ten January leads reached MQL
    expect(kpis.mqlToSqlRate).toBeCloseTo(2 / 7); // of January's MQLs, two were accepted
  });

  it("takes the median time from MQL to SQL over the period's SQLs", () => {
    expect(kpis.medianMqlToSqlMs).toBe(30 * H); // 10 h, 30 h, 72 h
  });

  it("measures SLA compliance on decided MQLs only", () => {
    // in time: 10 h accept, 5 h reject, 1 h reject; breached: 72 h accept, unhandled since the 11th; pending: the 31st
    expect(kpis.sla).toEqual({ slaHours: 48, inTime: 3, breached: 2, pending: 1, compliance: 3 / 5 });
    expect(computeKpis(leads, { from: JAN, to: FEB }, { slaHours: 96 }).sla).toMatchObject({ inTime: 4, breached: 1, pending: 1 });
  });

  it("counts rejection reasons, every configured reason listed", () => {
    expect(kpis.rejectionReasons).toEqual({
      no_budget: 1,
      wrong_contact: 0,
      no_need: 0,
      bad_timing: 0,
      competitor: 0,
      out_of_target: 1,
      duplicate: 0,
      other: 0,
    });
  });

  it("returns null rates on an empty period", () => {
    const empty = computeKpis(leads, { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 1, 1) });
    expect(empty).toMatchObject({ leads: 0, mqls: 0, leadToMqlRate: null, mqlToSqlRate: null, medianMqlToSqlMs: null, sla: { compliance: null } });
  });

  it("judges conversion at the period's end: December's MQL accepted in January does not count for December", () => {
    const december = computeKpis(leads, { from: JAN - 31 * D, to: JAN });
    expect(december).toMatchObject({ leads: 1, mqls: 1, sqls: 0, mqlToSqlRate: 0, leadToMqlRate: 1 });
  });
});
