import { normalizeCompanyName } from "../company-match/normalize-name";
import { geoFields, headcountFields, legalFormFields, nafFields, parseCategory, parseYear } from "../firmographics/derive";
import { isAssociation, isPublicAdministration } from "../firmographics/legal-form";
import type { Firmographics } from "../firmographics/record";
import { isValidSiret } from "../firmographics/siren";
import { vatNumberFromSiren } from "../firmographics/vat";
import type { SireneUnitRow } from "./sirene-stock";

/**
 * Read access to the `sirene_units` table. The D1 implementation takes anything with D1's
 * `prepare().bind().all()` shape, so it runs on the Workers binding and on Miniflare in tests.
 */

export interface NameLookup {
  /** search_name values to match exactly. */
  exact: string[];
  /** search_name values starting with this key followed by a space ("naturalia" → "naturalia france"). */
  prefix: string;
}

export interface SireneUnitStore {
  bySiren(siren: string): Promise<SireneUnitRow | null>;
  /** Sizeable, active units first. `total` counts every match, beyond `limit`. */
  searchByName(lookup: NameLookup, limit: number, offset?: number): Promise<{ rows: SireneUnitRow[]; total: number }>;
}

export interface D1Like {
  prepare(query: string): { bind(...values: unknown[]): { all<T = Record<string, unknown>>(): Promise<{ results: T[] }> } };
}

/** Builds the name look-up for a query: its words, its core words, and the prefix of its words. */
export function nameLookupFor(query: string): NameLookup {
  const n = normalizeCompanyName(query);
  const full = n.tokens.join(" ");
  const core = n.coreTokens.join(" ");
  return { exact: [...new Set([full, core].filter(Boolean))], prefix: full };
}

const COLUMNS =
  "siren, name, search_name, acronym, legal_form_code, naf_code, headcount_code, headcount_year, category, head_office_nic, created_on, active, updated_at";
// Prefix match as an index range: keys are [a-z0-9 ], so "key " <= k < "key!" is exactly "starts with key + space".
const WHERE = "search_name IN (?1, ?2) OR (search_name >= ?3 AND search_name < ?4)";
const ORDER = "active DESC, CASE WHEN headcount_code GLOB '[0-9][0-9]' THEN headcount_code ELSE '' END DESC, siren";

function lookupParams(lookup: NameLookup): string[] {
  const [a = "", b = a] = lookup.exact;
  return [a, b, `${lookup.prefix} `, `${lookup.prefix}!`];
}

export function createD1SireneUnitStore(db: D1Like): SireneUnitStore {
  return {
    async bySiren(siren) {
      const { results } = await db.prepare(`SELECT ${COLUMNS} FROM sirene_units WHERE siren = ?1`).bind(siren).all<SireneUnitRow>();
      return results[0] ?? null;
    },
    async searchByName(lookup, limit, offset = 0) {
      if (!lookup.prefix) return { rows: [], total: 0 };
      const params = lookupParams(lookup);
      const [{ results: rows }, { results: count }] = await Promise.all([
        db
          .prepare(`SELECT ${COLUMNS} FROM sirene_units WHERE ${WHERE} ORDER BY ${ORDER} LIMIT ?5 OFFSET ?6`)
          .bind(...params, limit, offset)
          .all<SireneUnitRow>(),
        db
          .prepare(`SELECT count(*) AS n FROM sirene_units WHERE ${WHERE}`)
          .bind(...params)
          .all<{ n: number }>(),
      ]);
      return { rows, total: count[0]?.n ?? rows.length };
    },
  };
}

/** Same semantics in memory, for tests and small local datasets. */
export function createMemorySireneUnitStore(rows: readonly SireneUnitRow[]): SireneUnitStore {
  const bySiren = new Map(rows.map((r) => [r.siren, r]));
  const rank = (r: SireneUnitRow) => (r.headcount_code && /^\d\d$/.test(r.headcount_code) ? r.headcount_code : "");
  return {
    async bySiren(siren) {
      return bySiren.get(siren) ?? null;
    },
    async searchByName(lookup, limit, offset = 0) {
      if (!lookup.prefix) return { rows: [], total: 0 };
      const matches = rows
        .filter((r) => lookup.exact.includes(r.search_name) || r.search_name.startsWith(`${lookup.prefix} `))
        .sort((a, b) => b.active - a.active || rank(b).localeCompare(rank(a)) || a.siren.localeCompare(b.siren));
      return { rows: matches.slice(offset, offset + limit), total: matches.length };
    },
  };
}

/** StockUniteLegale has no address: location fields stay null (the head office is in StockEtablissement). */
export function firmographicsFromSireneUnit(row: SireneUnitRow): Firmographics {
  const siret = row.head_office_nic ? row.siren + row.head_office_nic : null;
  return {
    source: "sirene-local",
    siren: row.siren,
    headOfficeSiret: siret && isValidSiret(siret) ? siret : null,
    name: row.name,
    aliases: row.acronym && row.acronym !== row.name ? [row.acronym] : [],
    ...legalFormFields(row.legal_form_code),
    ...nafFields(row.naf_code),
    ...headcountFields(row.headcount_code, parseYear(row.headcount_year)),
    revenue: null,
    netIncome: null,
    financesYear: null,
    category: parseCategory(row.category),
    categoryYear: null,
    address: null,
    postalCode: null,
    city: null,
    ...geoFields(null),
    foreignCountry: null,
    createdOn: row.created_on,
    ceasedOn: null,
    active: row.active === 1,
    vatNumber: vatNumberFromSiren(row.siren),
    establishmentCount: null,
    openEstablishmentCount: null,
    publicBody: isPublicAdministration(row.legal_form_code),
    association: isAssociation(row.legal_form_code),
    diffusible: true,
  };
}
