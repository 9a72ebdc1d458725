import { sqliteTable, text, integer, primaryKey, index } from "drizzle-orm/sqlite-core";

/**
 * What each site stored per UTC day: the daily storage quota is checked against it. One row per site per day,
 * written in the ingestion transaction. `quotaEventAt` says `site.quota_reached` was announced for that day.
 */
export const siteUsage = sqliteTable(
  "site_usage",
  {
    siteId: text("site_id").notNull(),
    day: text("day").notNull(),
    hits: integer("hits").notNull().default(0),
    /** Estimated bytes the day's hits take in D1, indexes included (see worker/src/ingest/steps/quota.ts). */
    bytes: integer("bytes").notNull().default(0),
    quotaEventAt: integer("quota_event_at"),
  },
  // By day: the purge drops the days past SITE_USAGE_DAYS (privacy/purge-expired-hits.ts).
  (t) => [primaryKey({ columns: [t.siteId, t.day] }), index("site_usage_day_idx").on(t.day)],
);
