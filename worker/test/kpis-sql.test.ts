import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { computeKpis, type KpiLead, type Period } from "@sillage/shared/lifecycle/kpis";
import type { HistoryEntry } from "@sillage/shared/lifecycle/types";
import type { LeadStatus, LifecycleActionType } from "@sillage/shared/lifecycle/statuses";
import { entry, kpiLead, REP_ACTOR, SYSTEM_ACTOR } from "@sillage/shared/lifecycle/history-builders";
import { kpisFromStore } from "../src/scoring/kpi-store";
import { createTestSite, type TestSite } from "./support/fixtures";
import { api } from "./support/leads-data";

/*
 * The KPIs D1 computes (worker/src/scoring/kpi-store.ts) must be the KPIs the definitions give
 * (shared/src/lifecycle/kpis.ts, computeKpis) on the same leads and histories, whatever their shape.
 */

const H = 3_600_000;
const D = 24 * H;
const JAN = Date.UTC(2025, 0, 1);
const FEB = Date.UTC(2025, 1, 1);
const MONTHS: Period[] = [
  { from: JAN, to: FEB },
  { from: JAN - 31 * D, to: JAN },
  { from: JAN + 9 * D, to: JAN + 10 * D },
];

const sys = SYSTEM_ACTOR;
const rep = REP_ACTOR;
const e = entry;
const lead = kpiLead;
const mqlAt = (at: number) => e("identified", "mql", "qualify", at);

/** Writes the leads and their histories (in history order) to a fresh workspace; another workspace gets noise. */
async function store(leads: readonly KpiLead[], slaHours = 48): Promise<TestSite> {
  const site = await createTestSite();
  await env.DB.prepare("UPDATE workspaces SET sla_hours = ? WHERE id = ?").bind(slaHours, site.workspaceId).run();
  await writeLeads(site, leads);
  await writeLeads(await createTestSite(), [lead(JAN + D, mqlAt(JAN + 2 * D), e("mql", "sql", "accept", JAN + 3 * D))]);
  return site;
}

