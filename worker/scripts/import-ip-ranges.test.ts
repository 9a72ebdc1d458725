import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupIpRange } from "../src/identify/ip-ranges";
import { defaultSources, importIpRanges } from "./import-ip-ranges";
import { openLocalD1, REPO_ROOT, type LocalD1 } from "./local-d1";

// Runs the importer against a real local D1 (workerd through wrangler's getPlatformProxy) in a temporary
// persist directory, on the first lines of the real CSVs.
const LINES = 50;
let dir: string;
let local: LocalD1;
let sources: { 4: string; 6: string };

function head(file: string, n: number): string[] {
  return readFileSync(file, "utf8").split("\n", n);
}

async function applyMigrations(db: D1Database): Promise<void> {
  const migrations = path.join(REPO_ROOT, "worker/migrations");
  for (const file of readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    for (const statement of readFileSync(path.join(migrations, file), "utf8").split("--> statement-breakpoint")) {
      if (statement.trim()) await db.prepare(statement).run();
    }
  }
}

async function counts(): Promise<[number, number]> {
  const { results } = await local.db.prepare("SELECT family, COUNT(*) AS n FROM ip_ranges GROUP BY family").all<{ family: number; n: number }>();
  return [results.find((r) => r.family === 4)?.n ?? 0, results.find((r) => r.family === 6)?.n ?? 0];
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sillage-import-"));
  const real = defaultSources();
  sources = { 4: path.join(dir, "v4.csv"), 6: path.join(dir, "v6.csv") };
  writeFileSync(sources[4], `${head(real[4], LINES).join("\n")}\n`);
  writeFileSync(sources[6], `${head(real[6], LINES).join("\n")}\n`);
  local = await openLocalD1(path.join(dir, "state"));
  await applyMigrations(local.db);
}, 120_000);

afterAll(async () => {
  await local?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("importIpRanges", () => {
  it("imports a partial slice with --limit", async () => {
    const r = await importIpRanges(local.db, { sources, limit: 30 });
    expect(r.families[4]).toMatchObject({ read: 30, sent: 30, changed: 30, malformed: 0, resumedFrom: null, rowsInTable: 30 });
    expect(r.families[6]).toMatchObject({ read: 30, sent: 30, changed: 30, rowsInTable: 30 });
  });

  it("resumes from the greatest start already stored", async () => {
    const r = await importIpRanges(local.db, { sources });
    // Rows 1–29 are skipped; row 30 (the stored maximum) is sent again and changes nothing.
    expect(r.families[4]).toMatchObject({ read: LINES, skipped: 29, sent: LINES - 29, changed: LINES - 30, rowsInTable: LINES });
    expect(r.families[6]).toMatchObject({ read: LINES, skipped: 29, changed: LINES - 30, rowsInTable: LINES });
    expect(r.families[4].resumedFrom).toMatch(/^[0-9a-f]{8}$/);
  });

  it("is idempotent: running again changes nothing", async () => {
    const r = await importIpRanges(local.db, { sources });
    expect(r.families[4].changed).toBe(0);
    expect(r.families[6].changed).toBe(0);
    expect(await counts()).toEqual([LINES, LINES]);
  });

  it("derives each ASN's IPv4 space and range counts (asn_stats) from the imported table", async () => {
    const want = new Map<number, { v4: number; r4: number; r6: number }>();
    for (const [family, file] of [
      [4, sources[4]],
      [6, sources[6]],
    ] as const)
      for (const line of head(file, LINES)) {
        const [start, end, asn] = line.split(",");
        const w = want.get(Number(asn)) ?? { v4: 0, r4: 0, r6: 0 };
        if (family === 4) {
          const n = (ip: string) => ip.split(".").reduce((a, b) => a * 256 + Number(b), 0);
          w.v4 += n(end!) - n(start!) + 1;
          w.r4++;
        } else w.r6++;
        want.set(Number(asn), w);
      }
    const { results } = await local.db.prepare("SELECT asn, ipv4_addresses, ipv4_ranges, ipv6_ranges FROM asn_stats").all<Record<string, number>>();
    expect(results).toHaveLength(want.size);
    for (const row of results) {
      const w = want.get(row.asn!)!;
      expect([row.ipv4_addresses, row.ipv4_ranges, row.ipv6_ranges], `AS${row.asn}`).toEqual([w.v4, w.r4, w.r6]);
    }
  });

  it("with ifEmpty, does nothing once the whole source is in", async () => {
    const r = await importIpRanges(local.db, { sources, ifEmpty: true });
    expect(r.skipped).toBe(true);
    expect(r.families[4].rowsInTable).toBe(LINES);
    expect(r.asnStats).toBeNull(); // already computed
    await local.db.prepare("DELETE FROM asn_stats").run(); // a database imported before asn_stats existed
    const upgraded = await importIpRanges(local.db, { sources, ifEmpty: true });
    expect(upgraded.skipped).toBe(true);
    expect(upgraded.asnStats).toBeGreaterThan(0);
  });

  it("with ifEmpty, finishes an interrupted import instead of skipping it", async () => {
    await importIpRanges(local.db, { sources, replace: true, limit: 10 });
    expect(await counts()).toEqual([10, 10]);
    const r = await importIpRanges(local.db, { sources, ifEmpty: true });
    expect(r.skipped).toBe(false);
    expect(await counts()).toEqual([LINES, LINES]);
  });

  it("writes rows the look-up finds, first and last address included", async () => {
    const [first] = head(sources[4], 1);
    const [start, end, asn] = first!.split(",");
    expect((await lookupIpRange(local.db, start!))?.asn).toBe(Number(asn));
    expect((await lookupIpRange(local.db, end!))?.asn).toBe(Number(asn));
    const [first6] = head(sources[6], 1);
    const [start6, end6, asn6] = first6!.split(",");
    expect((await lookupIpRange(local.db, start6!))?.asn).toBe(Number(asn6));
    expect((await lookupIpRange(local.db, end6!))?.asn).toBe(Number(asn6));
  });

  it("counts malformed lines and refuses an unsorted source", async () => {
    const bad = { 4: path.join(dir, "bad4.csv"), 6: sources[6] };
    const lines = head(sources[4], 5);
    writeFileSync(bad[4], [lines[0], "not,a,valid,line", ...lines.slice(1)].join("\n"));
    const r = await importIpRanges(local.db, { sources: bad, replace: true });
    expect(r.families[4]).toMatchObject({ read: 6, malformed: 1, rowsInTable: 5 });

    writeFileSync(bad[4], [lines[1], lines[0]].join("\n"));
    await expect(importIpRanges(local.db, { sources: bad, replace: true })).rejects.toThrow(/not sorted/);
  });
});
