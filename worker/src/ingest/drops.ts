import type { DropReason } from "@sillage/shared/drop-reasons";
import { utcDay } from "../lib/utc-day";

/** The upsert that adds `count` drops under their UTC day, site key ("" when no known site) and reason. */
export function dropCounterStatement(d1: D1Database, receivedAt: number, siteKey: string, reason: DropReason, count = 1): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO drop_counters (day, site_key, reason, count) VALUES (?, ?, ?, ?)
       ON CONFLICT(day, site_key, reason) DO UPDATE SET count = count + excluded.count`,
    )
    .bind(utcDay(receivedAt), siteKey, reason, count);
}

/** Distinct hostnames kept per site and day: enough to tell the marketer what to fix, bounded against floods. */
export const MAX_DROP_HOSTNAMES_PER_DAY = 10;

/** Counts a page hostname dropped as not allowed; a new hostname is kept only while the site's day has room. */
export function dropHostnameStatement(d1: D1Database, receivedAt: number, siteKey: string, hostname: string, count = 1): D1PreparedStatement {
  const day = utcDay(receivedAt);
  return d1
    .prepare(
      `INSERT INTO drop_hostnames (day, site_key, hostname, count)
       SELECT ?1, ?2, ?3, ?4 WHERE (SELECT count(*) FROM drop_hostnames WHERE site_key = ?2 AND day = ?1) < ?5
          OR EXISTS (SELECT 1 FROM drop_hostnames WHERE site_key = ?2 AND day = ?1 AND hostname = ?3)
       ON CONFLICT(site_key, day, hostname) DO UPDATE SET count = count + excluded.count`,
    )
    .bind(day, siteKey, hostname.slice(0, 253), count, MAX_DROP_HOSTNAMES_PER_DAY);
}

/** Counts dropped requests at once. */
export function countDrop(d1: D1Database, receivedAt: number, siteKey: string, reason: DropReason, count = 1) {
  return dropCounterStatement(d1, receivedAt, siteKey, reason, count).run();
}

/** Tallies the drops of a queue batch so that each (day, site, reason) costs one upsert. */
export class DropTally {
  private counts = new Map<string, { receivedAt: number; siteKey: string; reason: DropReason; n: number }>();
  private hostnames = new Map<string, { receivedAt: number; siteKey: string; hostname: string; n: number }>();

  add(receivedAt: number, siteKey: string, reason: DropReason, hostname?: string) {
    const key = `${utcDay(receivedAt)}|${siteKey}|${reason}`;
    const entry = this.counts.get(key);
    if (entry) entry.n++;
    else this.counts.set(key, { receivedAt, siteKey, reason, n: 1 });
    if (!hostname) return;
    const hostKey = `${utcDay(receivedAt)}|${siteKey}|${hostname}`;
    const host = this.hostnames.get(hostKey);
    if (host) host.n++;
    else this.hostnames.set(hostKey, { receivedAt, siteKey, hostname, n: 1 });
  }

  statements(d1: D1Database): D1PreparedStatement[] {
    return [
      ...[...this.counts.values()].map((c) => dropCounterStatement(d1, c.receivedAt, c.siteKey, c.reason, c.n)),
      ...[...this.hostnames.values()].map((h) => dropHostnameStatement(d1, h.receivedAt, h.siteKey, h.hostname, h.n)),
    ];
  }
}

export interface DropCountRow {
  day: string;
  siteKey: string;
  reason: DropReason;
  count: number;
}

/** The drop counters of a workspace's sites between two UTC days (inclusive), in day, site, reason order. */
export async function listDropCounts(d1: D1Database, workspaceId: string, from: string, to: string): Promise<DropCountRow[]> {
  const { results } = await d1
    .prepare(
      `SELECT d.day, d.site_key AS siteKey, d.reason, d.count FROM drop_counters d
         JOIN sites s ON s.public_key = d.site_key
        WHERE s.workspace_id = ? AND d.day BETWEEN ? AND ? ORDER BY d.day, d.site_key, d.reason`,
    )
    .bind(workspaceId, from, to)
    .all<DropCountRow>();
  return results;
}
