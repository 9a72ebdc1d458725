import type { Context, MiddlewareHandler } from "hono";
import type { DropReason } from "@sillage/shared/drop-reasons";
import type { Env } from "../env";
import type { CollectEnvelope } from "../ingest/envelope";
import { countDrop } from "../ingest/drops";
import type { AppEnv } from "./app-factory";
import { ApiError } from "./errors";

/**
 * Rate limits. In production (and in `wrangler dev`, miniflare supports it) each limit is a Cloudflare Rate
 * Limiting binding: counters per Cloudflare location, approximate, with a 10 or 60 s period. When a binding is
 * not configured, a token bucket per isolate stands in: weaker (an attacker spread over isolates gets more),
 * but never unlimited.
 *
 * Limits, per key:
 * - API_LIMITER: per API key, on /api/v1 (after the key check, so unknown keys are refused before counting);
 * - COLLECT_LIMITER: per site public key, on /collect and /p.gif. The collector still answers 204 / GIF (a
 *   tracker must never see an error) and counts the excess as the drop reason "rate_limited";
 * - OPT_OUT_LIMITER: per client IP, on the public opt-out endpoints (each accepted request writes a row).
 */
export interface RateLimitBindings {
  API_LIMITER?: RateLimit;
  COLLECT_LIMITER?: RateLimit;
  OPT_OUT_LIMITER?: RateLimit;
}
export type LimiterName = keyof RateLimitBindings;

export interface LimitConfig {
  limit: number;
  /** The binding accepts 10 or 60 only. */
  periodSeconds: 10 | 60;
}

/** Must match wrangler.toml ([[ratelimits]]); the fallback buckets use them too. */
export const LIMITS: Record<LimiterName, LimitConfig> = {
  API_LIMITER: { limit: 600, periodSeconds: 60 },
  // About 100 hits per second per site per Cloudflare location: far above a real site, low enough to stop a
  // replayed site key from flooding the queue and D1.
  COLLECT_LIMITER: { limit: 6000, periodSeconds: 60 },
  OPT_OUT_LIMITER: { limit: 30, periodSeconds: 60 },
};

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface Limiter {
  limit(key: string): Promise<LimitDecision>;
}

/**
 * The Cloudflare binding says only yes or no. Its window is at most one period long, so waiting a whole period
 * is always enough: that is the Retry-After we give. A binding failure lets the request through: losing the
 * limit for a moment is better than refusing every customer.
 */
export function bindingLimiter(binding: RateLimit, config: LimitConfig): Limiter {
  return {
    async limit(key) {
      try {
        const { success } = await binding.limit({ key });
        return success ? { ok: true } : { ok: false, retryAfterSeconds: config.periodSeconds };
      } catch (err) {
        console.error("rate limit binding failed; letting the request through", err);
        return { ok: true };
      }
    },
  };
}

/**
 * A token bucket per key: `limit` tokens, refilled continuously over `periodSeconds`. Memory is bounded: past
 * MAX_KEYS keys, full buckets (keys idle for a whole period) are forgotten, and if that is not enough, all.
 */
export function tokenBucketLimiter(config: LimitConfig, clock: () => number = Date.now): Limiter {
  const MAX_KEYS = 10_000;
  const perMs = config.limit / (config.periodSeconds * 1000);
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, now: number) => {
    b.tokens = Math.min(config.limit, b.tokens + (now - b.at) * perMs);
    b.at = now;
  };
  return {
    async limit(key) {
      const now = clock();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_KEYS) {
          for (const [k, b] of buckets) {
            refill(b, now);
            if (b.tokens >= config.limit) buckets.delete(k);
          }
          if (buckets.size >= MAX_KEYS) buckets.clear();
        }
        bucket = { tokens: config.limit, at: now };
        buckets.set(key, bucket);
      }
      refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}

// Fallback buckets live as long as the isolate, one per limiter name.
const fallbacks = new Map<LimiterName, Limiter>();

/** The limiter for `name`: the binding when wrangler.toml declares it, otherwise this isolate's bucket. */
export function limiterFor(env: Env, name: LimiterName): Limiter {
  const binding = (env as Env & RateLimitBindings)[name];
  if (binding) return bindingLimiter(binding, LIMITS[name]);
  let fallback = fallbacks.get(name);
  if (!fallback) fallbacks.set(name, (fallback = tokenBucketLimiter(LIMITS[name])));
  return fallback;
}

