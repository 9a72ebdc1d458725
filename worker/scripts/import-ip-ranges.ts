/**
 * Loads @ip-location-db/asn (IPv4 and IPv6 ranges → ASN + organisation, CC BY 4.0) into the `ip_ranges` table of
 * the LOCAL D1 that `wrangler dev` uses.
 *
 *   tsx worker/scripts/import-ip-ranges.ts [--persist-to DIR] [--if-empty] [--replace] [--limit N] [--batch N] [--quiet]
 *
 * - streams both CSVs line by line and writes multi-row upserts (2000 rows a statement, one bound JSON parameter:
 *   see ip-range-rows.ts), several statements per `db.batch` (one transaction each; --batch, default 5);
 * - idempotent: an upsert rewrites a row only if the source changed;
 * - resumable: the source is sorted by start and batches are committed in order, so every row below the greatest
 *   `start` already stored (per family) is in; an interrupted import resumes there, without an extra table;
 * - `--if-empty` (for `npm start`): does nothing when the table already holds the whole source; an empty table
 *   is imported, an interrupted import is resumed;
 * - `--replace`: empties the table first (after the package was updated: ranges may have moved or vanished);
 * - `--limit N`: at most N rows per family (quick partial imports in tests);
 * - `--persist-to DIR`: as for `wrangler dev` (default `.wrangler/state` next to wrangler.toml);
 * - then recomputes `asn_stats` (IPv4 space and ranges per ASN, for the network priors) from the whole table, also
 *   when `--if-empty` found nothing to import but the stats were never computed.
 * The table must exist: run `npm run db:migrate:local` first (same --persist-to).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import type { IpFamily } from "@sillage/shared/network/ip";
import { refreshAsnStats } from "../src/identify/asn-stats";
import { parseAsnCsvLine, upsertIpRangeStatements, ROWS_PER_STATEMENT, type IpRangeRow } from "../src/identify/ip-range-rows";
import { formatBytes, isProxyDesync, localD1Size, openLocalD1 } from "./local-d1";

const FAMILIES: readonly IpFamily[] = [4, 6];

/** Where npm installed the CSVs. */
export function defaultSources(): Record<IpFamily, string> {
  const dir = path.dirname(createRequire(import.meta.url).resolve("@ip-location-db/asn/package.json"));
  return { 4: path.join(dir, "asn-ipv4.csv"), 6: path.join(dir, "asn-ipv6.csv") };
}

export interface ImportIpRangesOptions {
  /** At most this many source rows per family. */
  limit?: number;
  /** Skip when the table already holds the whole source (see the file comment). */
  ifEmpty?: boolean;
  /** Delete every row first. */
  replace?: boolean;
  /** Statements per `db.batch`, i.e. per transaction (default 5). */
  statementsPerBatch?: number;
  /** Rows per statement (default ROWS_PER_STATEMENT, 2000). */
  rowsPerStatement?: number;
  sources?: Record<IpFamily, string>;
  /** Show a progress bar on stderr. */
  progress?: boolean;
  log?: (message: string) => void;
}

export interface FamilyImportStats {
  /** Source rows read (lines, up to the limit). */
  read: number;
  /** Source rows below the resume point, not sent again. */
  skipped: number;
  /** Rows sent to D1. */
  sent: number;
  /** Rows D1 actually inserted or changed (0 when re-importing identical data). */
  changed: number;
  malformed: number;
  /** Greatest start already stored when the import began (hex), if any. */
  resumedFrom: string | null;
  /** Rows of this family in the table at the end. */
  rowsInTable: number;
}

export interface ImportIpRangesResult {
  /** True when `ifEmpty` found the table complete and did nothing. */
  skipped: boolean;
  families: Record<IpFamily, FamilyImportStats>;
  /** ASNs whose `asn_stats` row was recomputed (null when the stats were already there and nothing was imported). */
  asnStats: number | null;
  ms: number;
}

