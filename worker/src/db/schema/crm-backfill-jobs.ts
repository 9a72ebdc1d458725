import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { crmConnections } from "./crm-connections";

/** A backfill of existing leads into a CRM: it queues one sync event per lead, then their progress is counted. */
export const crmBackfillJobs = sqliteTable(
  "crm_backfill_jobs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    connectionId: text("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    /** JSON array of lead statuses to backfill. */
    statuses: text("statuses").notNull(),
    total: integer("total").notNull(),
    queued: integer("queued").notNull().default(0),
    /** Last lead id queued: queuing resumes after it. */
    cursor: text("cursor"),
    startedAt: integer("started_at").notNull(),
  },
  (t) => [index("crm_backfill_jobs_connection_idx").on(t.connectionId, t.startedAt)],
);
