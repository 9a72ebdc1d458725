import codesNaf from "@socialgouv/codes-naf/index.json";
import { NAF_SECTIONS, type NafSection } from "./naf-sections";

export { NAF_SECTIONS, NAF_SECTION_LETTERS, type NafSection } from "./naf-sections";

/**
 * NAF rév. 2 activity codes ("70.10Z"): labels from @socialgouv/codes-naf (INSEE's list), section letter
 * derived from the two-digit division. Older nomenclatures (NAF 1993 / rév. 1, e.g. "51.4A") still appear on
 * long-dormant units; their divisions mean something else, so we give them no label and no section.
 */

const NAF_REV2_CODE = /^\d{2}\.\d{2}[A-Z]$/;

const LABELS = new Map<string, string>((codesNaf as { id: string; label: string }[]).map((c) => [c.id, c.label]));

/** Division ranges (inclusive) of each section in NAF rév. 2. */
const SECTION_DIVISIONS: readonly [NafSection, number, number][] = [
  ["A", 1, 3],
  ["B", 5, 9],
  ["C", 10, 33],
  ["D", 35, 35],
  ["E", 36, 39],
  ["F", 41, 43],
  ["G", 45, 47],
  ["H", 49, 53],
  ["I", 55, 56],
  ["J", 58, 63],
  ["K", 64, 66],
  ["L", 68, 68],
  ["M", 69, 75],
  ["N", 77, 82],
  ["O", 84, 84],
  ["P", 85, 85],
  ["Q", 86, 88],
  ["R", 90, 93],
  ["S", 94, 96],
  ["T", 97, 98],
  ["U", 99, 99],
];

/** "7010Z", "70.10z", " 70.10Z " → "70.10Z"; null when it is not a NAF rév. 2 code. */
export function normalizeNafCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const compact = code.trim().toUpperCase().replace(/\s/g, "");
  const withDot = /^\d{4}[A-Z]$/.test(compact) ? `${compact.slice(0, 2)}.${compact.slice(2)}` : compact;
  return NAF_REV2_CODE.test(withDot) ? withDot : null;
}

export function nafSection(code: string | null | undefined): NafSection | null {
  const naf = normalizeNafCode(code);
  if (!naf) return null;
  const division = Number(naf.slice(0, 2));
  for (const [letter, from, to] of SECTION_DIVISIONS) {
    if (division >= from && division <= to) return letter;
  }
  return null;
}

/** French label of a NAF rév. 2 sub-class, or null (unknown code, or an older nomenclature). */
export function nafLabel(code: string | null | undefined): string | null {
  const naf = normalizeNafCode(code);
  return naf ? (LABELS.get(naf) ?? null) : null;
}

export function nafSectionLabel(section: string | null | undefined): string | null {
  return section && section in NAF_SECTIONS ? NAF_SECTIONS[section as NafSection] : null;
}
