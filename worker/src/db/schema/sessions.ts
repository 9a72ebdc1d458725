import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { visitors } from "./visitors";

/** A visit: consecutive hits of one visitor with less than 30 minutes between them. */
export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    visitorId: text("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    siteId: text("site_id").notNull(),
    startedAt: integer("started_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    hitCount: integer("hit_count").notNull().default(0),
    pageviewCount: integer("pageview_count").notNull().default(0),
    landingPath: text("landing_path"),
    referrer: text("referrer"),
    utmSource: text("utm_source"),
    utmMedium: text("utm_medium"),
    utmCampaign: text("utm_campaign"),
  },
  (t) => [index("sessions_visitor_idx").on(t.visitorId, t.lastSeenAt), index("sessions_site_time_idx").on(t.siteId, t.startedAt)],
);
