import { sqliteTable, text, integer, primaryKey, index } from "drizzle-orm/sqlite-core";
import { crmConnections } from "./crm-connections";

/**
 * CRM companies Sillage has written to, per connection: what it last wrote in each property (so a value a
 * salesperson changed is recognised and kept), and the identity keys it matched on. These keys are looked up
 * before the CRM's search, whose index lags behind writes (HubSpot: seconds), so a company created a moment
 * ago is found again and never created twice.
 */
export const crmRecords = sqliteTable(
  "crm_records",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    recordId: text("record_id").notNull(),
    siren: text("siren"),
    domain: text("domain"),
    /** Legal name, normalised (lower case, single spaces). */
    nameKey: text("name_key"),
    /** JSON: CRM property key → the value Sillage last wrote, as a string. */
    written: text("written").notNull().default("{}"),
    createdBySillage: integer("created_by_sillage", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.recordId] }),
    index("crm_records_siren_idx").on(t.connectionId, t.siren),
    index("crm_records_domain_idx").on(t.connectionId, t.domain),
    index("crm_records_name_idx").on(t.connectionId, t.nameKey),
  ],
);
