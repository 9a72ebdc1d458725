import { headcountBracket } from "./headcount";
import { legalFormLabel } from "./legal-form";
import { nafLabel, nafSection, nafSectionLabel, normalizeNafCode } from "./naf";
import { departementName, regionName, regionOfDepartement } from "./geo";
import type { Firmographics } from "./record";

/**
 * Field groups every provider fills the same way from raw codes, so labels and derived values never
 * depend on which provider answered.
 */

export function legalFormFields(code: string | null | undefined): Pick<Firmographics, "legalFormCode" | "legalFormLabel"> {
  const valid = code && /^\d{4}$/.test(code) ? code : null;
  return { legalFormCode: valid, legalFormLabel: legalFormLabel(valid) };
}

export function nafFields(code: string | null | undefined): Pick<Firmographics, "nafCode" | "nafLabel" | "nafSection" | "nafSectionLabel"> {
  const section = nafSection(code);
  return {
    // An old-nomenclature code is kept as published (it is still the unit's code) but gets no label.
    nafCode: normalizeNafCode(code) ?? (code?.trim() || null),
    nafLabel: nafLabel(code),
    nafSection: section,
    nafSectionLabel: nafSectionLabel(section),
  };
}

export function headcountFields(
  code: string | null | undefined,
  year: number | null,
): Pick<Firmographics, "headcountCode" | "headcountMin" | "headcountMax" | "headcountLabel" | "headcountYear"> {
  const b = headcountBracket(code);
  return {
    headcountCode: b?.code ?? null,
    headcountMin: b?.min ?? null,
    headcountMax: b ? b.max : null,
    headcountLabel: b?.label ?? null,
    headcountYear: b ? year : null,
  };
}

export function geoFields(
  departement: string | null | undefined,
  region?: string | null,
): Pick<Firmographics, "departementCode" | "departementName" | "regionCode" | "regionName"> {
  const dep = departement && departementName(departement) ? departement.toUpperCase() : null;
  const reg = (region && regionName(region) ? region : null) ?? regionOfDepartement(dep);
  return {
    departementCode: dep,
    departementName: departementName(dep),
    regionCode: reg,
    regionName: regionName(reg),
  };
}

/** "2023" → 2023; null for anything that is not a plausible year. */
export function parseYear(value: string | number | null | undefined): number | null {
  if (value == null || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : null;
}

/** Keeps an ISO date (YYYY-MM-DD) and drops anything else, including datetime suffixes. */
export function parseIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1]! : null;
}

export function parseCategory(value: string | null | undefined): Firmographics["category"] {
  return value === "PME" || value === "ETI" || value === "GE" ? value : null;
}

/** Distinct, non-empty aliases that differ from the legal name. */
export function cleanAliases(name: string | null, values: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>(name ? [name.toUpperCase()] : []);
  const out: string[] = [];
  for (const v of values) {
    const t = v?.trim();
    if (!t || isWithheld(t) || seen.has(t.toUpperCase())) continue;
    seen.add(t.toUpperCase());
    out.push(t);
  }
  return out;
}

/** Markers the registers put in place of withheld values. */
export function isWithheld(value: string | null | undefined): boolean {
  return value === "[NON-DIFFUSIBLE]" || value === "[ND]";
}

export function withheldToNull(value: string | null | undefined): string | null {
  const t = value?.trim();
  return !t || isWithheld(t) ? null : t;
}
