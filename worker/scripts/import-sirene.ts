/**
 * `npm run import:sirene -- FILE [--persist-to DIR] [--include-ceased] [--if-empty]`
 *
 * Loads INSEE's StockUniteLegale CSV (or the shipped sample) into the local D1 `sirene_units` table, for the
 * `sirene-local` firmographics provider. Streams the file (bounded memory whatever its size), upserts by SIREN
 * (idempotent: run it again after a new monthly stock), and shows a progress bar over the file's bytes.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import type { SireneUnitRow } from "@sillage/shared/providers/sirene-stock";
import { newSireneCsvStats, readStockUniteLegale } from "./sirene-csv";
import { openLocalD1, REPO_ROOT } from "./local-d1";

export const SIRENE_SAMPLE = path.join(REPO_ROOT, "worker/scripts/fixtures/StockUniteLegale-sample.csv");
const COLUMNS = [
  "siren",
  "name",
  "search_name",
  "acronym",
  "legal_form_code",
  "naf_code",
  "headcount_code",
  "headcount_year",
  "category",
  "head_office_nic",
  "created_on",
  "active",
  "updated_at",
] as const;
// D1 allows 100 bound parameters per statement: 7 rows × 13 columns.
const ROWS_PER_STATEMENT = 7;

function upserts(db: D1Database, rows: readonly SireneUnitRow[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const slice = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values = slice.map(() => `(${COLUMNS.map(() => "?").join(", ")})`).join(", ");
    const updates = COLUMNS.filter((c) => c !== "siren")
      .map((c) => `${c} = excluded.${c}`)
      .join(", ");
    out.push(
      db
        .prepare(`INSERT INTO sirene_units (${COLUMNS.join(", ")}) VALUES ${values} ON CONFLICT(siren) DO UPDATE SET ${updates}`)
        .bind(...slice.flatMap((r) => COLUMNS.map((c) => r[c] ?? null))),
    );
  }
  return out;
}

export interface ImportSireneOptions {
  persistTo?: string;
  includeCeased?: boolean;
  ifEmpty?: boolean;
  quiet?: boolean;
}

export async function importSirene(file: string, options: ImportSireneOptions = {}) {
  const { db, dispose } = await openLocalD1(options.persistTo);
  const log = options.quiet ? () => undefined : (m: string) => console.log(m);
  try {
    if (options.ifEmpty) {
      const n = await db.prepare("SELECT count(*) AS n FROM sirene_units").first<{ n: number }>();
      if (n && n.n > 0) {
        log(`sirene_units already holds ${n.n} companies: nothing to do (--if-empty)`);
        return { kept: 0, read: 0, skipped: {} as Record<string, number> };
      }
    }
    const total = statSync(file).size;
    const stats = newSireneCsvStats();
    const bar = options.quiet ? null : new SingleBar({ format: "SIRENE [{bar}] {percentage}% | {kept} companies | ETA {eta}s", hideCursor: true });
    bar?.start(total, 0, { kept: 0 });
    const started = Date.now();
    for await (const rows of readStockUniteLegale(file, { stats, includeCeased: options.includeCeased })) {
      await db.batch(upserts(db, rows));
      bar?.update(stats.bytes, { kept: stats.kept });
    }
    bar?.update(total, { kept: stats.kept });
    bar?.stop();
    log(`imported ${stats.kept} companies of ${stats.read} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; skipped: ${JSON.stringify(stats.skipped)}`);
    return { kept: stats.kept, read: stats.read, skipped: stats.skipped };
  } finally {
    await dispose();
  }
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "persist-to": { type: "string" }, "include-ceased": { type: "boolean" }, "if-empty": { type: "boolean" }, quiet: { type: "boolean" } },
  });
  const file = positionals[0] ?? SIRENE_SAMPLE;
  if (!positionals[0]) console.log(`no file given: importing the sample ${path.relative(process.cwd(), SIRENE_SAMPLE)}`);
  await importSirene(file, { persistTo: values["persist-to"], includeCeased: values["include-ceased"], ifEmpty: values["if-empty"], quiet: values.quiet });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
