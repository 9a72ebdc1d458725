import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";

/** Visitors who opted out through the public endpoint; the collector drops their hits ("opted_out"). */
export const optOuts = sqliteTable(
  "opt_outs",
  {
    siteId: text("site_id").notNull(),
    /** The visitor key (tracker id) that opted out. */
    visitorKey: text("visitor_key").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.visitorKey] })],
);