export interface RateLimitOptions {
  /** What is being limited, for the error message ("this API key"). */
  what: string;
  limit: LimitConfig;
  key: (c: Context<AppEnv>) => string;
  limiter: (c: Context<AppEnv>) => Limiter;
}

/** 429 `rate_limited` with Retry-After (seconds) and our JSON error body once `key` is over its limit. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = await options.limiter(c).limit(options.key(c));
    if (!decision.ok) {
      const { limit, periodSeconds } = options.limit;
      throw new ApiError(
        "rate_limited",
        `Too many requests for ${options.what}: at most ${limit} every ${periodSeconds} seconds. Retry in ${decision.retryAfterSeconds} s.`,
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
    await next();
  };
}

/** Per API key (a console session counts as its key), for /api/v1: mount after requireAuth (it needs `auth`). */
export const rateLimitByKey = rateLimit({
  what: "this API key",
  limit: LIMITS.API_LIMITER,
  key: (c) => c.get("auth").keyId,
  limiter: (c) => limiterFor(c.env, "API_LIMITER"),
});

/** The client's IP as Cloudflare gives it; requests without one share a bucket. */
export const clientIpKey = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "unknown";

// ---------------------------------------------------------------------------------------------------------------
// Collector

const RATE_LIMITED: DropReason = "rate_limited";

/** The site key a captured request claims (unvalidated: it only picks a bucket); "" when none is readable. */
export function claimedSiteKey(envelope: CollectEnvelope): string {
  let key: unknown = envelope.query?.site;
  if (key === undefined && envelope.body) {
    try {
      key = (JSON.parse(envelope.body) as { site?: unknown } | null)?.site;
    } catch {
      key = undefined;
    }
  }
  return typeof key === "string" && key.length <= 64 ? key : "";
}

/**
 * Drops over the limit are tallied in memory and written by at most one flush at a time per isolate: a flood
 * then costs one D1 upsert per site per flush, not one per request. A flush keeps draining what arrived while it
 * ran, inside the waitUntil of the request that started it; a failed write puts its counts back for the next one.
 * A flush older than STALE_FLUSH_MS is presumed cut short (its request's waitUntil ended) and no longer blocks.
 */
const pendingDrops = new Map<string, number>();
const STALE_FLUSH_MS = 30_000;
let flushStartedAt = 0;

async function drainDrops(db: D1Database): Promise<void> {
  while (pendingDrops.size > 0) {
    const batch = [...pendingDrops];
    pendingDrops.clear();
    try {
      await Promise.all(batch.map(([siteKey, n]) => countDrop(db, Date.now(), siteKey, RATE_LIMITED, n)));
    } catch (err) {
      for (const [siteKey, n] of batch) pendingDrops.set(siteKey, (pendingDrops.get(siteKey) ?? 0) + n);
      console.error("could not count rate-limited drops; kept for the next flush", err);
      return;
    }
  }
}

function tallyRateLimited(env: Env, ctx: ExecutionContext, siteKey: string) {
  pendingDrops.set(siteKey, (pendingDrops.get(siteKey) ?? 0) + 1);
  const now = Date.now();
  if (flushStartedAt && now - flushStartedAt < STALE_FLUSH_MS) return;
  flushStartedAt = now;
  ctx.waitUntil(
    drainDrops(env.DB).finally(() => {
      flushStartedAt = 0;
    }),
  );
}

/**
 * For the collector, before it enqueues a captured request: true when the request may go on; false when its
 * site is over the limit, in which case the request has been counted as dropped ("rate_limited") and the
 * collector answers 204 / GIF as usual without enqueueing it.
 */
export async function admitCollect(env: Env, ctx: ExecutionContext, envelope: CollectEnvelope): Promise<boolean> {
  const siteKey = claimedSiteKey(envelope);
  const decision = await limiterFor(env, "COLLECT_LIMITER").limit(siteKey);
  if (decision.ok) return true;
  tallyRateLimited(env, ctx, siteKey);
  return false;
}
