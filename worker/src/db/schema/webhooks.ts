import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspaces } from "./workspaces";

/** Lead events, then site events (shared/src/api/delivered-lead.ts, site-event.ts; a test keeps them in step). */
export const WEBHOOK_EVENTS = ["lead.identified", "lead.mql", "lead.sql", "lead.rejected", "lead.sla_overdue", "site.quota_reached"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_FORMATS = ["json", "slack"] as const;
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    format: text("format", { enum: WEBHOOK_FORMATS }).notNull().default("json"),
    /** Subscribed events, JSON array of WEBHOOK_EVENTS. */
    events: text("events", { mode: "json" }).$type<WebhookEvent[]>().notNull(),
    /** HMAC-SHA256 signing secret (shown once at creation). Slack endpoints ignore it. */
    secret: text("secret").notNull(),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    disabledAt: integer("disabled_at"),
    disabledReason: text("disabled_reason"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("webhook_endpoints_workspace_idx").on(t.workspaceId)],
);

/** One logical delivery per (endpoint, event id); attempts are counted on it. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    eventId: text("event_id").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at"),
    deliveredAt: integer("delivered_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    // One logical delivery per event per endpoint, enforced by the database.
    uniqueIndex("webhook_deliveries_event_idx").on(t.endpointId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    // The purge of finished deliveries (cron/purge-delivery-records.ts): a range read per finished status.
    index("webhook_deliveries_finished_idx").on(t.status, t.createdAt),
  ],
);
