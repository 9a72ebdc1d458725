/**
 * NAF rév. 2 codes (`62.01Z`) and their sections (letter A–U). The section follows from the two-digit division,
 * so no label table is needed for scoring (labels: @socialgouv/codes-naf, for display).
 */
export const NAF_SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"] as const;
export type NafSection = (typeof NAF_SECTIONS)[number];

/** First division of each section, in order; a division belongs to the last section starting at or before it. */
const SECTION_STARTS: ReadonlyArray<readonly [number, NafSection]> = [
  [1, "A"],
  [5, "B"],
  [10, "C"],
  [35, "D"],
  [36, "E"],
  [41, "F"],
  [45, "G"],
  [49, "H"],
  [55, "I"],
  [58, "J"],
  [64, "K"],
  [68, "L"],
  [69, "M"],
  [77, "N"],
  [84, "O"],
  [85, "P"],
  [86, "Q"],
  [90, "R"],
  [94, "S"],
  [97, "T"],
  [99, "U"],
];

/** `62.01Z`, `6201Z`, ` 62.01z ` → `6201Z`; null when not a NAF code. */
export function normalizeNafCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const compact = code.replace(/[\s.]/g, "").toUpperCase();
  return /^\d{4}[A-Z]$/.test(compact) ? compact : null;
}

/** Prefixes are compared on the compact form: `63.1` → `631`. */
export function normalizeNafPrefix(prefix: string): string {
  return prefix.replace(/[\s.]/g, "").toUpperCase();
}

export function nafSectionOf(code: string | null | undefined): NafSection | null {
  const compact = normalizeNafCode(code);
  if (!compact) return null;
  const division = Number(compact.slice(0, 2));
  let section: NafSection | null = null;
  for (const [start, letter] of SECTION_STARTS) {
    if (division >= start) section = letter;
    else break;
  }
  // Unused divisions (04, 34, 40…) fall into the preceding section: harmless, no company carries them.
  return division === 0 ? null : section;
}
