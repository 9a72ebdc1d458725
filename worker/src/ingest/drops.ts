import type { DropReason } from "@sillage/shared/drop-reasons";

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The upsert that adds `count` drops under their UTC day, site key ("" when no known site) and reason. */
export function dropCounterStatement(d1: D1Database, receivedAt: number, siteKey: string, reason: DropReason, count = 1): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO drop_counters (day, site_key, reason, count) VALUES (?, ?, ?, ?)
       ON CONFLICT(day, site_key, reason) DO UPDATE SET count = count + excluded.count`,
    )
    .bind(utcDay(receivedAt), siteKey, reason, count);
}

/** Counts dropped requests at once. */
export function countDrop(d1: D1Database, receivedAt: number, siteKey: string, reason: DropReason, count = 1) {
  return dropCounterStatement(d1, receivedAt, siteKey, reason, count).run();
}

/** Tallies the drops of a queue batch so that each (day, site, reason) costs one upsert. */
export class DropTally {
  private counts = new Map<string, { receivedAt: number; siteKey: string; reason: DropReason; n: number }>();

  add(receivedAt: number, siteKey: string, reason: DropReason) {
    const key = `${utcDay(receivedAt)}|${siteKey}|${reason}`;
    const entry = this.counts.get(key);
    if (entry) entry.n++;
    else this.counts.set(key, { receivedAt, siteKey, reason, n: 1 });
  }

  statements(d1: D1Database): D1PreparedStatement[] {
    return [...this.counts.values()].map((c) => dropCounterStatement(d1, c.receivedAt, c.siteKey, c.reason, c.n));
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
