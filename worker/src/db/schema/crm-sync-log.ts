import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/** Every sync attempt of a lead to a CRM: what was decided, what was sent, what the CRM answered. */
export const crmSyncLog = sqliteTable(
  "crm_sync_log",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    connectionId: text("connection_id").notNull(),
    leadId: text("lead_id").notNull(),
    /** created | updated | unchanged | retry | failed | auth_failed */
    outcome: text("outcome").notNull(),
    /** siren | domain | name | record (known from an earlier sync) | null when created or failed early. */
    matchedBy: text("matched_by"),
    recordId: text("record_id"),
    /** JSON: { written: {field: value}, kept: {field: crm value} }. */
    changes: text("changes"),
    taskId: text("task_id"),
    eventIds: text("event_ids").notNull(),
    calls: integer("calls").notNull(),
    httpStatus: integer("http_status"),
    /** The CRM's last answer (truncated), or the error. */
    response: text("response"),
    at: integer("at").notNull(),
  },
  // By time alone for the purge of entries past 30 days (cron/purge-delivery-records.ts).
  (t) => [index("crm_sync_log_lead_idx").on(t.workspaceId, t.leadId, t.at), index("crm_sync_log_at_idx").on(t.at)],
);
