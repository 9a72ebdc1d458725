import { describe, expect, it } from "vitest";
import { abortableSleep, createTokenBucket } from "./rate-limiter";

/** A clock that only moves when a sleeper sleeps, recording when each acquire returns. */
function virtualClock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    get time() {
      return t;
    },
  };
}

describe("token bucket", () => {
  it("spaces requests at the configured rate (7/s → one every ~143 ms)", async () => {
    const clock = virtualClock();
    // Sleeps run one after the other here, so waits add up like real sequential callers.
    const bucket = createTokenBucket({ ratePerSecond: 7, now: clock.now, sleep: clock.sleep });
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await bucket.acquire();
      times.push(clock.time);
    }
    expect(times[0]).toBe(0);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(1000 / 7, 6);
    // never more than 8 starts in any one-second window
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(8);
  });

  it("lets a configured burst through at once, then throttles", async () => {
    const clock = virtualClock();
    const bucket = createTokenBucket({ ratePerSecond: 7, burst: 7, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 7; i++) expect(bucket.tryAcquire()).toBe(true);
    expect(bucket.tryAcquire()).toBe(false);
  });

  it("reserves slots in order for concurrent callers (real timers)", async () => {
    const bucket = createTokenBucket({ ratePerSecond: 20 });
    const start = Date.now();
    const done: number[] = [];
    await Promise.all([...Array(6).keys()].map((i) => bucket.acquire().then(() => done.push(i))));
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Date.now() - start).toBeGreaterThanOrEqual(5 * 50 - 15);
  });

  it("gives the slot back when the caller aborts while waiting", async () => {
    // Real sleeps (so the abort interrupts one), with the wait each caller was given recorded.
    const waits: number[] = [];
    const bucket = createTokenBucket({ ratePerSecond: 10, sleep: (ms, signal) => (waits.push(ms), abortableSleep(ms, signal)) });
    await bucket.acquire();
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    // The aborted reservation was refunded: the next caller waits one slot (≤ 100 ms), not two (~200 ms).
    await bucket.acquire();
    expect(waits.at(-1)!).toBeGreaterThan(0);
    expect(waits.at(-1)!).toBeLessThanOrEqual(100);
  });

  it("abortableSleep rejects immediately on an aborted signal", async () => {
    await expect(abortableSleep(10_000, AbortSignal.abort(new Error("now")))).rejects.toThrow("now");
  });
});
