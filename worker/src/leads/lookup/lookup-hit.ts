/** What a look-up found: a lead id (not yet resolved through merges), and how — or why nothing was found. */
export interface LookupHit {
  leadId: string | null;
  matchedBy: string;
}

export const found = (leadId: string, matchedBy: string): LookupHit => ({ leadId, matchedBy });
export const notFound = (why: string): LookupHit => ({ leadId: null, matchedBy: why });

/** Escapes LIKE wildcards in a value that is matched as a substring (slugs often hold "_"). */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * D1 refuses a LIKE pattern longer than 50 bytes ("LIKE or GLOB pattern too complex": a 500 for a long LinkedIn
 * slug). LIKE only narrows candidates that callers then compare exactly, so a needle too long is cut to its first
 * (or last) characters: the pattern finds a superset, never fewer rows. Escapes are kept whole.
 */
export const MAX_LIKE_PATTERN_BYTES = 50;

/** `%value%`, escaped, at most MAX_LIKE_PATTERN_BYTES. */
export function likeContains(value: string): string {
  return `%${boundedNeedle(value, MAX_LIKE_PATTERN_BYTES - 2, "start")}%`;
}

/** `%value` (ends with), escaped, at most MAX_LIKE_PATTERN_BYTES: keeps the end of the value. */
export function likeEndsWith(value: string): string {
  return `%${boundedNeedle(value, MAX_LIKE_PATTERN_BYTES - 1, "end")}`;
}

function boundedNeedle(value: string, maxBytes: number, keep: "start" | "end"): string {
  const units = [...value].map((ch) => likeEscape(ch));
  if (keep === "end") units.reverse();
  const out: string[] = [];
  let bytes = 0;
  for (const unit of units) {
    const size = new TextEncoder().encode(unit).length;
    if (bytes + size > maxBytes) break;
    out.push(unit);
    bytes += size;
  }
  if (keep === "end") out.reverse();
  return out.join("");
}
