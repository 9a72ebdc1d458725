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
