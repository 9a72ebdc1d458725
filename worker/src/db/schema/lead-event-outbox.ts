import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/**
 * Lead (and site) events written in the same D1 batch as the state change they announce (a score crossing MQL, an SLA
 * flagged overdue), so that a change is never committed without its event nor announced without its change.
 * A dispatcher sends pending rows to the WEBHOOKS queue and stamps `dispatched_at`; the queue consumer turns
 * each into deliveries, idempotently by event id, so a row sent twice is announced once.
 */
export const leadEventOutbox = sqliteTable(
  "lead_event_outbox",
  {
    /** The event id deliveries carry (Sillage-Event-Id): one row per logical event. */
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    /** The lead; for a site event (`site.quota_reached`), the site. */
    leadId: text("lead_id").notNull(),
    event: text("event").notNull(),
    /** When the event happened (epoch ms), as announced. */
    at: integer("at").notNull(),
    createdAt: integer("created_at").notNull(),
    dispatchedAt: integer("dispatched_at"),
    /** A site event's data (JSON, as announced, without the site's name, read when sent); null for lead events. */
    data: text("data"),
  },
  // pending_idx also serves the purge of rows dispatched 30 days ago (a range on dispatched_at); lead_idx the erasure.
  (t) => [index("lead_event_outbox_pending_idx").on(t.dispatchedAt, t.createdAt), index("lead_event_outbox_lead_idx").on(t.leadId)],
);

/** Where a background task that walks a large table stopped, so that the next run resumes after it. */
export const cronCursors = sqliteTable("cron_cursors", {
  task: text("task").primaryKey(),
  cursor: text("cursor").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
