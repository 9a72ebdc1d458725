import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { STOCK_UNITE_LEGALE_COLUMNS } from "@sillage/shared/providers/sirene-stock";
import { newSireneCsvStats, readStockUniteLegale } from "./sirene-csv";

const SAMPLE = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/StockUniteLegale-sample.csv");

async function readAll(input: Parameters<typeof readStockUniteLegale>[0], options: Parameters<typeof readStockUniteLegale>[1] = {}) {
  const batches = [];
  for await (const batch of readStockUniteLegale(input, options)) batches.push(batch);
  return batches;
}

describe("readStockUniteLegale on the sample", () => {
  it("has the real header, in order", () => {
    const header = readFileSync(SAMPLE, "utf8").split("\n", 1)[0]!;
    expect(header.split(",")).toEqual([...STOCK_UNITE_LEGALE_COLUMNS]);
  });

  it("yields bounded batches and accounts for every line", async () => {
    const stats = newSireneCsvStats();
    const batches = await readAll(SAMPLE, { batchSize: 7, stats });
    const lines = readFileSync(SAMPLE, "utf8").trim().split("\n").length - 1;
    expect(stats.read).toBe(lines);
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    expect(batches.flat()).toHaveLength(stats.kept);
    const skipped = Object.values(stats.skipped).reduce((a, b) => a + b, 0);
    expect(stats.kept + skipped).toBe(stats.read);
    expect(stats.bytes).toBe(readFileSync(SAMPLE).length);
  });

  it("maps big companies with the same data as the API", async () => {
    const rows = (await readAll(SAMPLE)).flat();
    expect(rows.find((r) => r.siren === "552032534")).toEqual({
      siren: "552032534",
      name: "DANONE",
      search_name: "danone",
      acronym: null,
      legal_form_code: "5599",
      naf_code: "70.10Z",
      headcount_code: "42",
      headcount_year: "2023",
      category: "GE",
      head_office_nic: "00703",
      created_on: "1955-01-01",
      active: 1,
      updated_at: "2026-04-10T13:28:37",
    });
    expect(rows.find((r) => r.siren === "356000000")).toMatchObject({ name: "LA POSTE", search_name: "poste", headcount_code: "53" });
    expect(rows.find((r) => r.siren === "130025265")).toMatchObject({ acronym: "DINUM" });
  });

  it("skips non-diffusible units and, by default, ceased ones", async () => {
    const stats = newSireneCsvStats();
    const rows = (await readAll(SAMPLE, { stats })).flat();
    expect(rows.some((r) => r.siren === "300025764")).toBe(false); // [ND]
    expect(rows.some((r) => r.siren === "839517323")).toBe(false); // RED NEEDLES, ceased
    expect(stats.skipped.not_diffusible).toBe(1);
    expect(stats.skipped.ceased).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.active === 1)).toBe(true);
  });

  it("keeps ceased units and names sole traders when asked", async () => {
    const rows = (await readAll(SAMPLE, { includeCeased: true })).flat();
    expect(rows.find((r) => r.siren === "883010316")).toMatchObject({ name: "RAPHAEL DUBIGNY", active: 0, legal_form_code: "1000" });
  });

  it("keeps the namesakes the matcher must tell apart", async () => {
    const rows = (await readAll(SAMPLE)).flat();
    expect(rows.filter((r) => r.search_name === "ganymede").length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => r.search_name === "aga").length).toBeGreaterThanOrEqual(8);
  });
});

describe("readStockUniteLegale on other inputs", () => {
  it("reads a stream, a BOM, quoted fields and a pre-2025 header without the NAF 2025 column", async () => {
    const columns = STOCK_UNITE_LEGALE_COLUMNS.slice(0, -1);
    const values: Record<string, string> = {
      siren: "552032534",
      statutDiffusionUniteLegale: "O",
      etatAdministratifUniteLegale: "A",
      denominationUniteLegale: '"DANONE, ""LE GROUPE"""',
      categorieJuridiqueUniteLegale: "5599",
      activitePrincipaleUniteLegale: "70.10Z",
      trancheEffectifsUniteLegale: "42",
      nicSiegeUniteLegale: "00703",
    };
    const csv = `\ufeff${columns.join(",")}\n${columns.map((c) => values[c] ?? "").join(",")}\n`;
    const rows = (await readAll(Readable.from([csv]))).flat();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ siren: "552032534", name: 'DANONE, "LE GROUPE"', search_name: "danone groupe" });
  });

  it("refuses a file that is not a StockUniteLegale, naming what is missing", async () => {
    const csv = "siret,denominationUsuelleEtablissement\n55203253400703,DANONE\n";
    await expect(readAll(Readable.from([csv]))).rejects.toThrow(/missing column\(s\) siren/);
  });
});
