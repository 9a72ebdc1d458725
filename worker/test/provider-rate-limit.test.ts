import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createTokenBucket } from "@sillage/shared/providers/rate-limiter";
import { createRechercheEntreprisesProvider } from "@sillage/shared/providers/recherche-entreprises";
import { ProviderError } from "@sillage/shared/providers/types";
import { createGlobalRateLimiter, type ProviderLimiterNamespace } from "../src/identify/provider-rate-limit";
import { providerChain } from "../src/identify/providers";
import { providerRequests } from "./support/fake-provider";

const SLOT_MS = 1000 / 7;
// Real time passes between the object's answers (a few ms each), shortening later waits by that much.
const SLACK_MS = 60;

const namespace = () => env.PROVIDER_LIMITER!;
/** A fresh limiter instance per test, so tests never share a queue. */
const uniqueName = () => `test-${crypto.randomUUID()}`;

/** Records the waits handed out instead of sleeping them, so spacing is checked without the test taking seconds. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** A clock that moves only when someone sleeps on it (for the per-isolate fallback bucket). */
function virtualClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), advance: (ms: number) => void (t += ms) };
}

/** A binding that fails like an unreachable object, or delegates to the real one once `up`. */
function flakyNamespace(real: ProviderLimiterNamespace, mode: { up: boolean; hang?: boolean }) {
  let calls = 0;
  const fake = {
    idFromName: (name: string) => real.idFromName(name),
    get: (id: DurableObjectId) => ({
      acquire: (request: { ratePerSecond: number; maxWaitMs: number }) => {
        calls++;
        if (mode.up) return real.get(id).acquire(request);
        return mode.hang ? new Promise(() => {}) : Promise.reject(new Error("Durable Object is overloaded"));
      },
    }),
  };
  return { namespace: fake as unknown as ProviderLimiterNamespace, calls: () => calls };
}

afterEach(() => vi.restoreAllMocks());

describe("ProviderRateLimiter (Durable Object)", () => {
  it("spaces slots at 1/7 s across isolates: 14 concurrent acquires from two adapters span ≥ 13/7 s", async () => {
    const name = uniqueName();
    const log = vi.fn();
    // Two adapters with their own fallback buckets stand for two isolates; only the object is shared.
    const isolates = [0, 1].map(() =>
      createGlobalRateLimiter({
        provider: "recherche-entreprises",
        namespace: namespace(),
        name,
        ratePerSecond: 7,
        fallback: createTokenBucket({ ratePerSecond: 7 }),
        log,
      }),
    );
    const t0 = Date.now();
    const at = await Promise.all([...Array(14).keys()].map((i) => isolates[i % 2]!.acquire().then(() => Date.now() - t0)));

    expect(log).not.toHaveBeenCalled();
    // Only the first caller goes at once; each other one gets its slot one slot after the previous.
    const times = at.sort((a, b) => a - b);
    expect(times[times.length - 1]!).toBeGreaterThanOrEqual(13 * SLOT_MS - SLACK_MS);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(SLOT_MS - SLACK_MS);
  });

  it("answers busy beyond maxWaitMs without reserving a slot", async () => {
    const stub = namespace().get(namespace().idFromName(uniqueName()));
    const request = { ratePerSecond: 1, maxWaitMs: 2000 };
    const answers = await Promise.all([...Array(5)].map(() => stub.acquire(request)));
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false, false]);
    // Busy twice with the same horizon: a refused caller does not push the queue further.
    for (const busy of answers.slice(3)) expect(busy).toMatchObject({ ok: false, retryAfterMs: expect.closeTo(3000, -2) });
  });

  it("a full queue is a retryable rate_limited ProviderError with a Retry-After, and nothing is sent", async () => {
    const recorded = recordingSleep();
    const limiter = createGlobalRateLimiter({
      provider: "recherche-entreprises",
      namespace: namespace(),
      name: uniqueName(),
      ratePerSecond: 1,
      maxWaitMs: 1000,
      fallback: createTokenBucket({ ratePerSecond: 1 }),
      sleep: recorded.sleep,
    });
    await limiter.acquire(); // now
    await limiter.acquire(); // in 1 s: the queue is full
    const provider = createRechercheEntreprisesProvider({ baseUrl: env.RECHERCHE_ENTREPRISES_URL, limiter });
    const q = `plein-${crypto.randomUUID()}`;

    const error = await provider.search({ q }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "rate_limited", provider: "recherche-entreprises", retryable: true, retryAfterSeconds: 2 });
    expect((await providerRequests()).queries).not.toContain(q);
  });

  it("a caller aborting while it waits for its slot gets the abort reason", async () => {
    const limiter = createGlobalRateLimiter({
      provider: "recherche-entreprises",
      namespace: namespace(),
      name: uniqueName(),
      ratePerSecond: 1,
      fallback: createTokenBucket({ ratePerSecond: 1 }),
    });
    await limiter.acquire();
    const waiting = limiter.acquire(AbortSignal.timeout(20));
    await expect(waiting).rejects.toMatchObject({ name: "TimeoutError" });
  });
});

