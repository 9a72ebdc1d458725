import type { Firmographics } from "../firmographics/record";
import { compactIdentifier, isValidSiren, isValidSiret } from "../firmographics/siren";
import { firmographicsFromSireneUnit, nameLookupFor, type SireneUnitStore } from "./sirene-unit-store";
import { ProviderError, type FirmographicsProvider, type SearchResult } from "./types";

/**
 * Firmographics from the local copy of the SIRENE stock (no network, no quota, no finances or address).
 * Name search is by normalised key (exact, core words, or key + more words), not full text: a typo in the
 * organisation name finds nothing here, where the government API would still find it.
 */
export function createSireneLocalProvider(options: { store: SireneUnitStore; maxPerPage?: number }): FirmographicsProvider {
  const { store } = options;
  const maxPerPage = options.maxPerPage ?? 100;

  async function bySiren(siren: string): Promise<Firmographics | null> {
    if (!isValidSiren(siren)) return null;
    try {
      const row = await store.bySiren(siren);
      return row ? firmographicsFromSireneUnit(row) : null;
    } catch (error) {
      throw new ProviderError("unavailable", "sirene-local", `local store failed: ${(error as Error).message}`, { cause: error });
    }
  }

  return {
    id: "sirene-local",
    bySiren: (siren) => bySiren(compactIdentifier(siren.trim())),
    async search(query): Promise<SearchResult> {
      const compact = compactIdentifier(query.q.trim());
      if (/^\d{9}$/.test(compact) || /^\d{14}$/.test(compact)) {
        const valid = compact.length === 9 || isValidSiret(compact);
        const found = valid ? await bySiren(compact.slice(0, 9)) : null;
        return { candidates: found ? [found] : [], totalResults: found ? 1 : 0, page: 1, perPage: 1 };
      }
      const perPage = Math.min(maxPerPage, Math.max(1, Math.floor(query.perPage ?? 10)));
      const page = Math.max(1, Math.floor(query.page ?? 1));
      let found;
      try {
        found = await store.searchByName(nameLookupFor(query.q), perPage, (page - 1) * perPage);
      } catch (error) {
        throw new ProviderError("unavailable", "sirene-local", `local store failed: ${(error as Error).message}`, { cause: error });
      }
      // Filters are not applied: the stock has no addresses, and the import keeps active units only by default.
      return { candidates: found.rows.map(firmographicsFromSireneUnit), totalResults: found.total, page, perPage };
    },
  };
}
