/** Attempts before an enrichment is recorded as failed: with the backoff below, about six hours. */
export const MAX_ENRICH_ATTEMPTS = 10;

/** 30 s, 1 min, 2 min, … capped at one hour. */
export function enrichRetryDelaySeconds(attempt: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
  return Math.max(backoff, Math.ceil(retryAfterSeconds ?? 0));
}
