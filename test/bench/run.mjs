// `npm run bench`: runs the benchmarks one after the other (each starts its own workers; running them in
// parallel on a small machine would only measure contention). Each prints its own figures.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { run as collect } from "./collect.mjs";
import { run as storage } from "./storage.mjs";

await collect();
await storage();

const tsx = path.join("node_modules", ".bin", "tsx");
for (const [title, file] of [
  ["scoring engine: cost per event with 50 rules, 10 vs 10,000 prior events", "test/bench/scoring.bench.ts"],
  ["scoring patterns: slowest accepted pattern on a 2 KB path, refused bombs", "test/bench/patterns.bench.ts"],
  ["rescore 100,000 leads after a model change (local workerd)", "test/bench/rescore.bench.ts"],
  ["funnel KPIs of 50,000 leads computed by D1: time and rows read per call", "test/bench/kpis.bench.ts"],
  ["raw IP erasure job: a backlog of 200,000 IPs, run after run", "test/bench/erase-raw-ips.bench.ts"],
  ["network kind: accuracy on hand-labelled real ASNs", "test/bench/network-kind.ts"],
  ["identify latency over 10,000 random IPs (full IP table)", "test/bench/identify-latency.ts"],
  ["extension: navigation → overlay rendered, cold and warm", "test/bench/overlay.bench.ts"],
  ["CRM backfill: 1,000 MQLs into the HubSpot and Pipedrive fakes (calls per lead, time, duplicates)", "test/bench/crm-backfill.bench.ts"],
  ["console: JS size and first screen time", "test/bench/console.bench.ts"],
]) {
  console.log(`\n▶ ${title}`);
  const res = spawnSync(tsx, [file], { stdio: "inherit" });
  if (res.status !== 0) console.error(`✖ ${file} exited ${res.status}`);
}