export async function importIpRanges(db: D1Database, options: ImportIpRangesOptions = {}): Promise<ImportIpRangesResult> {
  const started = performance.now();
  const sources = options.sources ?? defaultSources();
  const log = options.log ?? (() => {});
  const statementsPerBatch = options.statementsPerBatch ?? 5;
  const rowsPerStatement = options.rowsPerStatement ?? ROWS_PER_STATEMENT;

  if (options.replace) {
    await clearIpRanges(db);
    log("ip_ranges emptied (--replace)");
  } else if (options.ifEmpty && (await isComplete(db, sources))) {
    log("ip_ranges already holds the whole source: nothing to do (--if-empty)");
    const asnStats = (await hasAsnStats(db)) ? null : await refreshAsnStats(db);
    return { skipped: true, families: await emptyStats(db), asnStats, ms: performance.now() - started };
  }

  const families = {} as Record<IpFamily, FamilyImportStats>;
  for (const family of FAMILIES) {
    families[family] = await importFamily(db, family, sources[family], {
      limit: options.limit,
      statementsPerBatch,
      rowsPerStatement,
      progress: options.progress ?? false,
    });
    const f = families[family];
    log(
      `IPv${family}: ${f.read} read, ${f.skipped} already present, ${f.sent} sent, ${f.changed} changed, ` +
        `${f.malformed} malformed${f.resumedFrom ? `, resumed from ${f.resumedFrom}` : ""}`,
    );
  }
  const counts = await rowCounts(db);
  for (const family of FAMILIES) families[family].rowsInTable = counts[family];
  const asnStats = await withRetries(() => refreshAsnStats(db));
  log(`asn_stats: ${asnStats} ASNs`);
  return { skipped: false, families, asnStats, ms: performance.now() - started };
}

async function hasAsnStats(db: D1Database): Promise<boolean> {
  return (await db.prepare("SELECT 1 FROM asn_stats LIMIT 1").first()) !== null;
}

/** Empties the table (before re-importing a newer package: ranges may have moved or vanished). */
export async function clearIpRanges(db: D1Database): Promise<void> {
  await db.prepare("DELETE FROM ip_ranges").run();
}

async function importFamily(
  db: D1Database,
  family: IpFamily,
  file: string,
  opts: { limit?: number; statementsPerBatch: number; rowsPerStatement: number; progress: boolean },
): Promise<FamilyImportStats> {
  const resumedFrom = await maxStart(db, family);
  const stats: FamilyImportStats = { read: 0, skipped: 0, sent: 0, changed: 0, malformed: 0, resumedFrom, rowsInTable: 0 };
  const batchRows = opts.statementsPerBatch * opts.rowsPerStatement;
  const total = Math.min(await countLines(file), opts.limit ?? Number.POSITIVE_INFINITY);

  const bar = opts.progress
    ? new SingleBar({
        format: `IPv${family} {bar} {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}`,
        stream: process.stderr,
        etaBuffer: 50,
        hideCursor: true,
      })
    : null;
  const barStarted = performance.now();
  bar?.start(total, 0, { speed: 0 });

  let pending: IpRangeRow[] = [];
  let previousStart = "";
  const flush = async () => {
    if (pending.length === 0) return;
    const results = await withRetries(() => db.batch(upsertIpRangeStatements(db, pending, opts.rowsPerStatement)));
    for (const r of results) stats.changed += r.meta.changes ?? 0;
    stats.sent += pending.length;
    pending = [];
  };

  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line === "") continue;
      if (opts.limit !== undefined && stats.read >= opts.limit) break;
      stats.read++;
      const row = parseAsnCsvLine(line, family);
      if (!row) {
        stats.malformed++;
        continue;
      }
      // Resuming from the greatest stored start is only sound on a sorted source.
      if (row.start < previousStart) throw new Error(`${file} is not sorted by start at line ${stats.read}: ${line}`);
      previousStart = row.start;
      if (resumedFrom !== null && row.start < resumedFrom) {
        stats.skipped++;
      } else {
        pending.push(row);
        if (pending.length >= batchRows) await flush();
      }
      if (bar && stats.read % 1000 === 0) {
        const seconds = (performance.now() - barStarted) / 1000;
        bar.update(stats.read, { speed: Math.round(stats.read / Math.max(seconds, 0.001)) });
      }
    }
    await flush();
  } finally {
    lines.close();
    const seconds = (performance.now() - barStarted) / 1000;
    bar?.update(stats.read, { speed: Math.round(stats.read / Math.max(seconds, 0.001)) });
    bar?.stop();
  }
  return stats;
}

