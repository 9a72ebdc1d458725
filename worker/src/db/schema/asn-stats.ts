import { sqliteTable, integer } from "drizzle-orm/sqlite-core";

/**
 * What the IP table says about each autonomous system, derived from `ip_ranges` after every import
 * (identify/asn-stats.ts). The network priors read it: an operator announces far more space, in more ranges, than
 * a company's own network (shared/src/network/priors.ts).
 */
export const asnStats = sqliteTable("asn_stats", {
  asn: integer("asn").primaryKey(),
  /** IPv4 addresses announced (sum of the ranges' sizes). */
  ipv4Addresses: integer("ipv4_addresses").notNull(),
  /** Rows of `ip_ranges`: the source merges adjacent prefixes, so this is a lower bound on prefixes. */
  ipv4Ranges: integer("ipv4_ranges").notNull(),
  ipv6Ranges: integer("ipv6_ranges").notNull(),
});