async function writeLeads(site: TestSite, leads: readonly KpiLead[]): Promise<void> {
  const rows = leads.map((l, i) => [`lead_${site.workspaceId}_${i}`, l.createdAt]);
  const transitions = leads.flatMap((l, i) =>
    l.history.map((h, j) => [
      `tr_${site.workspaceId}_${i}_${j}`,
      `lead_${site.workspaceId}_${i}`,
      h.from,
      h.to,
      h.actor.type === "user" ? h.actor.id : "system",
      h.reason ?? null,
      h.at,
    ]),
  );
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO leads (id, workspace_id, key, name, status, status_changed_at, first_seen_at, last_seen_at)
       SELECT value ->> 0, ?1, 'org:' || (value ->> 0), 'Entreprise', 'identified', value ->> 1, value ->> 1, value ->> 1 FROM json_each(?2)`,
    ).bind(site.workspaceId, JSON.stringify(rows)),
    // In order: a history's rows keep the order they happened in, as the scoring writes them.
    env.DB.prepare(
      `INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, at)
       SELECT value ->> 0, value ->> 1, ?1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?2) ORDER BY key`,
    ).bind(site.workspaceId, JSON.stringify(transitions)),
  ]);
}

async function expectSame(leads: readonly KpiLead[], periods: readonly Period[] = MONTHS, slaHours = 48) {
  const site = await store(leads, slaHours);
  for (const period of periods) expect(await kpisFromStore(env.DB, site.workspaceId, period)).toEqual(computeKpis(leads, period, { slaHours }));
  return site;
}

/** A small deterministic generator (mulberry32): histories that follow the lifecycle, with many equal times. */
function randomLeads(n: number, seed: number): KpiLead[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const reasons = ["no_budget", "out_of_target", "other", "legacy_code"];
  const leads: KpiLead[] = [];
  for (let i = 0; i < n; i++) {
    const createdAt = JAN - 40 * D + Math.floor(rnd() * 80) * D + pick([0, 0, 5 * H]);
    let at = createdAt;
    let status: LeadStatus = pick(["anonymous", "identified"] as const);
    const history: HistoryEntry[] = [];
    const steps = Math.floor(rnd() * 7);
    for (let s = 0; s < steps; s++) {
      at += pick([0, 0, H, 24 * H, 48 * H, 60 * H, 7 * D]); // zero: transitions in the same millisecond
      const by = rnd() < 0.7 ? sys : rep;
      const step: [LeadStatus, LifecycleActionType, Partial<HistoryEntry>] | null =
        status === "anonymous"
          ? ["identified", "identify", {}]
          : status === "identified" || status === "nurturing"
            ? ["mql", "qualify", {}]
            : status === "mql"
              ? pick([
                  ["sql", "accept", {}],
                  ["rejected", "reject", { reason: pick(reasons) }],
                  ["nurturing", "nurture", { reason: "score_below_mql" }],
                ] as const)
              : status === "rejected"
                ? ["nurturing", "nurture", {}]
                : null;
      if (!step) break;
      const [to, action, extra]: [LeadStatus, LifecycleActionType, Partial<HistoryEntry>] = step;
      history.push({ from: status, to, action, at, actor: action === "accept" || action === "reject" ? rep : by, ...extra });
      status = to;
    }
    leads.push(lead(createdAt, ...history));
  }
  return leads;
}

describe("KPIs computed by D1 equal their definitions", () => {
  it("on an empty workspace", async () => {
    await expectSame([]);
  });

  it("on one lead, and on one lead that never qualified", async () => {
    await expectSame([lead(JAN + D, e("anonymous", "identified", "identify", JAN + D), mqlAt(JAN + 2 * D), e("mql", "sql", "accept", JAN + 2 * D + 10 * H))]);
    await expectSame([lead(JAN + 3 * D)]);
  });

  it("on ties: same-millisecond transitions, equal durations, an even number of SQLs, boundaries", async () => {
    const site = await expectSame([
      // MQL and SQL in the same millisecond: 0 ms
      lead(JAN + D, mqlAt(JAN + D), e("mql", "sql", "accept", JAN + D)),
      // two SQLs of 30 h and two of 10 h: the median of four is the mean of the middle two
      lead(JAN + D, mqlAt(JAN + 2 * D), e("mql", "sql", "accept", JAN + 2 * D + 30 * H)),
      lead(JAN + D, mqlAt(JAN + 3 * D), e("mql", "sql", "accept", JAN + 3 * D + 30 * H)),
      lead(JAN + D, mqlAt(JAN + 4 * D), e("mql", "sql", "accept", JAN + 4 * D + 10 * H)),
      // rejected exactly at the deadline (in time), then nurtured and qualified again in the same millisecond
      lead(
        JAN + 2 * D,
        mqlAt(JAN + 5 * D),
        e("mql", "rejected", "reject", JAN + 7 * D, { reason: "no_budget" }),
        e("rejected", "nurturing", "nurture", JAN + 7 * D),
        e("nurturing", "mql", "qualify", JAN + 7 * D),
        e("mql", "sql", "accept", JAN + 8 * D),
      ),
      // created and qualified exactly at the period's start; qualified exactly at its end (next period)
      lead(JAN, mqlAt(JAN)),
      lead(FEB - H, mqlAt(FEB)),
    ]);
    const jan = await kpisFromStore(env.DB, site.workspaceId, MONTHS[0]!);
    expect(jan.sqls).toBe(5);
    expect(jan.medianMqlToSqlMs).toBe(24 * H); // 0, 10 h, 24 h, 30 h, 30 h
  });

  it("on overdue MQLs: unhandled, handled late, withdrawn by the system late and in time, still pending", async () => {
    const leads = [
      lead(JAN + D, mqlAt(JAN + 2 * D)), // unhandled: breached by the end of January
      lead(JAN + D, mqlAt(JAN + 3 * D), e("mql", "sql", "accept", JAN + 6 * D)), // accepted after 72 h
      lead(JAN + D, mqlAt(JAN + 4 * D), e("mql", "nurturing", "nurture", JAN + 7 * D, { reason: "score_below_mql" })), // withdrawn late
      lead(JAN + D, mqlAt(JAN + 5 * D), e("mql", "nurturing", "nurture", JAN + 5 * D + H, { reason: "score_below_mql" })), // withdrawn in time
      lead(JAN + D, mqlAt(FEB - H)), // deadline after the period's end
      lead(JAN + D, mqlAt(JAN + 6 * D), e("mql", "rejected", "reject", JAN + 6 * D + H, { actor: rep })), // no reason given
    ];
    const site = await expectSame(leads);
    await expectSame(leads, MONTHS, 96);
    expect((await kpisFromStore(env.DB, site.workspaceId, MONTHS[0]!)).sla).toEqual({ slaHours: 48, inTime: 1, breached: 3, pending: 1, compliance: 0.25 });
  });

  it("on 400 random lifecycles, over several periods and SLAs", async () => {
    const leads = randomLeads(400, 11);
    expect(leads.filter((l) => l.history.some((h) => h.to === "sql")).length).toBeGreaterThan(20);
    const periods: Period[] = [...MONTHS, { from: JAN - 40 * D, to: FEB + 40 * D }, { from: JAN + 15 * D, to: JAN + 22 * D }];
    await expectSame(leads, periods, 48);
    await expectSame(randomLeads(400, 12), periods, 24);
  });

  it("answers the KPI route from the same computation, scoped to the key's workspace", async () => {
    const leads = randomLeads(120, 5);
    const site = await store(leads);
    const res = await api(site.apiKey, "GET", "/scoring/kpis?from=2025-01-01&to=2025-01-31");
    expect(res.status).toBe(200);
    const { from, to, ...kpis } = res.body;
    expect({ from, to }).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    expect(kpis).toEqual(JSON.parse(JSON.stringify(computeKpis(leads, MONTHS[0]!, { slaHours: 48 }))));
  });
});
