import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";
import { DROP_REASONS } from "@sillage/shared/drop-reasons";

/**
 * Requests not stored, counted per UTC day, site and reason.
 * `siteKey` is the site's public key, or "" when the request named no known site.
 */
export const dropCounters = sqliteTable(
  "drop_counters",
  {
    day: text("day").notNull(),
    siteKey: text("site_key").notNull(),
    reason: text("reason", { enum: DROP_REASONS }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.siteKey, t.reason] })],
);
