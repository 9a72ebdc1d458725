/**
 * Accuracy of the network-kind pipeline on hand-labelled real ASNs (shared/src/network/testdata/asn-labels.ts), with
 * the organisation names and address space read from @ip-location-db/asn, before and after issue #10's recall work.
 *
 *   npx tsx test/bench/network-kind.ts [--verbose]
 *
 * "after" runs what `identify-ip.ts` runs: curated lists and name patterns, then, for the networks sent to the French
 * register, the register's answer through the real API client, matcher and registryVerdict — answers HAND-WRITTEN in
 * the API's shape (registry-answers.handwritten.ts) for every labelled network sent to the register; one sent without
 * an answer at hand would keep the lists' and names' verdict (counted in "register answered/asked").
 */
import { classifyNetwork, type NetworkKind } from "../../shared/src/network/kind";
import { loadAsnData } from "../../shared/src/network/testdata/asn-csv";
import { LABELLED_SETS } from "../../shared/src/network/testdata/asn-labels";
import { foreignCorporateCandidate } from "../../shared/src/network/testdata/foreign-candidate";
import { missReason, runPipeline, SHIPPED_THRESHOLDS, summarize, type PipelineOutcome } from "../../shared/src/network/testdata/measure-registry";
import { HANDWRITTEN_REGISTRY_ANSWERS } from "../../shared/src/network/testdata/registry-answers.handwritten";

const verbose = process.argv.includes("--verbose");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const started = performance.now();
const data = await loadAsnData();
console.log(`@ip-location-db/asn: ${data.asnCount} ASNs loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

/**
 * BEFORE: main's figures on 2026-12-03 (commit 499aa01: lists and names only; the registry stage was not measured),
 * as counts. The stratified set's were measured with main's rules on the day it was labelled, before any change.
 */
const BEFORE_2026_12_03: Record<string, { n: number; correct: number; found: number; corporate: number; falseCorporate: number; unknown: number }> = {
  known: { n: 101, correct: 101, found: 17, corporate: 17, falseCorporate: 0, unknown: 0 },
  random: { n: 162, correct: 98, found: 7, corporate: 41, falseCorporate: 0, unknown: 58 },
  randomFrench: { n: 64, correct: 44, found: 8, corporate: 13, falseCorporate: 0, unknown: 20 },
  validation: { n: 138, correct: 87, found: 9, corporate: 38, falseCorporate: 0, unknown: 50 },
  validationFrench: { n: 50, correct: 33, found: 4, corporate: 10, falseCorporate: 0, unknown: 17 },
  blindFrench: { n: 52, correct: 25, found: 2, corporate: 14, falseCorporate: 0, unknown: 25 },
  stratified: { n: 88, correct: 48, found: 8, corporate: 29, falseCorporate: 0, unknown: 38 },
};

const results = await Promise.all(
  LABELLED_SETS.map(async ({ key, name, labels }) => ({ key, name, labels, out: await runPipeline(labels, data, HANDWRITTEN_REGISTRY_ANSWERS) })),
);
const allOut = results.flatMap((r) => r.out);

const row = (name: string, key: string | null, out: readonly PipelineOutcome[]) => {
  const b = key
    ? BEFORE_2026_12_03[key]!
    : Object.values(BEFORE_2026_12_03).reduce((t, x) => ({
        n: t.n + x.n,
        correct: t.correct + x.correct,
        found: t.found + x.found,
        corporate: t.corporate + x.corporate,
        falseCorporate: t.falseCorporate + x.falseCorporate,
        unknown: t.unknown + x.unknown,
      }));
  const a = summarize(out);
  const asked = out.filter((o) => o.register === "answered" || o.register === "no answer at hand").length;
  return {
    set: name,
    n: a.n,
    "accuracy before→after": `${pct(b.correct / b.n)} → ${pct(a.accuracy)}`,
    "corporate found before→after": `${b.found}/${b.corporate} → ${a.corporateFound}/${a.corporateLabelled}`,
    "false corporate before→after": `${b.falseCorporate} → ${a.falseCorporate.length}`,
    "unknown before→after": `${pct(b.unknown / b.n)} → ${pct(a.unknownShare)}`,
    "register answered/asked": `${out.filter((o) => o.register === "answered").length}/${asked}`,
    "foreign form, not asked": out.filter((o) => o.register === "not asked (foreign form)").length,
  };
};
console.log("Before (main, 2026-12-03: lists and names) → after (lists, names, then the register where an answer is at hand):");
console.table([...results.map((r) => row(r.name, r.key, r.out)), row("ALL LABELLED", null, allOut)]);

// What decided, after: each stage's own accuracy and errors, all sets together.
console.log("After, by what decided (all sets):");
const stages = new Map<string, PipelineOutcome[]>();
for (const o of allOut) stages.set(o.by, [...(stages.get(o.by) ?? []), o]);
console.table(
  [...stages].map(([by, out]) => {
    const s = summarize(out);
    return {
      "decided by": by,
      n: s.n,
      accuracy: pct(s.accuracy),
      "corporate found": `${s.corporateFound}/${s.corporateLabelled}`,
      "false corporate": s.falseCorporate.length,
      "unknown share": pct(s.unknownShare),
    };
  }),
);

// Where the missed companies are lost: what would have to change to find them.
console.log("After, labelled companies not found, by where they were lost (all sets):");
const lost = new Map<string, number>();
for (const o of allOut) if (o.label.kind === "corporate" && o.kind !== "corporate") lost.set(missReason(o), (lost.get(missReason(o)) ?? 0) + 1);
for (const [why, n] of [...lost].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${why}`);
console.log();

