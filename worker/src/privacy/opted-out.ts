/**
 * Server-side opt-out check for the ingestion pipeline: has this browser (its tracker id) opted out of this
 * site? Called once per hit that carries a `vid`, so answers are cached per isolate.
 *
 * An opt-out is never withdrawn by the server, so a "yes" can be kept long. A "no" is kept only briefly: it is
 * what delays an opt-out recorded by another isolate (the tracker also stops sending at once, so only other
 * open tabs can slip a hit or two through in that window).
 */
const OPTED_OUT_TTL_MS = 10 * 60_000;
const NOT_OPTED_OUT_TTL_MS = 15_000;
const MAX_ENTRIES = 20_000;

const cache = new Map<string, { out: boolean; at: number }>();
const cacheKey = (siteId: string, visitorKey: string) => `${siteId}|${visitorKey}`;

function remember(key: string, out: boolean, now: number) {
  // Bounded memory: dropping everything is rare and only costs look-ups.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { out, at: now });
}

export async function isOptedOut(db: D1Database, siteId: string, visitorKey: string, now = Date.now()): Promise<boolean> {
  return (await optedOutAmong(db, [{ siteId, visitorKey }], now)).has(cacheKey(siteId, visitorKey));
}

/**
 * The same question for a whole queue batch: the (siteId, visitorKey) pairs that opted out, with one query for
 * every pair the cache does not answer. Returns the opted-out pairs as `cacheKey` strings.
 */
export async function optedOutAmong(db: D1Database, pairs: readonly { siteId: string; visitorKey: string }[], now = Date.now()): Promise<Set<string>> {
  const out = new Set<string>();
  const unknown = new Map<string, [string, string]>();
  for (const { siteId, visitorKey } of pairs) {
    const key = cacheKey(siteId, visitorKey);
    const cached = cache.get(key);
    if (cached && now - cached.at < (cached.out ? OPTED_OUT_TTL_MS : NOT_OPTED_OUT_TTL_MS)) {
      if (cached.out) out.add(key);
    } else unknown.set(key, [siteId, visitorKey]);
  }
  if (unknown.size === 0) return out;
  const { results } = await db
    .prepare(
      `SELECT o.site_id AS siteId, o.visitor_key AS visitorKey FROM json_each(?1) j
         JOIN opt_outs o ON o.site_id = j.value ->> 0 AND o.visitor_key = j.value ->> 1`,
    )
    .bind(JSON.stringify([...unknown.values()]))
    .all<{ siteId: string; visitorKey: string }>();
  const found = new Set(results.map((r) => cacheKey(r.siteId, r.visitorKey)));
  for (const key of unknown.keys()) {
    remember(key, found.has(key), now);
    if (found.has(key)) out.add(key);
  }
  return out;
}

export { cacheKey as optOutKey };

/** The isolate that records an opt-out knows it at once (no wait for the "no" to expire). */
export function rememberOptOut(siteId: string, visitorKey: string, now = Date.now()) {
  remember(cacheKey(siteId, visitorKey), true, now);
}

/** Tests only: forget everything cached. */
export function clearOptOutCache() {
  cache.clear();
}