/** A batch is one transaction and the upsert is idempotent, so retrying after a transient failure is safe. */
async function withRetries<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || isProxyDesync(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function maxStart(db: D1Database, family: IpFamily): Promise<string | null> {
  const row = await withRetries(() => db.prepare("SELECT MAX(start) AS start FROM ip_ranges WHERE family = ?").bind(family).first<{ start: string | null }>());
  return row?.start ?? null;
}

async function rowCounts(db: D1Database): Promise<Record<IpFamily, number>> {
  const { results } = await withRetries(() => db.prepare("SELECT family, COUNT(*) AS n FROM ip_ranges GROUP BY family").all<{ family: number; n: number }>());
  const counts: Record<IpFamily, number> = { 4: 0, 6: 0 };
  for (const r of results) if (r.family === 4 || r.family === 6) counts[r.family] = r.n;
  return counts;
}

async function emptyStats(db: D1Database): Promise<Record<IpFamily, FamilyImportStats>> {
  const counts = await rowCounts(db);
  const stats = (family: IpFamily): FamilyImportStats => ({
    read: 0,
    skipped: 0,
    sent: 0,
    changed: 0,
    malformed: 0,
    resumedFrom: null,
    rowsInTable: counts[family],
  });
  return { 4: stats(4), 6: stats(6) };
}

/** The table holds the whole source when, for each family, it already has the source's last range. */
async function isComplete(db: D1Database, sources: Record<IpFamily, string>): Promise<boolean> {
  for (const family of FAMILIES) {
    const last = parseAsnCsvLine(await lastLine(sources[family]), family);
    const stored = await maxStart(db, family);
    if (!last || stored === null || stored < last.start) return false;
  }
  return true;
}

async function lastLine(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer
      .toString("utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    return lines.at(-1) ?? "";
  } finally {
    await handle.close();
  }
}

/** For the progress bar's total: counting newlines in 30 MB takes a few tens of milliseconds. */
async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    let i = -1;
    while ((i = buf.indexOf(10, i + 1)) !== -1) count++;
  }
  return count;
}

export interface LocalImportOptions extends Omit<ImportIpRangesOptions, "sources"> {
  /** Like `wrangler dev --persist-to` (default `.wrangler/state` next to wrangler.toml). */
  persistTo?: string;
}

export interface LocalImportResult extends ImportIpRangesResult {
  persistPath: string;
  databaseBytes: number;
  walBytes: number;
}

/**
 * importIpRanges on the local D1 that `wrangler dev` uses (for `npm start` and the CLI). Through getPlatformProxy
 * every `db.prepare`/`bind` is a synchronous RPC, and miniflare's channel for those can fall out of step under load
 * (AssertionError "false == true" in fetch-sync.ts), after which every call fails. The import is resumable, so we
 * reopen the proxy and carry on.
 */
export async function importIpRangesIntoLocalD1(options: LocalImportOptions = {}): Promise<LocalImportResult> {
  const { persistTo, replace, ...importOptions } = options;
  const log = options.log ?? (() => {});
  const started = performance.now();
  // Empty first, on its own, so that a reconnect during the import resumes instead of emptying again.
  if (replace) {
    await withLocalD1(persistTo, log, (db) => clearIpRanges(db));
    log("ip_ranges emptied (--replace)");
  }
  const { result, persistPath } = await withLocalD1(persistTo, log, async (db, path) => ({
    result: await importIpRanges(db, importOptions),
    persistPath: path,
  }));
  const size = localD1Size(persistPath);
  return { ...result, ms: performance.now() - started, persistPath, databaseBytes: size.database, walBytes: size.wal };
}

async function withLocalD1<T>(
  persistTo: string | undefined,
  log: (message: string) => void,
  run: (db: D1Database, persistPath: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const local = await openLocalD1(persistTo);
    try {
      await assertTableExists(local.db);
      return await run(local.db, local.persistPath);
    } catch (error) {
      if (!isProxyDesync(error) || attempt >= 5) throw error;
      log("the local D1 proxy fell out of step; reopening it and resuming");
    } finally {
      await local.dispose();
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      "persist-to": { type: "string" },
      "if-empty": { type: "boolean", default: false },
      replace: { type: "boolean", default: false },
      limit: { type: "string" },
      batch: { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new Error("--limit wants a whole number");
  if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1)) throw new Error("--batch wants a positive whole number");
  const log = values.quiet ? () => {} : (m: string) => console.log(m);

  const result = await importIpRangesIntoLocalD1({
    persistTo: values["persist-to"],
    limit,
    ifEmpty: values["if-empty"],
    replace: values.replace,
    statementsPerBatch: batch,
    progress: !values.quiet && process.stderr.isTTY === true,
    log,
  });
  const f = result.families;
  console.log(
    `ip_ranges (${result.persistPath}): ${f[4].rowsInTable} IPv4 + ${f[6].rowsInTable} IPv6 rows; ` +
      `${(result.ms / 1000).toFixed(1)} s; D1 database ${formatBytes(result.databaseBytes)} (+ WAL ${formatBytes(result.walBytes)})`,
  );
}

async function assertTableExists(db: D1Database): Promise<void> {
  const row = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ip_ranges'").first();
  if (!row) throw new Error("table ip_ranges is missing: run `npm run db:migrate:local` (with the same --persist-to) first");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
