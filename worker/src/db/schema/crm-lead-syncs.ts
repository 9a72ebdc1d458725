import { sqliteTable, text, integer, primaryKey, index } from "drizzle-orm/sqlite-core";
import { crmConnections } from "./crm-connections";

/** Where each lead lives in each CRM: the record it was last synced to, and when. */
export const crmLeadSyncs = sqliteTable(
  "crm_lead_syncs",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    leadId: text("lead_id").notNull(),
    workspaceId: text("workspace_id").notNull(),
    recordId: text("record_id").notNull(),
    syncedAt: integer("synced_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.leadId] }), index("crm_lead_syncs_record_idx").on(t.connectionId, t.recordId)],
);
