import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchOrganisation } from "../company-match/match-organisation";
import { firmographicsSchema } from "../firmographics/record";
import { createSireneLocalProvider } from "./sirene-local";
import { mapStockUniteLegaleRow, type SireneUnitRow, type StockUniteLegaleRecord } from "./sirene-stock";
import { createD1SireneUnitStore, createMemorySireneUnitStore, type SireneUnitStore } from "./sirene-unit-store";

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../worker/scripts/fixtures/StockUniteLegale-sample.csv");

const records = parse(readFileSync(SAMPLE), { columns: true, bom: true }) as StockUniteLegaleRecord[];
const rows: SireneUnitRow[] = records.flatMap((r) => {
  const m = mapStockUniteLegaleRow(r);
  return m.ok ? [m.row] : [];
});
const naturaliaLike: SireneUnitRow = { ...rows.find((r) => r.siren === "302474648")! }; // NATURALIA FRANCE

/** Mirrors worker/src/db/schema/sirene-units.ts. */
const DDL = [
  `CREATE TABLE sirene_units (siren TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, search_name TEXT NOT NULL, acronym TEXT,
     legal_form_code TEXT, naf_code TEXT, headcount_code TEXT, headcount_year TEXT, category TEXT, head_office_nic TEXT,
     created_on TEXT, active INTEGER NOT NULL, updated_at TEXT)`,
  "CREATE INDEX sirene_units_search_name_idx ON sirene_units (search_name)",
];

let mf: Miniflare;
let d1Store: SireneUnitStore;
beforeAll(async () => {
  mf = new Miniflare({ modules: true, script: "export default { fetch() { return new Response(null) } }", d1Databases: ["DB"] });
  const db = await mf.getD1Database("DB");
  for (const sql of DDL) await db.prepare(sql).run();
  const insert = db.prepare("INSERT INTO sirene_units VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  await db.batch(
    rows.map((r) =>
      insert.bind(
        r.siren,
        r.name,
        r.search_name,
        r.acronym,
        r.legal_form_code,
        r.naf_code,
        r.headcount_code,
        r.headcount_year,
        r.category,
        r.head_office_nic,
        r.created_on,
        r.active,
        r.updated_at,
      ),
    ),
  );
  d1Store = createD1SireneUnitStore(db);
}, 30_000);
afterAll(() => mf?.dispose());

const stores: [string, () => SireneUnitStore][] = [
  ["memory", () => createMemorySireneUnitStore(rows)],
  ["D1 (Miniflare)", () => d1Store],
];

describe.each(stores)("sirene-local provider on the %s store", (_label, store) => {
  const provider = () => createSireneLocalProvider({ store: store() });

  it("looks up a SIREN and maps it to a valid record", async () => {
    const danone = await provider().bySiren("552 032 534");
    expect(danone).toMatchObject({
      source: "sirene-local",
      siren: "552032534",
      name: "DANONE",
      headOfficeSiret: "55203253400703",
      headcountCode: "42",
      category: "GE",
      nafLabel: "Activités des sièges sociaux",
      vatNumber: "FR27552032534",
      address: null,
    });
    expect(firmographicsSchema.safeParse(danone).success).toBe(true);
    expect(await provider().bySiren("552032535")).toBeNull();
    expect(await provider().bySiren("443061841")).toBeNull(); // valid, not in the sample
  });

  it("searches a SIRET through its SIREN", async () => {
    expect((await provider().search({ q: "35600000000048" })).candidates.map((c) => c.siren)).toEqual(["356000000"]);
  });

  it("finds every namesake, sizeable ones first, and counts them all", async () => {
    const result = await provider().search({ q: "Ganymède", perPage: 3 });
    expect(result.candidates).toHaveLength(3);
    const all = await provider().search({ q: "ganymede", perPage: 100 });
    expect(result.totalResults).toBe(all.candidates.length);
    expect(all.candidates.every((c) => c.name === "GANYMEDE" || c.name!.startsWith("GANYMEDE "))).toBe(true);
    expect(result.candidates[0]!.headcountCode).toBe("01"); // the only employing GANYMEDE
  });

  it("finds a legal name that adds words (prefix) and one that drops articles", async () => {
    expect((await provider().search({ q: "Naturalia" })).candidates.map((c) => c.siren)).toContain(naturaliaLike.siren);
    expect((await provider().search({ q: "Restaurants du Coeur" })).candidates.map((c) => c.siren)).toEqual(["400461356"]);
  });

  it("matches a network organisation end to end", async () => {
    expect(await matchOrganisation(provider(), { name: "DANONE S.A.", context: "network" })).toMatchObject({ status: "matched", siren: "552032534" });
    expect(await matchOrganisation(provider(), { name: "Ganymede", context: "network" })).toMatchObject({ status: "no_match", reason: "ambiguous" });
  });
});
