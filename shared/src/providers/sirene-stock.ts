import { normalizeCompanyName } from "../company-match/normalize-name";
import { headcountBracket } from "../firmographics/headcount";
import { parseCategory, parseIsoDate, parseYear, withheldToNull } from "../firmographics/derive";
import { isValidSiren } from "../firmographics/siren";

/**
 * INSEE's StockUniteLegale file (one line per legal unit, current values), mapped to rows of the
 * `sirene_units` table (worker/src/db/schema/sirene-units.ts). Pure: the Node streaming reader lives in
 * worker/scripts/sirene-csv.ts.
 */

/** Header of the current file (2025), in order. Files before 2025 lack the last column; we read by name. */
export const STOCK_UNITE_LEGALE_COLUMNS = [
  "siren",
  "statutDiffusionUniteLegale",
  "unitePurgeeUniteLegale",
  "dateCreationUniteLegale",
  "sigleUniteLegale",
  "sexeUniteLegale",
  "prenom1UniteLegale",
  "prenom2UniteLegale",
  "prenom3UniteLegale",
  "prenom4UniteLegale",
  "prenomUsuelUniteLegale",
  "pseudonymeUniteLegale",
  "identifiantAssociationUniteLegale",
  "trancheEffectifsUniteLegale",
  "anneeEffectifsUniteLegale",
  "dateDernierTraitementUniteLegale",
  "nombrePeriodesUniteLegale",
  "categorieEntreprise",
  "anneeCategorieEntreprise",
  "dateDebut",
  "etatAdministratifUniteLegale",
  "nomUniteLegale",
  "nomUsageUniteLegale",
  "denominationUniteLegale",
  "denominationUsuelle1UniteLegale",
  "denominationUsuelle2UniteLegale",
  "denominationUsuelle3UniteLegale",
  "categorieJuridiqueUniteLegale",
  "activitePrincipaleUniteLegale",
  "nomenclatureActivitePrincipaleUniteLegale",
  "nicSiegeUniteLegale",
  "economieSocialeSolidaireUniteLegale",
  "societeMissionUniteLegale",
  "caractereEmployeurUniteLegale",
  "activitePrincipaleNAF25UniteLegale",
] as const;

/** Columns we cannot do without: a file missing one of them is not a StockUniteLegale. */
export const REQUIRED_STOCK_COLUMNS = [
  "siren",
  "statutDiffusionUniteLegale",
  "denominationUniteLegale",
  "nomUniteLegale",
  "prenom1UniteLegale",
  "etatAdministratifUniteLegale",
  "categorieJuridiqueUniteLegale",
  "activitePrincipaleUniteLegale",
  "trancheEffectifsUniteLegale",
  "nicSiegeUniteLegale",
] as const;

export type StockUniteLegaleRecord = Partial<Record<(typeof STOCK_UNITE_LEGALE_COLUMNS)[number], string>> & Record<string, string | undefined>;

/** One row of `sirene_units`, with SQL column names. */
export interface SireneUnitRow {
  siren: string;
  name: string;
  /** normalizeCompanyName(name).tokens joined by spaces: the look-up key. */
  search_name: string;
  acronym: string | null;
  legal_form_code: string | null;
  naf_code: string | null;
  headcount_code: string | null;
  headcount_year: string | null;
  category: string | null;
  head_office_nic: string | null;
  created_on: string | null;
  /** 1 active, 0 ceased (SQLite booleans). */
  active: number;
  updated_at: string | null;
}

export type StockSkipReason = "invalid_siren" | "not_diffusible" | "purged" | "ceased" | "sole_trader" | "no_name";

export interface StockMappingOptions {
  /** Keep ceased units (most of the file). Default false: visitors are live organisations. */
  includeCeased?: boolean;
  /** Keep sole traders (catégorie juridique 1000). Default true. */
  includeSoleTraders?: boolean;
}

export type StockMappingResult = { ok: true; row: SireneUnitRow } | { ok: false; reason: StockSkipReason };

/** The look-up key of a name; the same function must build keys at import and at query time. */
export function sireneSearchKey(name: string): string {
  return normalizeCompanyName(name).tokens.join(" ");
}

function value(record: StockUniteLegaleRecord, column: string): string | null {
  return withheldToNull(record[column]);
}

export function mapStockUniteLegaleRow(record: StockUniteLegaleRecord, options: StockMappingOptions = {}): StockMappingResult {
  const siren = record.siren?.trim() ?? "";
  if (!isValidSiren(siren)) return { ok: false, reason: "invalid_siren" };
  // "P": the person asked not to be published; their name and address are withheld ("[ND]").
  if (record.statutDiffusionUniteLegale !== "O") return { ok: false, reason: "not_diffusible" };
  if (record.unitePurgeeUniteLegale === "true") return { ok: false, reason: "purged" };
  const active = record.etatAdministratifUniteLegale === "A";
  if (!active && !options.includeCeased) return { ok: false, reason: "ceased" };
  const legalForm = value(record, "categorieJuridiqueUniteLegale");
  if (legalForm === "1000" && options.includeSoleTraders === false) return { ok: false, reason: "sole_trader" };

  const person = [
    value(record, "prenomUsuelUniteLegale") ?? value(record, "prenom1UniteLegale"),
    value(record, "nomUsageUniteLegale") ?? value(record, "nomUniteLegale"),
  ]
    .filter(Boolean)
    .join(" ");
  const name = value(record, "denominationUniteLegale") ?? (person || null) ?? value(record, "denominationUsuelle1UniteLegale");
  if (!name) return { ok: false, reason: "no_name" };
  const searchName = sireneSearchKey(name);
  if (!searchName) return { ok: false, reason: "no_name" };

  const headcount = headcountBracket(value(record, "trancheEffectifsUniteLegale"));
  const nic = value(record, "nicSiegeUniteLegale");
  const year = parseYear(value(record, "anneeEffectifsUniteLegale"));
  return {
    ok: true,
    row: {
      siren,
      name,
      search_name: searchName,
      acronym: value(record, "sigleUniteLegale"),
      legal_form_code: legalForm && /^\d{4}$/.test(legalForm) ? legalForm : null,
      naf_code: value(record, "activitePrincipaleUniteLegale"),
      headcount_code: headcount?.code ?? null,
      headcount_year: headcount && year !== null ? String(year) : null,
      category: parseCategory(value(record, "categorieEntreprise")),
      head_office_nic: nic && /^\d{5}$/.test(nic) ? nic : null,
      created_on: parseIsoDate(value(record, "dateCreationUniteLegale")),
      active: active ? 1 : 0,
      updated_at: value(record, "dateDernierTraitementUniteLegale"),
    },
  };
}

/** Throws when a header lacks a required column, naming it, so a wrong file fails before any import. */
export function assertStockUniteLegaleHeader(columns: readonly string[]): void {
  const missing = REQUIRED_STOCK_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new Error(`not a StockUniteLegale file: missing column(s) ${missing.join(", ")}`);
  }
}
