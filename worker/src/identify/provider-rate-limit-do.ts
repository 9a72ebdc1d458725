import { DurableObject } from "cloudflare:workers";

/**
 * One instance per provider name (`idFromName("recherche-entreprises")`) hands out request slots for the
 * whole deployment, so every isolate together stays under the provider's published rate. The adapter that
 * callers use is in provider-rate-limit.ts.
 *
 * The object never sleeps: it reserves the next slot and answers how long the caller must wait, so it is
 * busy for microseconds per request (DO duration is billed by wall-clock time).
 *
 * The next free slot lives in memory only. Persisting it would cost one storage write per request (the free
 * plan allows 100,000 rows written a day; 7/s is 600,000); losing it on a restart lets at most `maxWaitMs`
 * of already-reserved requests overlap with new ones, which the provider's 429 + Retry-After handling absorbs.
 */

export interface SlotRequest {
  /** Slots per second for this provider; they are spaced evenly (no burst). */
  ratePerSecond: number;
  /** Longest wait handed out: beyond it the queue of reservations is full and the caller is told to come back. */
  maxWaitMs: number;
}

export type SlotAnswer =
  /** A slot is reserved: send after `waitMs`. */
  | { ok: true; waitMs: number }
  /** Nothing reserved: the reservations already reach `retryAfterMs` ahead. */
  | { ok: false; retryAfterMs: number };

export class ProviderRateLimiter extends DurableObject {
  /** Epoch ms of the first slot not yet handed out. */
  private nextFreeAt = 0;

  acquire(request: SlotRequest): SlotAnswer {
    const { ratePerSecond, maxWaitMs } = request;
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond) || !(maxWaitMs >= 0)) {
      throw new RangeError(`invalid slot request ${JSON.stringify(request)}`);
    }
    // Synchronous on purpose: no await, so concurrent calls cannot interleave between read and write.
    const now = Date.now();
    const slot = Math.max(now, this.nextFreeAt);
    const waitMs = slot - now;
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs };
    this.nextFreeAt = slot + 1000 / ratePerSecond;
    return { ok: true, waitMs };
  }
}
