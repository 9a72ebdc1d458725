/**
 * Whole e-mail addresses in free text. A plain substring search would find "n@acme.fr" inside
 * "jean@acme.fr" (and erase Jean's data when Nathalie asks): an address counts only when no local-part
 * character stands before it and no domain character (or ".label") follows it.
 */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches `email` or its URL-encoded form as a whole address, case-insensitively (global). */
export function wholeEmailPattern(email: string): RegExp {
  const e = email.trim().toLowerCase();
  const forms = [...new Set([e, encodeURIComponent(e).toLowerCase()])].map(escapeRegExp).join("|");
  return new RegExp(`(?<![a-z0-9._%+\\-])(?:${forms})(?![a-z0-9_\\-]|\\.[a-z0-9])`, "gi");
}

/** True when `text` quotes `email` (or its URL-encoded form) as a whole address. */
export function mentionsWholeEmail(text: string | null | undefined, pattern: RegExp): boolean {
  if (!text) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}
