import { MAX_PROPS, MAX_PROPS_BYTES } from "@sillage/shared/collect-payload";
import type { CollectEnvelope } from "../envelope";
import type { ValidHit } from "./validate";

/**
 * Per-site daily storage quota. Each stored hit adds its estimated size in D1 to the site's usage of the UTC
 * day (site_usage); a hit that would take the day past the workspace's `siteDailyQuotaMb` is dropped as
 * "site_quota_exceeded", and the site's owner hears of it once a day (`site.quota_reached`).
 *
 * The estimate is what SQLite stores: the hit's text values, plus a fixed cost for its ids, numbers, row header
 * and the entries of its six indexes. FIXED_BYTES is calibrated against D1 (test/bench/storage.mjs measures the
 * database growth for typical hits and prints both figures side by side).
 */
export const FIXED_BYTES_PER_HIT = 570;

const utf8 = new TextEncoder();
const len = (s: string | null | undefined) => (s ? utf8.encode(s).byteLength : 0);

/** Pure: estimated bytes a hit takes once stored. */
export function hitStorageBytes(hit: ValidHit, env: CollectEnvelope): number {
  const p = hit.payload;
  const url = hit.url;
  return (
    FIXED_BYTES_PER_HIT +
    // url, then hostname and path again in their own columns (the path twice more in two indexes' reach).
    len(url?.href) +
    len(url?.hostname) +
    len(url?.pathname) +
    len(p.title) +
    len(p.ref) +
    len(p.name) +
    len(p.pid) +
    (p.props ? len(JSON.stringify(p.props)) : 0) +
    // utm values are copied from the URL's query into their own columns.
    (url ? len(url.search) : 0) +
    len(env.headers.userAgent) +
    len(env.ip) +
    len(env.cf.asOrganization)
  );
}

/**
 * Pure: event properties are stored as JSON on every hit; a small budget per hit (counted under the site, as
 * "props_too_large") keeps one client from storing kilobytes of junk with each request.
 */
export function withinPropsBudget(props: Record<string, unknown> | undefined): boolean {
  if (!props) return true;
  return Object.keys(props).length <= MAX_PROPS && utf8.encode(JSON.stringify(props)).byteLength <= MAX_PROPS_BYTES;
}

export const quotaBytesOf = (dailyQuotaMb: number) => dailyQuotaMb * 1_000_000;

/** A site's usage of one UTC day: as read, plus what this batch adds. */
export interface DayUsage {
  siteId: string;
  day: string;
  bytes: number;
  quotaEventAt: number | null;
  addedHits: number;
  addedBytes: number;
}

/** Pure: admits a hit of `bytes` into the day's usage (and counts it), or says the quota is used up. */
export function admitToQuota(usage: DayUsage, bytes: number, quotaBytes: number): boolean {
  if (usage.bytes + bytes > quotaBytes) return false;
  usage.bytes += bytes;
  usage.addedBytes += bytes;
  usage.addedHits += 1;
  return true;
}
