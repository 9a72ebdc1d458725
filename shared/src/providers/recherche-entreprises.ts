import { establishmentsFromRechercheEntreprises } from "../firmographics/establishment";
import { firmographicsFromRechercheEntreprises, rechercheEntreprisesResponseSchema } from "../firmographics/from-recherche-entreprises";
import type { Firmographics } from "../firmographics/record";
import { compactIdentifier, isValidSiren } from "../firmographics/siren";
import { getJson, type HttpPolicy } from "./http-json";
import { createTokenBucket, type RateLimiter } from "./rate-limiter";
import { ProviderError, type FirmographicsProvider, type SearchQuery, type SearchResult } from "./types";

/**
 * The French government's free API Recherche d'entreprises (no key). Limits: 7 requests/s per IP,
 * HTTP 429 with Retry-After beyond; `per_page` ≤ 25; a `q` of exactly 9 or 14 digits is a direct
 * SIREN / SIRET lookup.
 */

export const RECHERCHE_ENTREPRISES_URL = "https://recherche-entreprises.api.gouv.fr";
export const RECHERCHE_ENTREPRISES_MAX_PER_PAGE = 25;

export interface RechercheEntreprisesOptions {
  /** Default RECHERCHE_ENTREPRISES_URL; tests point it at a local fake. */
  baseUrl?: string;
  /** Identifies us to the API operators (they ask for a contact in case of abuse). */
  userAgent?: string;
  /** Default 7 (the published per-IP limit). Ignored when `limiter` is given. */
  ratePerSecond?: number;
  /** Share one limiter between several provider instances. */
  limiter?: RateLimiter;
  /** Per attempt. Default 8,000 ms. */
  timeoutMs?: number;
  /** 429 retries before giving up with "rate_limited". Default 2. */
  maxRetries?: number;
  /** Longest Retry-After honoured in-process. Default 5,000 ms; longer ones go back to the caller's queue. */
  maxRetryWaitMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_USER_AGENT = "Sillage/0.1 (firmographics enrichment; +https://github.com/sillage)";

const DIGITS = /^(\d{9}|\d{14})$/;

export function createRechercheEntreprisesProvider(options: RechercheEntreprisesOptions = {}): FirmographicsProvider {
  const baseUrl = (options.baseUrl ?? RECHERCHE_ENTREPRISES_URL).replace(/\/+$/, "");
  const policy: HttpPolicy = {
    provider: "recherche-entreprises",
    limiter: options.limiter ?? createTokenBucket({ ratePerSecond: options.ratePerSecond ?? 7 }),
    timeoutMs: options.timeoutMs ?? 8000,
    maxRetries: options.maxRetries ?? 2,
    maxRetryWaitMs: options.maxRetryWaitMs ?? 5000,
    fetch: options.fetch,
  };
  const headers = { accept: "application/json", "user-agent": options.userAgent ?? DEFAULT_USER_AGENT };

  /** One page of raw results (the API's own shape), checked only as an envelope. */
  async function rawSearch(params: URLSearchParams, signal: AbortSignal | undefined) {
    const { status, body } = await getJson(`${baseUrl}/search?${params}`, headers, policy, signal);
    if (status === 404) throw new ProviderError("invalid_response", "recherche-entreprises", "search endpoint not found (check baseUrl)", { status });
    const envelope = rechercheEntreprisesResponseSchema.safeParse(body);
    if (!envelope.success) {
      throw new ProviderError("invalid_response", "recherche-entreprises", `unexpected answer: ${envelope.error.issues[0]?.message ?? "shape"}`);
    }
    return envelope.data;
  }

  async function search(query: SearchQuery): Promise<SearchResult> {
    const trimmed = query.q.trim();
    const compact = compactIdentifier(trimmed);
    const isLookup = DIGITS.test(compact);
    const q = isLookup ? compact : trimmed;
    if (!q) throw new ProviderError("bad_request", "recherche-entreprises", "empty query");

    const perPage = Math.min(RECHERCHE_ENTREPRISES_MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage ?? 10)));
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const params = new URLSearchParams({ q, per_page: String(perPage), page: String(page) });
    if (query.filters?.departement) params.set("departement", query.filters.departement);
    if (query.filters?.postalCode) params.set("code_postal", query.filters.postalCode);
    if (query.filters?.state) params.set("etat_administratif", query.filters.state);

    const data = await rawSearch(params, query.signal);
    let candidates = data.results.map(firmographicsFromRechercheEntreprises).filter((c): c is Firmographics => c !== null);
    if (isLookup) {
      // A lookup must return that unit, never a full-text neighbour.
      candidates = candidates.filter((c) => c.siren === compact.slice(0, 9));
    }
    return {
      candidates,
      totalResults: isLookup ? candidates.length : data.total_results,
      page: data.page,
      perPage: data.per_page,
    };
  }

  return {
    id: "recherche-entreprises",
    search,
    async bySiren(siren, opts) {
      const compact = compactIdentifier(siren.trim());
      // An invalid SIREN cannot exist: do not spend a request (and quota) on it.
      if (!isValidSiren(compact)) return null;
      const result = await search({ q: compact, perPage: 1, signal: opts?.signal });
      return result.candidates[0] ?? null;
    },
    async establishments(siren, near, opts) {
      const compact = compactIdentifier(siren.trim());
      if (!isValidSiren(compact)) return [];
      // A SIREN search filtered by département lists the unit's establishments there as `matching_etablissements`.
      const params = new URLSearchParams({ q: compact, per_page: "1", page: "1" });
      if (near.departement) params.set("departement", near.departement);
      const data = await rawSearch(params, opts?.signal);
      const unit = data.results.find((r) => (r as { siren?: unknown }).siren === compact);
      return unit ? establishmentsFromRechercheEntreprises(unit) : [];
    },
  };
}