// Why sim ≥ 0.90 and confidence ≥ 0.75: the same answers under other thresholds (the sets with answers).
console.log("Registry thresholds (all sets, the same hand-written answers):");
const answeredSets = results;
const sweep = [];
for (const minSimilarity of [0.8, 0.9, 0.95, 1])
  for (const matchThreshold of [0.5, 0.6, 0.75, 0.9]) {
    const out = (
      await Promise.all(answeredSets.map((r) => runPipeline(r.labels, data, HANDWRITTEN_REGISTRY_ANSWERS, { minSimilarity, matchThreshold })))
    ).flat();
    const s = summarize(out);
    const shipped = minSimilarity === SHIPPED_THRESHOLDS.minSimilarity && matchThreshold === SHIPPED_THRESHOLDS.matchThreshold;
    sweep.push({
      "similarity ≥": minSimilarity,
      "confidence ≥": matchThreshold,
      accuracy: pct(s.accuracy),
      "corporate found": `${s.corporateFound}/${s.corporateLabelled}`,
      "false corporate": s.falseCorporate.length,
      "false ones": s.falseCorporate.map((o) => o.organization).join("; "),
      shipped: shipped ? "◀" : "",
    });
  }
console.table(sweep);

// A rule measured and not shipped: foreign-form small networks called corporate (foreign-candidate.ts).
console.log("Not shipped — foreign legal form, 1 range ≤ 512 IPv4 addresses, no network/IT word → corporate:");
console.table(
  results.map(({ name, labels }) => {
    let right = 0;
    const wrong: string[] = [];
    for (const l of labels) {
      const org = data.organizationOf(l.asn);
      if (org === undefined || !foreignCorporateCandidate(l.asn, org, data)) continue;
      if ([l.kind, ...(l.alt ?? [])].includes("corporate")) right++;
      else wrong.push(`${org} (${l.kind})`);
    }
    return { set: name, "companies it would add": right, "false corporate it would add": wrong.length, which: wrong.join("; ") };
  }),
);
let fires = 0;
for (let asn = 1; asn <= 500_000; asn++) {
  const org = data.organizationOf(asn);
  if (org !== undefined && foreignCorporateCandidate(asn, org, data)) fires++;
}
console.log(`  it would call ${fires} of the ${data.asnCount} ASNs corporate.\n`);

if (verbose) {
  for (const { name, out } of results) {
    const wrong = out.filter((o) => ![o.label.kind, ...(o.label.alt ?? [])].includes(o.kind));
    if (wrong.length === 0) continue;
    console.log(`\nWrong in ${name}:`);
    for (const w of wrong) console.log(`  AS${w.label.asn} ${w.organization}: want ${w.label.kind}, got ${w.kind} (by ${w.by}; register ${w.register})`);
  }
}

// Whole data set: ASNs per kind by lists and names (one name per ASN, as in the CSV).
const perKind = new Map<NetworkKind, number>();
for (let asn = 1; asn <= 500_000; asn++) {
  const organization = data.organizationOf(asn);
  if (organization === undefined) continue;
  const { kind } = classifyNetwork({ asn, organization });
  perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
}
console.log("\nAll ASNs of the data by kind (lists and names):");
for (const [kind, n] of [...perKind].sort((a, b) => b[1] - a[1])) console.log(`  ${kind.padEnd(10)} ${n} (${pct(n / data.asnCount)})`);
