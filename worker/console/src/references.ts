/** The seeds' references (PRODUCT.md): lead → MQL 15–25 %, MQL → SQL about 13 % (read as 11–15 %). */
export const REFERENCES = { leadToMql: [0.15, 0.25], mqlToSql: [0.11, 0.15] } as const;

export function compareToReference(rate: number | null, [low, high]: readonly [number, number]): "na" | "below" | "inRange" | "above" {
  if (rate === null) return "na";
  return rate < low ? "below" : rate > high ? "above" : "inRange";
}
