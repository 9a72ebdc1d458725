import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";

/**
 * IP ranges → autonomous system, from the npm package @ip-location-db/asn (CC BY 4.0).
 * Addresses are stored as fixed-width lowercase hex (8 digits for IPv4, 32 for IPv6) so that text order is
 * numeric order: a look-up is one indexed `start <= ip ORDER BY start DESC LIMIT 1`, then `ip <= end`.
 * Ranges in the source do not overlap.
 */
export const ipRanges = sqliteTable(
  "ip_ranges",
  {
    family: integer("family").notNull(), // 4 or 6
    start: text("start").notNull(),
    end: text("end").notNull(),
    asn: integer("asn").notNull(),
    organization: text("organization").notNull(),
  },
  (t) => [primaryKey({ columns: [t.family, t.start] })],
);
