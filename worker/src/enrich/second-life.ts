/**
 * A failed enrichment's second life. Failing after ~6 h of retries means a provider outage (or one workspace
 * spending the budget) outlasted the queue's backoff, not that the hit cannot be enriched: such a hit is queued
 * again by the cron job once the provider answers, a bounded number of times, while it is recent enough to matter.
 * Until then its raw IP is kept (it is needed to identify it); it is erased when the hit is finally given up.
 */

/** Second lives at most, each a full round of queue retries. */
export const MAX_REVIVALS = 3;
/** Older hits are given up: a visit that old no longer makes a timely lead. */
export const REVIVAL_MAX_AGE_MS = 7 * 86_400_000;
/** Wait before the first second life; doubles each time (6 h, 12 h, 24 h). */
export const REVIVAL_DELAY_MS = 6 * 3_600_000;

/**
 * SQL (over a `hits` row) for when a hit failing now may live again, or NULL: only a retryable failure
 * (`?retryable`), while revivals and age allow. Parameters: ?1 retryable (0/1), ?2 now.
 */
export const SECOND_LIFE_AT_SQL = `CASE WHEN ?1 AND enrichment_revivals < ${MAX_REVIVALS} AND received_at > ?2 - ${REVIVAL_MAX_AGE_MS}
  THEN ?2 + ${REVIVAL_DELAY_MS} * (1 << enrichment_revivals) ELSE NULL END`;
