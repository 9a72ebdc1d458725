import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";

/**
 * Leases that serialise syncs: one per lead and one per company identity (SIREN, domain, legal name) of a
 * connection, taken all together or not at all (crm/locks.ts). They expire, so a crashed sync never blocks.
 */
export const crmLocks = sqliteTable(
  "crm_locks",
  {
    connectionId: text("connection_id").notNull(),
    key: text("key").notNull(),
    owner: text("owner").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.key] })],
);
