import { abortableSleep, type RateLimiter } from "./rate-limiter";
import { ProviderError, type ProviderId } from "./types";

/**
 * One GET with the policy every HTTP provider shares: rate limiter before each attempt, a per-attempt
 * timeout, 429 retried after Retry-After a bounded number of times, and every failure turned into a
 * typed ProviderError. Uses only fetch/AbortController/setTimeout, so it runs in Workers and Node.
 */

export interface HttpPolicy {
  provider: ProviderId;
  limiter?: RateLimiter;
  timeoutMs: number;
  /** Extra attempts after a 429 (0 = fail on the first 429). */
  maxRetries: number;
  /** Longest Retry-After we wait for in-process; beyond it we fail fast and let the caller's queue wait. */
  maxRetryWaitMs: number;
  /** Used when a 429 has no usable Retry-After. */
  defaultRetryAfterMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export interface HttpJsonResponse {
  status: number;
  /** Parsed JSON body; undefined for 404 with a non-JSON body. */
  body: unknown;
}

/** Retry-After is either delta-seconds or an HTTP date. Returns milliseconds, or null if unusable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value == null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

class TimeoutMarker extends Error {}

async function attempt(url: string, headers: Record<string, string>, policy: HttpPolicy, signal: AbortSignal | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new TimeoutMarker());
  }, policy.timeoutMs);
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const res = await (policy.fetch ?? fetch)(url, { method: "GET", headers, signal: controller.signal });
    // The body is read under the same timeout: a server can stall mid-body too.
    const text = await res.text();
    return { res, text };
  } catch (error) {
    if (timedOut) {
      throw new ProviderError("timeout", policy.provider, `no answer within ${policy.timeoutMs} ms`, { cause: error });
    }
    if (signal?.aborted) throw signal.reason;
    throw new ProviderError("unavailable", policy.provider, `network error: ${(error as Error)?.message ?? error}`, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

export async function getJson(url: string, headers: Record<string, string>, policy: HttpPolicy, signal?: AbortSignal): Promise<HttpJsonResponse> {
  const sleep = policy.sleep ?? abortableSleep;
  const now = policy.now ?? (() => Date.now());
  for (let retries = 0; ; retries++) {
    await policy.limiter?.acquire(signal);
    const { res, text } = await attempt(url, headers, policy, signal);

    if (res.status === 429) {
      const waitMs = parseRetryAfter(res.headers.get("retry-after"), now()) ?? policy.defaultRetryAfterMs ?? 1000;
      if (retries < policy.maxRetries && waitMs <= policy.maxRetryWaitMs) {
        await sleep(waitMs, signal);
        continue;
      }
      throw new ProviderError("rate_limited", policy.provider, `rate limited (429) after ${retries} retr${retries === 1 ? "y" : "ies"}`, {
        status: 429,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      });
    }
    if (res.status >= 500) {
      throw new ProviderError("unavailable", policy.provider, `server error ${res.status}`, { status: res.status });
    }
    if (res.status === 401 || res.status === 403) {
      throw new ProviderError("unauthorized", policy.provider, `refused with ${res.status}: check the API key`, { status: res.status });
    }

    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch (error) {
      if (res.status === 404) return { status: 404, body: undefined };
      throw new ProviderError("invalid_response", policy.provider, `answer ${res.status} is not JSON`, { status: res.status, cause: error });
    }
    if (res.status === 404) return { status: 404, body };
    if (res.status >= 400) {
      const detail = typeof body === "object" && body ? JSON.stringify(body).slice(0, 200) : "";
      throw new ProviderError("bad_request", policy.provider, `refused with ${res.status} ${detail}`.trim(), { status: res.status });
    }
    return { status: res.status, body };
  }
}
