import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";

/**
 * Hostnames of pages whose hits were dropped as `hostname_not_allowed`, per UTC day and site key: the
 * installation check says which hostname to add ("Domaine non autorisé : www.acme.fr"). At most a few per site
 * and day are kept (see ingest/drops.ts), so a forged flood of hostnames cannot grow the table.
 */
export const dropHostnames = sqliteTable(
  "drop_hostnames",
  {
    day: text("day").notNull(),
    siteKey: text("site_key").notNull(),
    hostname: text("hostname").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteKey, t.day, t.hostname] })],
);
