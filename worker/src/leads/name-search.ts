import { normalizeCompanyName } from "@sillage/shared/company-match/normalize-name";

/**
 * Name search in SQL without a stored normalised column: the lead's name is folded in SQL (case, accents,
 * punctuation and spaces removed), the query is normalised in TypeScript (normalizeCompanyName: legal forms and
 * connectors dropped), and every query word must appear in the folded name. "societe generale sa" then finds
 * "SOCIÉTÉ GÉNÉRALE", and "l'oréal" finds "L'OREAL". Pure.
 */

/** SQLite's lower() folds ASCII only: accented capitals are listed with their small letters. */
const ACCENTS: readonly [string, string][] = [
  ["àáâãäåÀÁÂÃÄÅ", "a"],
  ["çÇ", "c"],
  ["èéêëÈÉÊË", "e"],
  ["ìíîïÌÍÎÏ", "i"],
  ["ñÑ", "n"],
  ["òóôõöøÒÓÔÕÖØ", "o"],
  ["ùúûüÙÚÛÜ", "u"],
  ["ýÿÝŸ", "y"],
];
const LIGATURES: readonly [string, string][] = [
  ["œ", "oe"],
  ["Œ", "oe"],
  ["æ", "ae"],
  ["Æ", "ae"],
  ["ß", "ss"],
];
/** Removed so that "L'Oréal", "L OREAL" and "LOREAL" fold alike. */
const PUNCTUATION = [" ", "'", "’", "-", ".", ",", "&", "(", ")", "/", '"', "+", "_"];

/** The SQL expression folding `column` (a trusted column name, never user input). */
export function foldedNameSql(column: string): string {
  let expr = `lower(${column})`;
  for (const [chars, to] of ACCENTS) for (const ch of chars) expr = `replace(${expr}, '${ch}', '${to}')`;
  for (const [from, to] of LIGATURES) expr = `replace(${expr}, '${from}', '${to}')`;
  for (const ch of PUNCTUATION) expr = `replace(${expr}, '${ch.replace(/'/g, "''")}', '')`;
  return expr;
}

/** The same folding in TypeScript, for tests and for comparing in memory. */
export function foldName(name: string): string {
  let s = name.toLowerCase();
  for (const [chars, to] of ACCENTS) for (const ch of chars) s = s.split(ch.toLowerCase()).join(to);
  for (const [from, to] of LIGATURES) s = s.split(from.toLowerCase()).join(to);
  for (const ch of PUNCTUATION) s = s.split(ch).join("");
  return s;
}

const MAX_TOKENS = 6;

/**
 * The words a name query must find, longest first (the most selective). Words are lower-case ASCII letters and
 * digits only, so they are safe inside a LIKE pattern. Empty when the query has no letters or digits.
 */
export function nameSearchTokens(query: string): string[] {
  const tokens = normalizeCompanyName(query).tokens.filter((t) => /^[a-z0-9]+$/.test(t));
  return [...new Set(tokens)].sort((a, b) => b.length - a.length).slice(0, MAX_TOKENS);
}

/** `folded LIKE '%word%'` for each word, and the values to bind. */
export function nameSearchSql(column: string, tokens: readonly string[]): { sql: string; binds: string[] } {
  const folded = foldedNameSql(column);
  // D1 refuses LIKE patterns over 50 bytes; a word's first 48 letters still find the name (ASCII: 1 byte each).
  return { sql: tokens.map(() => `${folded} LIKE ?`).join(" AND "), binds: tokens.map((t) => `%${t.slice(0, 48)}%`) };
}
