/**
 * Per-event scoring cost with a 50-rule model, for a lead with 10 prior events and one with 10,000.
 * Run: npx tsx test/bench/scoring.bench.ts
 * The incremental engine never rescans history, so both columns should be about the same.
 */
import { applyEvent, assertModel, rescore, type ModelInput, type ScoreState, type ScoringEvent } from "../../shared/src/scoring/index.ts";

const T0 = Date.UTC(2024, 0, 1, 8);
const paths = [
  "/",
  "/tarifs",
  "/pricing/pme",
  "/blog/crm-b2b",
  "/blog/prospection",
  "/etudes-de-cas/acme",
  "/demo",
  "/contact",
  "/carrieres/dev",
  "/produit/scoring",
  "/comparatif/hubspot",
  "/ressources/guide",
];
const assets = ["livre-blanc-crm", "livre-blanc-rgpd", "guide-prospection", "fiche-produit"];

function fiftyRuleModel(): ModelInput {
  const rules: ModelInput["rules"] = [];
  const add = (rule: Omit<ModelInput["rules"][number], "id" | "label">) =>
    rules.push({ id: `r${rules.length}`, label: `Règle ${rules.length}`, ...rule } as ModelInput["rules"][number]);
  for (const p of paths) add({ points: 5, when: { path: `${p}*` }, repeat: { maxTimes: 5 }, decay: { halfLifeDays: 30 } });
  for (const p of paths.slice(0, 8)) add({ points: 3, when: { path: `regex:^${p.replace(/\//g, "\\/")}(\\/|$)` }, decay: { expireAfterDays: 90 } });
  for (const a of assets) add({ points: 15, when: { event: { name: "download", props: { asset: `${a}*` } } }, decay: { expireAfterDays: 120 } });
  add({ points: 30, when: { form: { path: "/demo*" } } });
  add({ points: 10, when: { timeOnPage: { gteSeconds: 30, path: "/tarifs*" } }, repeat: { maxPoints: 30 } });
  add({ points: 20, when: { all: [{ path: "/demo*" }, { not: { headcount: { lte: 9 } } }, { persona: ["it_director", "ceo", "cto"] }] } });
  for (const persona of ["it_director", "cto", "ceo", "cfo", "marketing_director"]) add({ points: 15, when: { persona } });
  add({ points: -40, when: { persona: "student" } });
  add({ points: -50, when: { emailDomain: ["etu.*", "*.edu"] } });
  add({ points: 10, when: { headcount: { gte: 100 } } });
  add({ points: 5, when: { headcount: { gte: 500 } } });
  add({ points: 10, when: { naf: { sections: ["J", "M"] } } });
  add({ points: 5, when: { region: ["11", "84"] } });
  add({ points: 5, when: { revenue: { gte: 10_000_000 } } });
  add({ points: 10, when: { metric: { name: "sessions", gte: 3, withinDays: 7 } } });
  add({ points: 5, when: { metric: { name: "pagesPerSession", gte: 3, withinDays: 30 } } });
  add({ points: 5, when: { metric: { name: "timeOnSiteSeconds", gte: 300, withinDays: 30 } } });
  add({ points: 10, when: { metric: { name: "content", gte: 2, withinDays: 60 } } });
  add({ points: 15, when: { signal: "buying_committee" } });
  add({ points: 10, when: { signal: "surge" } });
  add({ points: 5, when: { signal: "return" } });
  add({ points: 5, when: { signal: "high_intent" } });
  add({ points: 5, when: { signal: "conversion" } });
  add({ points: 8, when: { url: "*utm_campaign=salon*" } });
  add({ points: 12, when: { event: { name: "form_submit", path: "/contact*" } } });
  if (rules.length !== 50) throw new Error(`expected 50 rules, got ${rules.length}`);
  return {
    version: 1,
    rules,
    mql: { threshold: 70 },
    counters: { content: { when: { any: [{ event: "download" }, { path: "/etudes-de-cas/*" }] }, distinctBy: ["props.asset", "path"] } },
  };
}

