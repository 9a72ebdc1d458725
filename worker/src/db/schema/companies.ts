import { sqliteTable, text, integer, real, index } from "drizzle-orm/sqlite-core";

/**
 * French legal entities we know firmographics for, by SIREN (from any provider). `record` is the full
 * firmographics document (shared/src/firmographics); the columns beside it exist for filters and sorting.
 */
export const companies = sqliteTable(
  "companies",
  {
    siren: text("siren").primaryKey(),
    name: text("name").notNull(),
    nafCode: text("naf_code"),
    nafSection: text("naf_section"),
    headcountCode: text("headcount_code"),
    headcountMin: integer("headcount_min"),
    revenue: real("revenue"),
    category: text("category"),
    departement: text("departement"),
    region: text("region"),
    record: text("record", { mode: "json" }).notNull(),
    source: text("source").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
  },
  (t) => [index("companies_name_idx").on(t.name)],
);

/**
 * Organisation name (as networks and e-mail domains name them) → legal entity, per provider chain.
 * One organisation costs one provider call per TTL; "no match" is cached too, with its reason.
 */
export const organizationMatches = sqliteTable("organization_matches", {
  key: text("key").primaryKey(), // normalised organisation name
  organization: text("organization").notNull(),
  siren: text("siren"),
  confidence: real("confidence").notNull(),
  reason: text("reason").notNull(),
  provider: text("provider").notNull(),
  fetchedAt: integer("fetched_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
});
