import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Keep visitors' raw IP after enrichment (off by default: privacy). */
  keepRawIp: integer("keep_raw_ip", { mode: "boolean" }).notNull().default(false),
  /** Hits older than this are purged by the cron job; aggregates stay. */
  retentionDays: integer("retention_days").notNull().default(395),
  createdAt: integer("created_at").notNull(),
});
