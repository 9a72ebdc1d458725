#!/usr/bin/env node
// `npm test`: every test of the project, in order of cost, stopping at the first failure.
// Prints one closing line "tests: N passed, N failed" summed over every vitest run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const bin = (name) => path.join("node_modules", ".bin", name);
const reports = mkdtempSync(path.join(tmpdir(), "sillage-test-"));
let passed = 0;
let failed = 0;

function run(title, cmd, args, { vitestReport } = {}) {
  console.log(`\n▶ ${title}`);
  const extra = vitestReport ? ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, vitestReport)}`] : [];
  const res = spawnSync(cmd, [...args, ...extra], { stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" } });
  if (vitestReport) {
    try {
      const r = JSON.parse(readFileSync(path.join(reports, vitestReport), "utf8"));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
    } catch {
      // No report: the run failed before any test; its exit code says so.
    }
  }
  if (res.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(res.status ?? 1);
  }
}

run("lint (Biome; no SQL or drizzle-orm in worker/src/routes)", bin("biome"), ["lint", "--error-on-warnings", "."]);
run("format (Biome: the tree as `npm run format` writes it)", bin("biome"), ["format", "."]);
run("no import cycles (type-only imports included)", bin("tsx"), ["scripts/import-cycles.ts"]);
run("build the tracker", "node", ["worker/scripts/build-tracker.mjs"]);
run("typecheck", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]);
run("OpenAPI client types (generated) and their type check", "npm", ["run", "typecheck:api-client", "--silent"]);
run("typecheck the extension", "npm", ["run", "typecheck:extension"]);
run("unit tests (shared, extension extractors, scripts)", bin("vitest"), ["run", "--config", "vitest.unit.config.ts"], { vitestReport: "unit.json" });
run("worker tests in workerd (D1, Queues, Cron)", bin("vitest"), ["run", "--config", "worker/vitest.config.ts"], { vitestReport: "worker.json" });
run("build the extension", "npm", ["run", "build", "-w", "extension"]);
run("end-to-end tests in Chromium against wrangler dev", bin("vitest"), ["run", "--config", "test/vitest.config.ts"], { vitestReport: "e2e.json" });
run("deploy bundle (wrangler deploy --dry-run)", "node", ["scripts/deploy-dry-run.mjs"]);

console.log(`\ntests: ${passed} passed, ${failed} failed`);
