import type { DropReason } from "@sillage/shared/drop-reasons";

/** Counts one dropped request under its UTC day, site key ("" when no known site) and reason. */
export function countDrop(d1: D1Database, receivedAt: number, siteKey: string, reason: DropReason, count = 1) {
  const day = new Date(receivedAt).toISOString().slice(0, 10);
  return d1
    .prepare(
      `INSERT INTO drop_counters (day, site_key, reason, count) VALUES (?, ?, ?, ?)
       ON CONFLICT(day, site_key, reason) DO UPDATE SET count = count + excluded.count`,
    )
    .bind(day, siteKey, reason, count)
    .run();
}