describe("fair share between workspaces", () => {
  /** One isolate's adapter on a fresh object: `forTenant(ws)` is what a workspace's provider chain uses. */
  const sharedLimiter = (ratePerSecond = 7) =>
    createGlobalRateLimiter({
      provider: "recherche-entreprises",
      namespace: namespace(),
      name: uniqueName(),
      ratePerSecond,
      fallback: createTokenBucket({ ratePerSecond }),
    });

  it("a workspace flooding the register does not starve another one: its requests are served within a round", async () => {
    const limiter = sharedLimiter();
    const flooder = limiter.forTenant("ws_flood");
    // Every slot granted, in order: "f" for the flooder, "o" for the other workspace (order, not wall-clock, so a
    // loaded machine cannot make it fail or pass).
    const granted: string[] = [];
    // 120 requests at once: the object holds what fits in its 5 s window and refuses the rest.
    const flood = [...Array(120)].map(() =>
      flooder.acquire().then(
        () => {
          granted.push("f");
          return "sent";
        },
        (e: unknown) => (e instanceof ProviderError ? e.code : "other"),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));

    // Meanwhile another workspace asks three times in a row: each is served after at most about one round.
    const other = limiter.forTenant("ws_other");
    const floodSlotsWhileWaiting: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = granted.filter((g) => g === "f").length;
      await other.acquire();
      floodSlotsWhileWaiting.push(granted.filter((g) => g === "f").length - before);
      granted.push("o");
    }
    const outcomes = await Promise.all(flood);

    // First come, first served would have refused them (the window was full) or served them after ~35 flood slots.
    for (const n of floodSlotsWhileWaiting) expect(n).toBeLessThanOrEqual(2);
    // The flooder still got the rest of the budget, and was told to come back for the excess.
    expect(outcomes.filter((o) => o === "sent").length).toBeGreaterThanOrEqual(30);
    expect(outcomes.filter((o) => o === "rate_limited").length).toBeGreaterThanOrEqual(80);
    expect(outcomes).not.toContain("other");
    // The other workspace was done while the flood was still being served.
    expect(granted.lastIndexOf("o")).toBeLessThan(granted.lastIndexOf("f"));
  });

  it("two busy workspaces alternate: the one asking less is done first, the rate overall stays the same", async () => {
    const limiter = sharedLimiter(20);
    const a = limiter.forTenant("ws_a");
    const b = limiter.forTenant("ws_b");
    const t0 = Date.now();
    const order: string[] = [];
    await Promise.all([
      ...[...Array(20)].map(() => a.acquire().then(() => order.push("a"))),
      ...[...Array(10)].map(() => b.acquire().then(() => order.push("b"))),
    ]);
    // 30 slots at 20/s take at least 1.45 s. First come, first served would put B's 10 last (positions 21–30);
    // alternating, B's last slot is about the 21st.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(29 * 50 - SLACK_MS);
    expect(order.lastIndexOf("b") + 1).toBeLessThanOrEqual(23);
    expect(order.slice(1, 11).filter((w) => w === "b").length).toBeGreaterThanOrEqual(4);
  });
});

