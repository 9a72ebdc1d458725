/**
 * Streams INSEE's StockUniteLegale CSV (≈ 4 GB unzipped, 28 M lines) into `sirene_units` rows, in batches,
 * with memory bounded by one batch: csv-parse is a Transform stream and `for await` applies backpressure,
 * so the file is read only as fast as the caller consumes batches.
 *
 * Usage (the import CLI wraps this):
 *   for await (const rows of readStockUniteLegale("StockUniteLegale_utf8.csv", { stats })) await upsert(rows);
 * The official download is a zip; pipe it instead of unzipping to disk:
 *   readStockUniteLegale(spawn("unzip", ["-p", zipPath]).stdout)
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import {
  assertStockUniteLegaleHeader,
  mapStockUniteLegaleRow,
  type SireneUnitRow,
  type StockMappingOptions,
  type StockSkipReason,
  type StockUniteLegaleRecord,
} from "@sillage/shared/providers/sirene-stock";

export interface SireneCsvStats {
  /** Data lines read so far. */
  read: number;
  kept: number;
  skipped: Record<StockSkipReason, number>;
  /** Bytes consumed from the input, for a progress bar against the file size. */
  bytes: number;
}

export function newSireneCsvStats(): SireneCsvStats {
  return {
    read: 0,
    kept: 0,
    bytes: 0,
    skipped: { invalid_siren: 0, not_diffusible: 0, purged: 0, ceased: 0, sole_trader: 0, no_name: 0 },
  };
}

export interface ReadStockOptions extends StockMappingOptions {
  /** Rows per yielded batch. Default 500. */
  batchSize?: number;
  /** Updated as lines are read; pass one in to follow progress. */
  stats?: SireneCsvStats;
}

export async function* readStockUniteLegale(input: string | Readable, options: ReadStockOptions = {}): AsyncGenerator<SireneUnitRow[]> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const stats = options.stats ?? newSireneCsvStats();
  const source = typeof input === "string" ? createReadStream(input) : input;
  source.on("data", (chunk: Buffer | string) => {
    stats.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
  });

  const parser = source.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      // Read by column name, and refuse a file that is not a StockUniteLegale before any row is used.
      columns: (header: string[]) => {
        assertStockUniteLegaleHeader(header);
        return header;
      },
    }),
  );
  source.on("error", (error: Error) => parser.destroy(error));

  let batch: SireneUnitRow[] = [];
  for await (const record of parser as AsyncIterable<StockUniteLegaleRecord>) {
    stats.read++;
    const result = mapStockUniteLegaleRow(record, options);
    if (!result.ok) {
      stats.skipped[result.reason]++;
      continue;
    }
    stats.kept++;
    batch.push(result.row);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
