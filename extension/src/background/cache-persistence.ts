/**
 * The MV3 service worker is stopped after ~30 s idle and its memory goes with it. The look-up cache is
 * mirrored into `browser.storage.session` (memory-only, cleared when the browser quits, not readable by
 * content scripts by default) so a salesperson coming back to a tab a few minutes later still gets an
 * instant, stale-then-refreshed answer.
 */
import { browser } from "wxt/browser";
import type { LookupAnswer } from "./lookup-answer";
import type { CacheEntry, SwrCache } from "./swr-cache";

const KEY = "sillage.lookupCache";
const WRITE_DELAY_MS = 300;

export async function restoreCache(cache: SwrCache<LookupAnswer>): Promise<void> {
  try {
    const stored = (await browser.storage.session.get(KEY))[KEY];
    if (Array.isArray(stored)) cache.restore(stored as Array<[string, CacheEntry<LookupAnswer>]>);
  } catch {
    // No session storage (older browser) or a corrupt value: start empty.
  }
}

/** Writes the cache shortly after the last change, once for a burst of changes. */
export function cacheWriter(): (cache: SwrCache<LookupAnswer>) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (cache) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      browser.storage.session.set({ [KEY]: cache.snapshot() }).catch(() => {
        // Over quota: persistence is an optimisation, the in-memory cache still works.
      });
    }, WRITE_DELAY_MS);
  };
}