/** A realistic history: sessions of 1–6 hits, 5 visitors, a few identification events, over `n` events. */
function history(n: number): ScoringEvent[] {
  const events: ScoringEvent[] = [
    { kind: "company", at: T0, company: { siren: "552032534", headcountBracket: "32", nafCode: "62.01Z", departement: "92", revenue: 27_000_000 } },
    { kind: "contact", at: T0, contactId: "c1", email: "anne@acme.fr", jobTitle: "Directrice des systèmes d'information" },
  ];
  let at = T0;
  let s = 0;
  let seed = 42;
  const rand = (k: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % k;
  while (events.length < n) {
    at += 20 * 60_000 + rand(3) * 3600_000 * 6; // sessions every few hours
    const sessionId = `s${++s}`;
    const visitorId = `v${rand(5)}`;
    for (let k = 0; k < 1 + rand(6) && events.length < n; k++) {
      at += 30_000 + rand(120_000);
      const path = paths[rand(paths.length)]!;
      const r = rand(10);
      if (r < 6) events.push({ kind: "hit", at, visitorId, sessionId, hitType: "pageview", path, pageId: `${sessionId}-${k}` });
      else if (r < 8) events.push({ kind: "hit", at, visitorId, sessionId, hitType: "engagement", path, pageId: `${sessionId}-0`, engagedMs: 5000 * (k + 1) });
      else if (r < 9)
        events.push({ kind: "hit", at, visitorId, sessionId, hitType: "event", name: "download", props: { asset: assets[rand(assets.length)]! }, path });
      else events.push({ kind: "hit", at, visitorId, sessionId, hitType: "identify", path: "/demo" });
    }
  }
  return events.slice(0, n);
}

function nextEvents(after: number, count: number): ScoringEvent[] {
  return history(count + 2)
    .slice(2)
    .map((e, i) => ({ ...e, at: after + 60_000 + i * 1000, ...(e.kind === "hit" ? { sessionId: `next-${e.sessionId}` } : {}) }));
}

/** CPU µs per call (process CPU time, so a busy machine does not inflate it), best of 3 rounds. */
function measure(fn: () => void, iterations: number): number {
  for (let i = 0; i < Math.min(2000, iterations); i++) fn(); // warm-up
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < iterations; i++) fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / iterations);
  }
  return best;
}

const model = assertModel(fiftyRuleModel());
const ITER = 10_000;
const PRIORS = [10, 1_000, 10_000, 100_000];

let rescoreMs = 0;
const leads = PRIORS.map((prior) => {
  const past = history(prior);
  const t = process.cpuUsage();
  const state: ScoreState = rescore(model, past);
  const used = process.cpuUsage(t);
  if (prior === 10_000) rescoreMs = (used.user + used.system) / 1000;
  return { prior, state, json: JSON.stringify(state), upcoming: nextEvents(past[past.length - 1]!.at, 200) };
});

const applyTo = (lead: (typeof leads)[number]) => {
  let i = 0;
  return () => {
    const e = lead.upcoming[i++ % lead.upcoming.length]!;
    applyEvent(model, lead.state, e, e.at);
  };
};
const consumerOn = (lead: (typeof leads)[number]) => {
  let i = 0;
  return () => {
    const e = lead.upcoming[i++ % lead.upcoming.length]!;
    JSON.stringify(applyEvent(model, JSON.parse(lead.json) as ScoreState, e, e.at).state);
  };
};
// Warm the JIT on every kind of state first, so that row order does not favour anyone.
for (const lead of leads) measure(applyTo(lead), 3_000), measure(consumerOn(lead), 1_000);

const rows: string[][] = [["prior events", "state JSON", "applyEvent", "queue consumer: JSON.parse + applyEvent + JSON.stringify"]];
const perEvent = new Map<number, number>();
for (const lead of leads) {
  const apply = measure(applyTo(lead), ITER);
  const roundTrip = measure(consumerOn(lead), ITER);
  perEvent.set(lead.prior, apply);
  rows.push([
    lead.prior.toLocaleString("en"),
    `${(lead.json.length / 1024).toFixed(1)} KB`,
    `${apply.toFixed(1)} µs/event`,
    `${roundTrip.toFixed(1)} µs/event`,
  ]);
}

console.log(`Scoring benchmark: 50 rules, CPU time per event (best of 3 × ${ITER.toLocaleString("en")}), Node ${process.version}`);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));
console.log(
  `applyEvent, 10,000 vs 10 prior events: ${(perEvent.get(10_000)! / perEvent.get(10)!).toFixed(2)}×; 100,000 vs 1,000: ${(perEvent.get(100_000)! / perEvent.get(1_000)!).toFixed(2)}×`,
);
console.log("(the state stops growing once it spans the model's longest window: cost depends on the model, not on the history)");
console.log(
  `full rescore of 10,000 events: ${rescoreMs.toFixed(0)} ms (${((rescoreMs * 1000) / 10_000).toFixed(1)} µs/event), what a non-incremental engine would pay on every hit`,
);
