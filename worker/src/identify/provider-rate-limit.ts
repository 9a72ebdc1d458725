import { abortableSleep, type RateLimiter } from "@sillage/shared/providers/rate-limiter";
import { ProviderError, type ProviderId } from "@sillage/shared/providers/types";
// Type-only: this file is also loaded by Node tools (npm run identify), where "cloudflare:workers" does not exist.
import type { ProviderRateLimiter, SlotAnswer } from "./provider-rate-limit-do";

/**
 * A RateLimiter whose slots come from the ProviderRateLimiter Durable Object, so the limit holds for the
 * whole deployment rather than per isolate, shared fairly between workspaces: `forTenant(workspaceId)` is the
 * limiter of one workspace. The object holds a caller until its slot (at most `maxWaitMs`), or hands out a
 * short wait that the caller sleeps.
 *
 * - Queue full (the next slot is more than `maxWaitMs` away): throws a retryable ProviderError
 *   `rate_limited` with a Retry-After, and the enrichment queue tries again later with backoff.
 * - Object unreachable, failing or slow: the per-isolate `fallback` bucket limits instead (enrichment never
 *   waits on the limiter being down), logged once per outage; the object is tried again after a pause.
 * - No binding (tests, Node tools): the fallback alone, silently.
 */

export type ProviderLimiterNamespace = DurableObjectNamespace<ProviderRateLimiter>;

export interface GlobalRateLimiterOptions {
  provider: ProviderId;
  namespace: ProviderLimiterNamespace | undefined;
  /** Durable Object instance name; default the provider id (one global queue per provider). */
  name?: string;
  ratePerSecond: number;
  /** Longest wait accepted before answering "busy". Default 5,000 ms, like the in-process Retry-After cap. */
  maxWaitMs?: number;
  /** Used while the object cannot be reached; keep one per isolate so it limits across calls. */
  fallback: RateLimiter;
  /** A call to the object slower than this beyond `maxWaitMs` (its longest hold) counts as a failure. Default 2,000 ms. */
  callTimeoutMs?: number;
  /** After a failure, how long to use the fallback before trying the object again. Default 30,000 ms. */
  retryObjectAfterMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  log?: (message: string, error: unknown) => void;
}

export interface TenantRateLimiter extends RateLimiter {
  /** The limiter of one tenant (workspace): its requests take their fair share of the slots. */
  forTenant(tenant: string): RateLimiter;
}

export function createGlobalRateLimiter(options: GlobalRateLimiterOptions): TenantRateLimiter {
  const { provider, namespace, fallback, ratePerSecond } = options;
  if (!(ratePerSecond > 0)) throw new RangeError("ratePerSecond must be positive");
  const name = options.name ?? provider;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const callTimeoutMs = options.callTimeoutMs ?? 2000;
  const retryObjectAfterMs = options.retryObjectAfterMs ?? 30_000;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? abortableSleep;
  const log = options.log ?? ((message, error) => console.warn(message, error));

  let unavailableUntil = 0;
  let outageLogged = false;

  /** The object's answer, or null when it cannot give one (then the fallback decides). */
  async function reserve(ns: ProviderLimiterNamespace, tenant: string | undefined, signal: AbortSignal | undefined): Promise<SlotAnswer | null> {
    if (now() < unavailableUntil) return null;
    try {
      const call = async (): Promise<SlotAnswer> => await ns.get(ns.idFromName(name)).acquire({ ratePerSecond, maxWaitMs, tenant });
      const answer = await withDeadline(call, maxWaitMs + callTimeoutMs, signal);
      outageLogged = false;
      return answer;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      unavailableUntil = now() + retryObjectAfterMs;
      if (!outageLogged) {
        outageLogged = true;
        log(`${provider}: global rate limiter unavailable, using the per-isolate limit for now`, error);
      }
      return null;
    }
  }

  async function acquire(tenant: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const answer = namespace ? await reserve(namespace, tenant, signal) : null;
    if (!answer) return fallback.acquire(signal);
    if (!answer.ok) {
      const seconds = Math.max(1, Math.ceil(answer.retryAfterMs / 1000));
      throw new ProviderError("rate_limited", provider, `global rate limit: requests already reserved for the next ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    }
    // An abort while waiting wastes the slot (giving it back would take another call): the safe side.
    if (answer.waitMs > 0) await sleep(answer.waitMs, signal);
  }

  return {
    acquire: (signal) => acquire(undefined, signal),
    forTenant: (tenant) => ({ acquire: (signal) => acquire(tenant, signal) }),
  };
}

/** `call()`, unless it takes longer than `ms` or the signal aborts first. */
async function withDeadline<T>(call: () => Promise<T>, ms: number, signal: AbortSignal | undefined): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    onAbort = () => reject(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([call(), stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
