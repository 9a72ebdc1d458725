/**
 * Token bucket shared by every request of one provider instance. Requests reserve a slot in order:
 * when the bucket is empty the token count goes negative and each caller sleeps until its own slot,
 * so concurrent callers are spaced evenly instead of retrying in a burst.
 *
 * Per isolate only: several Workers isolates each get their own bucket. The worker makes the limit global
 * with a Durable Object behind this same interface (worker/src/identify/provider-rate-limit.ts) and keeps
 * a bucket as its fallback; the provider's 429 handling covers the remainder.
 */

export interface RateLimiter {
  /**
   * Resolves when the caller may send one request; rejects with the signal's reason if aborted first. A
   * limiter whose queue is full may reject with a retryable ProviderError "rate_limited" (with a Retry-After)
   * instead of making the caller wait longer.
   */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  /**
   * Tokens that can accumulate while idle. 1 (the default) spaces requests evenly, which keeps any
   * one-second window at or under `ratePerSecond` + 1; a larger burst lets that many go at once.
   */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createTokenBucket(options: TokenBucketOptions): RateLimiter & { tryAcquire(): boolean } {
  const rate = options.ratePerSecond;
  if (!(rate > 0)) throw new RangeError("ratePerSecond must be positive");
  const burst = Math.max(1, options.burst ?? 1);
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? abortableSleep;

  let tokens = burst;
  let last = now();

  function refill() {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) * rate) / 1000);
    last = t;
  }

  return {
    tryAcquire() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    async acquire(signal) {
      if (signal?.aborted) throw signal.reason;
      refill();
      tokens -= 1;
      if (tokens >= 0) return;
      const waitMs = (-tokens * 1000) / rate;
      try {
        await sleep(waitMs, signal);
      } catch (error) {
        tokens += 1; // give the reserved slot back
        throw error;
      }
    },
  };
}
