/**
 * Accuracy of classifyNetwork on hand-labelled real ASNs (shared/src/network/testdata/asn-labels.ts), with the
 * organisation names read from @ip-location-db/asn, plus how the whole data set splits by kind.
 *
 *   npx tsx test/bench/network-kind.ts [--verbose]
 */
import { classifyNetwork, type NetworkKind } from "../../shared/src/network/kind";
import { loadAsnData } from "../../shared/src/network/testdata/asn-csv";
import {
  BLIND_FRENCH_FORMS_2026,
  KNOWN_EXAMPLES,
  RANDOM_FRENCH_SAMPLE,
  RANDOM_SAMPLE,
  VALIDATION_FRENCH_SAMPLE,
  VALIDATION_SAMPLE,
  type LabelledAsn,
} from "../../shared/src/network/testdata/asn-labels";
import { measureKinds } from "../../shared/src/network/testdata/measure-kind";
import { measureRegistryReach } from "../../shared/src/network/testdata/measure-registry-reach";

const verbose = process.argv.includes("--verbose");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const started = performance.now();
const data = await loadAsnData();
console.log(`@ip-location-db/asn: ${data.asnCount} ASNs loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

const sets: [string, readonly LabelledAsn[]][] = [
  ["known examples (brief, curated)", KNOWN_EXAMPLES],
  ["held-out random (tuned on)", RANDOM_SAMPLE],
  ["held-out French forms (tuned on)", RANDOM_FRENCH_SAMPLE],
  // Labelled before classifying; afterwards two rules were fixed on what it showed ("finance", central banks).
  ["validation random (blind*)", VALIDATION_SAMPLE],
  ["validation French forms (blind*)", VALIDATION_FRENCH_SAMPLE],
  ["blind French forms 2026-12 (untuned)", BLIND_FRENCH_FORMS_2026],
];

const rows = sets.map(([name, labels]) => {
  const m = measureKinds(labels, data);
  const bySource = new Map<string, { n: number; ok: number }>();
  for (const label of labels) {
    const organization = data.organizationOf(label.asn);
    if (organization === undefined) continue;
    const got = classifyNetwork({ asn: label.asn, organization });
    const s = bySource.get(got.source) ?? { n: 0, ok: 0 };
    s.n++;
    if ([label.kind, ...(label.alt ?? [])].includes(got.kind)) s.ok++;
    bySource.set(got.source, s);
  }
  return { name, m, bySource };
});

const all = measureKinds(
  sets.flatMap(([, l]) => l),
  data,
);
console.table(
  [...rows.map(({ name, m }) => ({ set: name, m })), { set: "ALL LABELLED", m: all }].map(({ set, m }) => ({
    set,
    n: m.total,
    accuracy: pct(m.accuracy),
    "false corporate": m.falseCorporate.length,
    "false lead": m.falseLead.length,
    "corporate found": `${m.correctCorporate}/${m.correctCorporate + m.missedCorporate.length}`,
    "answered unknown": m.wrong.filter((w) => w.got.kind === "unknown").length,
    "unknown share": pct(m.unknownCount / Math.max(1, m.total)),
  })),
);

// The registry stage (registry-kind.ts) needs the provider: offline, what it may change is bounded per set.
console.log("\nRegistry stage, offline bound (networks left unknown by lists and names):");
console.table(
  [...sets, ["ALL LABELLED", sets.flatMap(([, l]) => l)] as [string, readonly LabelledAsn[]]].map(([set, labels]) => {
    const r = measureRegistryReach(labels, data);
    const m = measureKinds(labels, data);
    const found = m.correctCorporate;
    const all = m.correctCorporate + m.missedCorporate.length;
    return {
      set,
      unknown: r.unknown,
      "asked register": r.asked,
      "not asked (foreign form)": r.notAskedForeign,
      "operator-sized (company not trusted)": r.notTrustedOperatorSized,
      "corporate reachable": r.corporateReachable,
      "corporate found, at most": `${found + r.corporateReachable}/${all}`,
      "non-lead asked (NAF must refuse)": r.nonLeadAsked,
    };
  }),
);

console.log("Accuracy by what decided (all sets):");
const merged = new Map<string, { n: number; ok: number }>();
for (const { bySource } of rows)
  for (const [k, v] of bySource) {
    const s = merged.get(k) ?? { n: 0, ok: 0 };
    merged.set(k, { n: s.n + v.n, ok: s.ok + v.ok });
  }
for (const [k, v] of merged) console.log(`  ${k.padEnd(9)} ${String(v.n).padStart(4)} labels, ${pct(v.ok / v.n)} right`);

if (verbose) {
  for (const { name, m } of rows) {
    if (m.wrong.length === 0) continue;
    console.log(`\nWrong in ${name}:`);
    for (const w of m.wrong) console.log(`  AS${w.label.asn} ${w.organization}: want ${w.label.kind}, got ${w.got.kind} (${w.got.reason})`);
  }
}

// Whole data set: ASNs per kind (one name per ASN, as in the CSV).
const perKind = new Map<NetworkKind, number>();
for (let asn = 1; asn <= 500_000; asn++) {
  const organization = data.organizationOf(asn);
  if (organization === undefined) continue;
  const { kind } = classifyNetwork({ asn, organization });
  perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
}
console.log("\nAll ASNs of the data by kind:");
for (const [kind, n] of [...perKind].sort((a, b) => b[1] - a[1])) console.log(`  ${kind.padEnd(10)} ${n} (${pct(n / data.asnCount)})`);
