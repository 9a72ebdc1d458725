import { describe, expect, it } from "vitest";
import { assertStockUniteLegaleHeader, mapStockUniteLegaleRow, STOCK_UNITE_LEGALE_COLUMNS } from "./sirene-stock";

const base = {
  siren: "552032534",
  statutDiffusionUniteLegale: "O",
  unitePurgeeUniteLegale: "",
  etatAdministratifUniteLegale: "A",
  denominationUniteLegale: "DANONE",
  categorieJuridiqueUniteLegale: "5599",
  activitePrincipaleUniteLegale: "70.10Z",
  trancheEffectifsUniteLegale: "42",
  anneeEffectifsUniteLegale: "2023",
  nicSiegeUniteLegale: "00703",
};

describe("mapStockUniteLegaleRow", () => {
  it("skips what must not or need not be imported, with a reason", () => {
    expect(mapStockUniteLegaleRow({ ...base, siren: "552032535" })).toEqual({ ok: false, reason: "invalid_siren" });
    expect(mapStockUniteLegaleRow({ ...base, statutDiffusionUniteLegale: "P", denominationUniteLegale: "[ND]" })).toEqual({
      ok: false,
      reason: "not_diffusible",
    });
    expect(mapStockUniteLegaleRow({ ...base, unitePurgeeUniteLegale: "true" })).toEqual({ ok: false, reason: "purged" });
    expect(mapStockUniteLegaleRow({ ...base, etatAdministratifUniteLegale: "C" })).toEqual({ ok: false, reason: "ceased" });
    expect(mapStockUniteLegaleRow({ ...base, denominationUniteLegale: "" })).toEqual({ ok: false, reason: "no_name" });
    expect(mapStockUniteLegaleRow({ ...base, categorieJuridiqueUniteLegale: "1000" }, { includeSoleTraders: false })).toEqual({
      ok: false,
      reason: "sole_trader",
    });
  });

  it("names sole traders by usual first name and usage name when present", () => {
    const m = mapStockUniteLegaleRow({
      ...base,
      denominationUniteLegale: "",
      categorieJuridiqueUniteLegale: "1000",
      prenom1UniteLegale: "MARIE",
      prenomUsuelUniteLegale: "MARIE-ANNE",
      nomUniteLegale: "DURAND",
      nomUsageUniteLegale: "MARTIN",
    });
    expect(m.ok && m.row.name).toBe("MARIE-ANNE MARTIN");
  });

  it("drops unknown headcount codes and their year, keeps an old NAF code as published", () => {
    const m = mapStockUniteLegaleRow({ ...base, trancheEffectifsUniteLegale: "", activitePrincipaleUniteLegale: "51.4A" });
    expect(m.ok && m.row).toMatchObject({ headcount_code: null, headcount_year: null, naf_code: "51.4A" });
  });

  it("checks the header by name", () => {
    expect(() => assertStockUniteLegaleHeader([...STOCK_UNITE_LEGALE_COLUMNS])).not.toThrow();
    expect(() => assertStockUniteLegaleHeader(STOCK_UNITE_LEGALE_COLUMNS.filter((c) => c !== "nicSiegeUniteLegale"))).toThrow(/nicSiegeUniteLegale/);
  });
});
