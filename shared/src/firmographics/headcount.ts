/**
 * INSEE headcount brackets (`tranche_effectif_salarie`, `trancheEffectifsUniteLegale`): salaried headcount
 * of the legal unit on 31 December of the reference year.
 */

export interface HeadcountBracket {
  code: HeadcountCode;
  /** Inclusive bounds; max is null for the open-ended 10,000+ bracket. */
  min: number;
  max: number | null;
  label: string;
}

export const HEADCOUNT_BRACKETS = [
  { code: "NN", min: 0, max: 0, label: "Unité non employeuse" },
  { code: "00", min: 0, max: 0, label: "0 salarié" },
  { code: "01", min: 1, max: 2, label: "1 ou 2 salariés" },
  { code: "02", min: 3, max: 5, label: "3 à 5 salariés" },
  { code: "03", min: 6, max: 9, label: "6 à 9 salariés" },
  { code: "11", min: 10, max: 19, label: "10 à 19 salariés" },
  { code: "12", min: 20, max: 49, label: "20 à 49 salariés" },
  { code: "21", min: 50, max: 99, label: "50 à 99 salariés" },
  { code: "22", min: 100, max: 199, label: "100 à 199 salariés" },
  { code: "31", min: 200, max: 249, label: "200 à 249 salariés" },
  { code: "32", min: 250, max: 499, label: "250 à 499 salariés" },
  { code: "41", min: 500, max: 999, label: "500 à 999 salariés" },
  { code: "42", min: 1000, max: 1999, label: "1 000 à 1 999 salariés" },
  { code: "51", min: 2000, max: 4999, label: "2 000 à 4 999 salariés" },
  { code: "52", min: 5000, max: 9999, label: "5 000 à 9 999 salariés" },
  { code: "53", min: 10000, max: null, label: "10 000 salariés et plus" },
] as const satisfies readonly { code: string; min: number; max: number | null; label: string }[];

export type HeadcountCode = (typeof HEADCOUNT_BRACKETS)[number]["code"];
export const HEADCOUNT_CODES = HEADCOUNT_BRACKETS.map((b) => b.code) as unknown as readonly [HeadcountCode, ...HeadcountCode[]];

const BY_CODE = new Map<string, HeadcountBracket>(HEADCOUNT_BRACKETS.map((b) => [b.code, b]));

/** Null for a missing or unknown code (the API and the stock file both leave it empty at times). */
export function headcountBracket(code: string | null | undefined): HeadcountBracket | null {
  if (code == null) return null;
  return BY_CODE.get(code.trim().toUpperCase()) ?? null;
}

/**
 * A single representative headcount for ranking (geometric-ish middle of the bracket). Used only to
 * compare companies with each other, never shown to users.
 */
export function representativeHeadcount(code: string | null | undefined): number | null {
  const b = headcountBracket(code);
  if (!b) return null;
  if (b.max === null) return 15000;
  if (b.max === 0) return 0;
  return (b.min + b.max) / 2;
}

/** True when the bracket guarantees more than `n` employees (e.g. the "> 100 employees" scoring rule). */
export function headcountAbove(code: string | null | undefined, n: number): boolean {
  const b = headcountBracket(code);
  return b !== null && b.min > n;
}
