/**
 * Request slots of one rate-limited provider, shared fairly between tenants (workspaces): slots are spaced
 * evenly at `ratePerSecond`, and when callers queue, the next slot goes to the next tenant in round-robin
 * order, not to the next caller. A workspace that floods the provider therefore waits behind its own backlog,
 * while another one's request is served within one round (one slot per waiting tenant).
 *
 * Pure logic: the clock and the timer are given, so the Durable Object (provider-rate-limit-do.ts) and tests
 * drive the same code.
 */

export interface SlotRequest {
  /** Slots per second for this provider; they are spaced evenly (no burst). */
  ratePerSecond: number;
  /** Longest wait accepted: beyond it nothing is queued and the caller is told to come back. */
  maxWaitMs: number;
  /** Whose request (the workspace id): the unit of fairness. Absent = one shared anonymous tenant. */
  tenant?: string;
}

export type SlotAnswer =
  /** Send after `waitMs` (0 when the caller was held until its slot). */
  | { ok: true; waitMs: number }
  /** Nothing reserved: this caller's turn would come only `retryAfterMs` from now. */
  | { ok: false; retryAfterMs: number };

interface Waiter {
  resolve(answer: SlotAnswer): void;
}

export interface SlotQueueClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
}

export class FairSlotQueue {
  /** Time of the latest slot handed out (at most one interval in the future). */
  private lastSlotAt = -Infinity;
  private intervalMs = 0;
  /** Waiting callers per tenant; the map's order is the round-robin order (a served tenant moves to the back). */
  private readonly waiting = new Map<string, Waiter[]>();
  private size = 0;
  private timerArmed = false;

  constructor(private readonly clock: SlotQueueClock) {}

  /** How many callers are held, per tenant (for tests and logs). */
  held(): Record<string, number> {
    return Object.fromEntries([...this.waiting].map(([t, q]) => [t, q.length]));
  }

  acquire(request: SlotRequest): SlotAnswer | Promise<SlotAnswer> {
    const { ratePerSecond, maxWaitMs } = request;
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond) || !(maxWaitMs >= 0)) {
      throw new RangeError(`invalid slot request ${JSON.stringify(request)}`);
    }
    const tenant = request.tenant ?? "";
    this.intervalMs = 1000 / ratePerSecond;
    const now = this.clock.now();
    const next = Math.max(now, this.lastSlotAt + this.intervalMs);
    if (this.size === 0 && next - now <= this.intervalMs) {
      // Nobody waits and the next slot is at most one interval away: it is this caller's, no need to hold it.
      this.lastSlotAt = next;
      return { ok: true, waitMs: next - now };
    }
    const waitMs = next - now + this.slotsAhead(tenant) * this.intervalMs;
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: Math.ceil(waitMs) };
    return new Promise<SlotAnswer>((resolve) => {
      const queue = this.waiting.get(tenant);
      if (queue) queue.push({ resolve });
      else this.waiting.set(tenant, [{ resolve }]);
      this.size++;
      this.arm();
    });
  }

  /** Slots granted before a new request of `tenant`: its own backlog, and per other tenant one per round. */
  private slotsAhead(tenant: string): number {
    const own = this.waiting.get(tenant)?.length ?? 0;
    let ahead = own;
    for (const [other, queue] of this.waiting) if (other !== tenant) ahead += Math.min(queue.length, own + 1);
    return ahead;
  }

  private arm(): void {
    if (this.timerArmed || this.size === 0) return;
    this.timerArmed = true;
    const delay = Math.max(0, this.lastSlotAt + this.intervalMs - this.clock.now());
    this.clock.setTimer(() => {
      this.timerArmed = false;
      this.grantNext();
      this.arm();
    }, delay);
  }

  private grantNext(): void {
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [tenant, queue] = first.value;
    const waiter = queue.shift()!;
    this.waiting.delete(tenant);
    if (queue.length) this.waiting.set(tenant, queue); // to the back of the round
    this.size--;
    this.lastSlotAt = Math.max(this.clock.now(), this.lastSlotAt + this.intervalMs);
    waiter.resolve({ ok: true, waitMs: Math.max(0, this.lastSlotAt - this.clock.now()) });
  }
}
