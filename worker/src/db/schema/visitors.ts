import { sqliteTable, text, integer, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";
import { contacts } from "./contacts";

/**
 * A browser on a site. `visitorKey` is the tracker's random id, or, in cookieless mode and for the pixel,
 * a hash of site, day, IP and user agent (rotates daily, so it cannot follow a person across days).
 */
export const visitors = sqliteTable(
  "visitors",
  {
    id: text("id").primaryKey(),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    visitorKey: text("visitor_key").notNull(),
    contactId: text("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    /** Start (epoch ms) and hit count of the visitor's current rate window (the per-visitor cap). */
    rateWindowStart: integer("rate_window_start"),
    rateWindowHits: integer("rate_window_hits").notNull().default(0),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [uniqueIndex("visitors_site_key_idx").on(t.siteId, t.visitorKey), index("visitors_contact_idx").on(t.contactId)],
);