describe("fallback to the per-isolate bucket", () => {
  /** 8 acquires at 7/s through the fallback take 1 s of (virtual) time: it still limits. */
  async function eightAcquires(limiter: { acquire(): Promise<void> }) {
    for (let i = 0; i < 8; i++) await limiter.acquire();
  }

  it("without a binding (tests, Node tools), silently", async () => {
    const clock = virtualClock();
    const log = vi.fn();
    const limiter = createGlobalRateLimiter({
      provider: "recherche-entreprises",
      namespace: undefined,
      ratePerSecond: 7,
      fallback: createTokenBucket({ ratePerSecond: 7, now: clock.now, sleep: clock.sleep }),
      log,
    });
    await eightAcquires(limiter);
    expect(clock.now()).toBeCloseTo(1000, 6);
    expect(log).not.toHaveBeenCalled();
  });

  it("when the object throws: limits, logs once, retries the object after a pause, and logs a new outage again", async () => {
    const clock = virtualClock();
    const log = vi.fn();
    const mode = { up: false };
    const flaky = flakyNamespace(namespace(), mode);
    const recorded = recordingSleep();
    const limiter = createGlobalRateLimiter({
      provider: "recherche-entreprises",
      namespace: flaky.namespace,
      name: uniqueName(),
      ratePerSecond: 7,
      fallback: createTokenBucket({ ratePerSecond: 7, now: clock.now, sleep: clock.sleep }),
      retryObjectAfterMs: 30_000,
      now: clock.now,
      sleep: recorded.sleep,
      log,
    });

    await eightAcquires(limiter);
    expect(clock.now()).toBeCloseTo(1000, 6); // the fallback spaced them at 7/s
    expect(flaky.calls()).toBe(1); // then left the object alone during the pause
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/recherche-entreprises: global rate limiter unavailable/);

    clock.advance(30_000);
    await limiter.acquire();
    expect(flaky.calls()).toBe(2); // tried again, still down: no second log line for the same outage
    expect(log).toHaveBeenCalledTimes(1);

    mode.up = true;
    clock.advance(30_000);
    await limiter.acquire();
    await limiter.acquire();
    expect(flaky.calls()).toBe(4);
    expect(recorded.waits).toHaveLength(1); // the second one waited for its global slot
    expect(recorded.waits[0]!).toBeGreaterThanOrEqual(SLOT_MS - SLACK_MS);

    mode.up = false;
    await limiter.acquire();
    expect(log).toHaveBeenCalledTimes(2);
  });

  it("when the object hangs: gives up after maxWaitMs + callTimeoutMs and limits with the bucket", async () => {
    const clock = virtualClock();
    const flaky = flakyNamespace(namespace(), { up: false, hang: true });
    const log = vi.fn();
    const limiter = createGlobalRateLimiter({
      provider: "recherche-entreprises",
      namespace: flaky.namespace,
      ratePerSecond: 7,
      maxWaitMs: 100,
      callTimeoutMs: 50,
      fallback: createTokenBucket({ ratePerSecond: 7, now: clock.now, sleep: clock.sleep }),
      log,
    });
    await eightAcquires(limiter);
    // One call timed out (150 ms); the pause then skips the object instead of waiting on it for every acquire.
    expect(flaky.calls()).toBe(1);
    expect(clock.now()).toBeCloseTo(1000, 6);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![1])).toMatch(/no answer within 150 ms/);
  });
});

describe("wiring", () => {
  it("the recherche-entreprises provider of a workspace chain takes its slots from the global object", async () => {
    const warn = vi.spyOn(console, "warn");
    const stub = namespace().get(namespace().idFromName("recherche-entreprises"));
    const request = { ratePerSecond: 7, maxWaitMs: 5000 };
    const t0 = Date.now();
    const first = await stub.acquire(request); // someone else's slot: the search must queue behind it
    const [provider] = providerChain(env, ["recherche-entreprises"]);
    // Aborted while it waits for its slot, so nothing is sent and the fake's state does not matter.
    await expect(provider!.search({ q: "danone", signal: AbortSignal.timeout(40) })).rejects.toMatchObject({ name: "TimeoutError" });
    const after = await stub.acquire(request);
    const elapsed = Date.now() - t0;
    if (!first.ok || !after.ok) throw new Error("queue unexpectedly full");
    // Two slots after `first` (the search's, then ours) put ours ≥ 2 slots out; without the search it would be 1.
    expect(after.waitMs + elapsed).toBeGreaterThanOrEqual(first.waitMs + 2 * SLOT_MS - SLACK_MS);
    expect(warn.mock.calls.filter((c) => /global rate limiter unavailable/.test(String(c[0])))).toEqual([]);
  });
});
