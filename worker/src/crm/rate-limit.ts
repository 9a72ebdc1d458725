/**
 * How long to wait after a CRM answered 429 or 5xx, from what it says. Pure.
 * - `Retry-After` (seconds or an HTTP date), sent by both CRMs on 429;
 * - HubSpot: `X-HubSpot-RateLimit-Remaining: 0` means the rolling window (`X-HubSpot-RateLimit-Interval-Milliseconds`,
 *   10 s for private apps) is spent;
 * - Pipedrive: `x-ratelimit-remaining: 0` with `x-ratelimit-reset`, seconds until the window resets;
 * - otherwise exponential backoff from 1 s, with jitter.
 */
export function retryDelayMs(status: number, headers: Headers, attempt: number, now = Date.now(), random: () => number = Math.random): number {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  if (status === 429) {
    if (headers.get("x-hubspot-ratelimit-remaining") === "0") {
      const interval = Number(headers.get("x-hubspot-ratelimit-interval-milliseconds"));
      if (Number.isFinite(interval) && interval > 0) return interval;
    }
    const reset = Number(headers.get("x-ratelimit-reset"));
    if (headers.get("x-ratelimit-remaining") === "0" && Number.isFinite(reset) && reset >= 0) return Math.round(reset * 1000);
  }
  const base = 1000 * 2 ** Math.max(0, Math.min(attempt - 1, 8));
  return Math.round(base * (1 + 0.2 * random()));
}

/** Which rate-limit headers explained the wait, for the sync log. */
export function rateLimitHint(headers: Headers): string {
  const names = ["retry-after", "x-hubspot-ratelimit-remaining", "x-hubspot-ratelimit-interval-milliseconds", "x-ratelimit-remaining", "x-ratelimit-reset"];
  return names
    .filter((n) => headers.has(n))
    .map((n) => `${n}: ${headers.get(n)}`)
    .join(", ");
}
