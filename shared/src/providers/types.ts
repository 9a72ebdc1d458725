import type { Establishment } from "../firmographics/establishment";
import type { Firmographics } from "../firmographics/record";

export type ProviderId = "recherche-entreprises" | "sirene-local" | "pappers";

export interface SearchFilters {
  /** Département code of one of the unit's establishments ("75", "2A", "974"). */
  departement?: string;
  postalCode?: string;
  /** "A" active only, "C" ceased only. */
  state?: "A" | "C";
}

export interface SearchQuery {
  /** Free text, or exactly 9 / 14 digits for a SIREN / SIRET lookup. */
  q: string;
  /** Results per page; providers clamp to their maximum (25 for the government API). */
  perPage?: number;
  page?: number;
  filters?: SearchFilters;
  signal?: AbortSignal;
}

export interface SearchResult {
  candidates: Firmographics[];
  /** Total matches the provider reports, beyond this page: the matcher uses it to estimate unseen namesakes. */
  totalResults: number;
  page: number;
  perPage: number;
}

/** A source of French firmographics. Implementations throw ProviderError for every failure. */
export interface FirmographicsProvider {
  readonly id: ProviderId;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Null when no unit has this SIREN (or the SIREN is not valid). */
  bySiren(siren: string, options?: { signal?: AbortSignal }): Promise<Firmographics | null>;
  /**
   * The unit's establishments in a département (its head office always included), for providers that list them;
   * empty when the SIREN is unknown.
   */
  establishments?(siren: string, near: { departement?: string | null }, options?: { signal?: AbortSignal }): Promise<Establishment[]>;
}

export type ProviderErrorCode =
  /** 429 after the allowed retries: retry after `retryAfterSeconds`. */
  | "rate_limited"
  /** No answer within the per-request timeout. */
  | "timeout"
  /** 5xx, or the network failed. */
  | "unavailable"
  /** The provider refused the request (4xx other than 401/403/404/429): a bug on our side, do not retry. */
  | "bad_request"
  /** Missing or wrong API key. */
  | "unauthorized"
  /** The answer was not the JSON shape we expect. */
  | "invalid_response";

const RETRYABLE: ReadonlySet<ProviderErrorCode> = new Set(["rate_limited", "timeout", "unavailable"]);

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly code: ProviderErrorCode;
  readonly provider: ProviderId;
  readonly status: number | undefined;
  /** For rate_limited: seconds to wait before the next attempt (what a queue's retry delay needs). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ProviderErrorCode, provider: ProviderId, message: string, options: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.provider = provider;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Whether trying again later can succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
