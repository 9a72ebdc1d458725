/**
 * INSEE headcount brackets (`tranche_effectif_salarie`). Companies only report a bracket, so a rule like
 * "> 100 employees" is answered by the bracket as a whole: it matches when every company in the bracket
 * satisfies it (bracket minimum ≥ 100, i.e. 22 and above). NN (no data) never satisfies a bound.
 */
export const HEADCOUNT_CODES = ["NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41", "42", "51", "52", "53"] as const;
export type HeadcountCode = (typeof HEADCOUNT_CODES)[number];

/** [min, max] employees; max null = no upper bound. Order of the list = order of the brackets. */
export const HEADCOUNT_BRACKETS: Readonly<Record<Exclude<HeadcountCode, "NN">, readonly [number, number | null]>> = {
  "00": [0, 0],
  "01": [1, 2],
  "02": [3, 5],
  "03": [6, 9],
  "11": [10, 19],
  "12": [20, 49],
  "21": [50, 99],
  "22": [100, 199],
  "31": [200, 249],
  "32": [250, 499],
  "41": [500, 999],
  "42": [1000, 1999],
  "51": [2000, 4999],
  "52": [5000, 9999],
  "53": [10000, null],
};

/** A bound is a number of employees or a bracket code (compared by bracket order). */
export type HeadcountBound = number | Exclude<HeadcountCode, "NN">;

export interface HeadcountRange {
  gte?: HeadcountBound;
  lte?: HeadcountBound;
}

export function isHeadcountCode(value: unknown): value is HeadcountCode {
  return typeof value === "string" && (HEADCOUNT_CODES as readonly string[]).includes(value);
}

function rank(code: Exclude<HeadcountCode, "NN">): number {
  return HEADCOUNT_CODES.indexOf(code);
}

export function headcountMatches(code: HeadcountCode | undefined | null, range: HeadcountRange): boolean {
  if (!code || code === "NN" || !isHeadcountCode(code)) return false;
  const [min, max] = HEADCOUNT_BRACKETS[code];
  if (range.gte !== undefined) {
    const ok = typeof range.gte === "number" ? min >= range.gte : rank(code) >= rank(range.gte);
    if (!ok) return false;
  }
  if (range.lte !== undefined) {
    const ok = typeof range.lte === "number" ? max !== null && max <= range.lte : rank(code) <= rank(range.lte);
    if (!ok) return false;
  }
  return true;
}
