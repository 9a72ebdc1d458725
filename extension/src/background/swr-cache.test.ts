import { describe, expect, it, vi } from "vitest";
import { SwrCache } from "./swr-cache";

function setup() {
  let now = 1_000_000;
  const cache = new SwrCache<string>({ freshMs: 60_000, maxStaleMs: 600_000, maxEntries: 3, now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

/** A load whose answer the test releases when it wants. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("SwrCache", () => {
  it("loads on a miss, then serves fresh answers without loading again", async () => {
    const { cache, advance } = setup();
    const load = vi.fn(async () => "v1");
    expect(await cache.get("k", load)).toEqual({ value: "v1", freshness: "miss" });
    advance(59_999);
    expect(await cache.get("k", load)).toEqual({ value: "v1", freshness: "fresh" });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("serves a stale answer at once and reports the refreshed one when it differs", async () => {
    const { cache, advance } = setup();
    await cache.get("k", async () => "v1");
    advance(60_000);
    const refresh = deferred<string>();
    const onRefreshed = vi.fn();
    expect(await cache.get("k", () => refresh.promise, onRefreshed)).toEqual({ value: "v1", freshness: "stale" });
    refresh.resolve("v2");
    await vi.waitFor(() => expect(onRefreshed).toHaveBeenCalledWith("v2"));
    expect(await cache.get("k", async () => "never")).toEqual({ value: "v2", freshness: "fresh" });
  });

  it("does not report a refresh that changed nothing", async () => {
    const { cache, advance } = setup();
    await cache.get("k", async () => "same");
    advance(61_000);
    const onRefreshed = vi.fn();
    await cache.get("k", async () => "same", onRefreshed);
    await new Promise((r) => setTimeout(r, 0));
    expect(onRefreshed).not.toHaveBeenCalled();
  });

  it("loads again, waiting, once an answer is older than the stale limit", async () => {
    const { cache, advance } = setup();
    await cache.get("k", async () => "v1");
    advance(600_000);
    expect(await cache.get("k", async () => "v2")).toEqual({ value: "v2", freshness: "miss" });
  });

  it("shares one load between simultaneous requests for the same key", async () => {
    const { cache } = setup();
    const load = deferred<string>();
    const fn = vi.fn(() => load.promise);
    const a = cache.get("k", fn);
    const b = cache.get("k", fn);
    load.resolve("v");
    expect((await a).value).toBe("v");
    expect((await b).value).toBe("v");
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("never caches a failure", async () => {
    const { cache } = setup();
    await expect(cache.get("k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("k", async () => "up")).toEqual({ value: "up", freshness: "miss" });
  });

  it("keeps serving the stale answer when its refresh fails", async () => {
    const { cache, advance } = setup();
    await cache.get("k", async () => "v1");
    advance(120_000);
    const onRefreshed = vi.fn();
    expect((await cache.get("k", async () => Promise.reject(new Error("down")), onRefreshed)).value).toBe("v1");
    await new Promise((r) => setTimeout(r, 0));
    expect(onRefreshed).not.toHaveBeenCalled();
    expect((await cache.get("k", async () => "v2")).freshness).toBe("stale");
  });

  it("drops a load overtaken by an invalidation: its older answer is neither stored nor reported", async () => {
    const { cache, advance } = setup();
    await cache.get("k", async () => "before action");
    advance(61_000);
    const slow = deferred<string>();
    const onRefreshed = vi.fn();
    await cache.get("k", () => slow.promise, onRefreshed); // stale: refresh in flight
    cache.set("k", "after action");
    slow.resolve("before action (late)");
    await new Promise((r) => setTimeout(r, 0));
    expect(onRefreshed).not.toHaveBeenCalled();
    expect(await cache.get("k", async () => "never")).toEqual({ value: "after action", freshness: "fresh" });
  });

  it("an invalidation of pending loads too: a first load asked before it is answered but not stored", async () => {
    const { cache } = setup();
    const first = deferred<string>();
    const asked = cache.get("k", () => first.promise);
    // Without `pending`, an uncached key's load is not the invalidation's business…
    cache.invalidate(() => true);
    // …with it, the load asked before the change is disowned, and a new request asks again.
    cache.invalidate(() => true, { pending: true });
    first.resolve("before the change");
    expect(await asked).toEqual({ value: "before the change", freshness: "miss" });
    expect(await cache.get("k", async () => "after")).toEqual({ value: "after", freshness: "miss" });
  });

  it("invalidates and updates entries chosen by their value", async () => {
    const { cache } = setup();
    await cache.get("a", async () => "lead-1");
    await cache.get("b", async () => "lead-2");
    expect(
      cache.update(
        (v) => v === "lead-1",
        () => "lead-1 accepted",
      ),
    ).toBe(1);
    expect(cache.invalidate((v) => v === "lead-2")).toBe(1);
    expect((await cache.get("a", async () => "never")).value).toBe("lead-1 accepted");
    expect((await cache.get("b", async () => "reloaded")).freshness).toBe("miss");
  });

  it("evicts the least recently used entry beyond its size", async () => {
    const { cache } = setup();
    for (const k of ["a", "b", "c"]) await cache.get(k, async () => k);
    await cache.get("a", async () => "never"); // a is now the most recent
    await cache.get("d", async () => "d");
    expect(cache.snapshot().map(([k]) => k)).toEqual(["c", "a", "d"]);
  });

  it("restores persisted entries with their age, dropping the expired ones", async () => {
    const before = setup();
    await before.cache.get("old", async () => "old");
    before.advance(30_000);
    await before.cache.get("young", async () => "young");
    before.advance(590_000); // "old" is 620 s old (expired), "young" 590 s (stale)
    const t = 1_000_000 + 620_000;
    const after = new SwrCache<string>({ freshMs: 60_000, maxStaleMs: 600_000, maxEntries: 3, now: () => t });
    after.restore(before.cache.snapshot());
    expect(after.snapshot().map(([k]) => k)).toEqual(["young"]);
    expect((await after.get("young", async () => "young2")).freshness).toBe("stale");
  });
});
