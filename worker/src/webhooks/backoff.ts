/**
 * Delivery schedule: a receiver that is down for a deploy or a short outage gets the event minutes later; one
 * that is down all night still gets it the next morning. Eight attempts over about 7 h 45 min.
 */
export const RETRY_DELAYS_SECONDS = [30, 120, 600, 1800, 3600, 7200, 14400] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** Fully failed deliveries in a row (no success in between) after which an endpoint is disabled. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 5;

/** Queues refuse delays above 12 hours. */
const MAX_QUEUE_DELAY_SECONDS = 43_200;

/**
 * Seconds to wait after failed attempt number `attempt` (1-based). Up to +10 % jitter spreads the retries of
 * many deliveries that failed together (one endpoint down) so they do not all hit it again in the same second.
 * `scale` shortens the whole schedule in tests (0 = retry at once); it is 1 in production.
 */
export function retryDelaySeconds(attempt: number, scale = 1, random: () => number = Math.random): number {
  const base = RETRY_DELAYS_SECONDS[Math.min(Math.max(attempt, 1), RETRY_DELAYS_SECONDS.length) - 1]!;
  const jittered = base * (1 + 0.1 * random());
  return Math.min(MAX_QUEUE_DELAY_SECONDS, Math.round(jittered * scale));
}
