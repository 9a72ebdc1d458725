import { normalizeCompanyName } from "@sillage/shared/company-match/normalize-name";
import { nameSearchSql, nameSearchTokens } from "../name-search";
import { found, notFound, type LookupHit } from "./lookup-hit";

const CANDIDATES = 50;

/**
 * Picks the one lead named like `name`, ignoring case, accents and legal forms; then, failing that, ignoring
 * generic words too ("Groupe", "France", "Holding"). Two leads of the same name are ambiguous: nothing is picked
 * rather than the wrong company. Pure.
 */
export function pickByName(name: string, candidates: readonly { id: string; name: string }[]): LookupHit {
  const wanted = normalizeCompanyName(name);
  const named = candidates.map((c) => ({ id: c.id, n: normalizeCompanyName(c.name) }));
  for (const [level, label] of [
    ["full", "name"],
    ["core", "name without generic words"],
  ] as const) {
    const ids = [...new Set(named.filter((c) => c.n[level] === wanted[level]).map((c) => c.id))];
    if (ids.length === 1) return found(ids[0]!, label);
    if (ids.length > 1) return notFound(`ambiguous name: ${ids.length} leads are named "${wanted[level]}"`);
  }
  return notFound(`no lead is named "${wanted.full}"`);
}

/** Company name → lead, when exactly one lead of the workspace carries it. */
export async function lookupByName(db: D1Database, workspaceId: string, name: string): Promise<LookupHit> {
  const tokens = nameSearchTokens(name);
  if (tokens.length === 0) return notFound("the name has no letters or digits");
  const search = nameSearchSql("name", tokens);
  const { results } = await db
    .prepare(`SELECT id, name FROM leads WHERE workspace_id = ? AND merged_into IS NULL AND ${search.sql} LIMIT ${CANDIDATES}`)
    .bind(workspaceId, ...search.binds)
    .all<{ id: string; name: string }>();
  return pickByName(name, results);
}
