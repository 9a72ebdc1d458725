import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

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
  createdAt: integer("created_at").notNull(),
});
