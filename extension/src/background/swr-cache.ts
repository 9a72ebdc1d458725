/**
 * Stale-while-revalidate cache for look-ups. A salesperson flips between LinkedIn tabs and CRM records of the
 * same companies: an answer younger than `freshMs` is served as is; an older one (up to `maxStaleMs`) is
 * served at once while a refresh runs; anything older is fetched before answering. Failures are never cached.
 * Pure (clock injected) so the timing rules are unit-tested without a browser.
 */

export interface SwrOptions {
  freshMs: number;
  maxStaleMs: number;
  /** Least recently used entries go beyond this. */
  maxEntries: number;
  now?: () => number;
}

export interface CacheEntry<V> {
  value: V;
  fetchedAt: number;
}

export type Freshness = "fresh" | "stale" | "miss";

export interface CacheHit<V> {
  value: V;
  freshness: Freshness;
}

export class SwrCache<V> {
  private readonly entries = new Map<string, CacheEntry<V>>();
  private readonly inflight = new Map<string, Promise<{ value: V; current: boolean }>>();
  /** Bumped by every invalidation of a key: a load started before it must not write its (older) answer. */
  private readonly generations = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: SwrOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The value for `key`: from cache when fresh or stale, else loaded. A stale hit starts one background
   * refresh (deduplicated) and calls `onRefreshed` with its value when it differs from the stale one.
   */
  async get(key: string, load: () => Promise<V>, onRefreshed?: (value: V) => void, same: (a: V, b: V) => boolean = sameJson): Promise<CacheHit<V>> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.fetchedAt : Infinity;
    if (entry && age < this.options.freshMs) {
      this.touch(key, entry);
      return { value: entry.value, freshness: "fresh" };
    }
    if (entry && age < this.options.maxStaleMs) {
      this.touch(key, entry);
      this.load(key, load).then(
        ({ value, current }) => {
          // An answer overtaken by an invalidation or a `set` (an action happened meanwhile) is not news.
          if (current && onRefreshed && !same(entry.value, value)) onRefreshed(value);
        },
        () => {}, // keep serving the stale answer; the next get past maxStaleMs will surface the error
      );
      return { value: entry.value, freshness: "stale" };
    }
    return { value: (await this.load(key, load)).value, freshness: "miss" };
  }

  /** What `get` would serve at once (fresh or stale), without loading, refreshing or reordering anything. */
  peek(key: string): CacheHit<V> | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const age = this.now() - entry.fetchedAt;
    if (age < this.options.freshMs) return { value: entry.value, freshness: "fresh" };
    return age < this.options.maxStaleMs ? { value: entry.value, freshness: "stale" } : null;
  }

  /** Stores a value known to be current (e.g. the lead just re-read after an action). */
  set(key: string, value: V): void {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.inflight.delete(key);
    this.touch(key, { value, fetchedAt: this.now() });
  }

  /**
   * Drops every entry `matches` selects, and disowns their loads in flight. With `pending`, also disowns every
   * load in flight for a key not cached yet: its answer, asked before the change, cannot be judged until it
   * comes, and must not be stored as fresh after it (callers still get it).
   */
  invalidate(matches: (value: V, key: string) => boolean, { pending = false } = {}): number {
    let dropped = 0;
    for (const [key, entry] of [...this.entries]) {
      if (!matches(entry.value, key)) continue;
      this.entries.delete(key);
      this.disown(key);
      dropped++;
    }
    if (pending) for (const key of [...this.inflight.keys()]) if (!this.entries.has(key)) this.disown(key);
    return dropped;
  }

  private disown(key: string): void {
    this.inflight.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  /** Rewrites matching entries in place, e.g. to put the updated lead into every look-up that found it. */
  update(matches: (value: V, key: string) => boolean, rewrite: (value: V) => V): number {
    let changed = 0;
    for (const [key, entry] of [...this.entries]) {
      if (!matches(entry.value, key)) continue;
      this.set(key, rewrite(entry.value));
      changed++;
    }
    return changed;
  }

  clear(): void {
    for (const key of this.entries.keys()) this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.entries.clear();
    this.inflight.clear();
  }

  /** Entries, least recently used first (to persist them). */
  snapshot(): Array<[string, CacheEntry<V>]> {
    return [...this.entries];
  }

  /** Restores persisted entries, keeping their original fetch times (a stale entry stays stale). */
  restore(entries: Iterable<[string, CacheEntry<V>]>): void {
    for (const [key, entry] of entries) {
      if (this.now() - entry.fetchedAt < this.options.maxStaleMs && !this.entries.has(key)) this.touch(key, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** One load per key at a time; `current` says whether its answer was stored (no invalidation meanwhile). */
  private load(key: string, load: () => Promise<V>): Promise<{ value: V; current: boolean }> {
    const running = this.inflight.get(key);
    if (running) return running;
    const generation = this.generations.get(key) ?? 0;
    const promise = load().then((value) => {
      const current = (this.generations.get(key) ?? 0) === generation;
      if (current) this.touch(key, { value, fetchedAt: this.now() });
      return { value, current };
    });
    this.inflight.set(key, promise);
    const forget = () => {
      if (this.inflight.get(key) === promise) this.inflight.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** (Re)inserts at the most-recent end of the Map's insertion order, evicting the oldest over the cap. */
  private touch(key: string, entry: CacheEntry<V>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
