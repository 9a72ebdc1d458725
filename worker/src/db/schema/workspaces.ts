import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

/** See README "Capacity": about 12,000 hits a day per site (840 bytes each, measured). */
export const DEFAULT_SITE_DAILY_QUOTA_MB = 10;

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Keep visitors' raw IP after enrichment (off by default: privacy). */
  keepRawIp: integer("keep_raw_ip", { mode: "boolean" }).notNull().default(false),
  /** Hits older than this are purged by the cron job; aggregates stay. */
  retentionDays: integer("retention_days").notNull().default(395),
  /** Hours a salesperson has to accept or reject an MQL before it is flagged overdue. */
  slaHours: integer("sla_hours").notNull().default(48),
  /** Firmographics providers tried in order, e.g. ["sirene-local", "recherche-entreprises"]. */
  providerChain: text("provider_chain", { mode: "json" }).$type<string[]>(),
  /**
   * Storage each site of the workspace may add per UTC day, in megabytes (hits as stored, indexes included);
   * past it the day's further hits are dropped ("site_quota_exceeded") and `site.quota_reached` is announced.
   */
  siteDailyQuotaMb: integer("site_daily_quota_mb").notNull().default(DEFAULT_SITE_DAILY_QUOTA_MB),
  createdAt: integer("created_at").notNull(),
});
