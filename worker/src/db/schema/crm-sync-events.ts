import { sqliteTable, text, integer, primaryKey, index } from "drizzle-orm/sqlite-core";
import { crmConnections } from "./crm-connections";

export const CRM_EVENT_STATES = ["pending", "done", "failed"] as const;

/**
 * One lead event to sync to one connection. The primary key makes a repeated event (same id) a no-op; the
 * row stays `pending` until the CRM has it, whatever fails in between (queue, CRM down, revoked token), so
 * nothing is lost. Backfill jobs add rows with `kind = 'backfill'` and their job id.
 */
export const crmSyncEvents = sqliteTable(
  "crm_sync_events",
  {
    connectionId: text("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    workspaceId: text("workspace_id").notNull(),
    leadId: text("lead_id").notNull(),
    /** A lead event (lead.mql…) or "backfill". */
    kind: text("kind").notNull(),
    jobId: text("job_id"),
    status: text("status", { enum: CRM_EVENT_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** The MQL task created for this event, so that a retry never creates it twice. */
    taskId: text("task_id"),
    at: integer("at").notNull(),
    createdAt: integer("created_at").notNull(),
    doneAt: integer("done_at"),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.eventId] }),
    index("crm_sync_events_lead_idx").on(t.connectionId, t.leadId, t.status),
    index("crm_sync_events_status_idx").on(t.status, t.createdAt),
    index("crm_sync_events_job_idx").on(t.jobId, t.status),
  ],
);
