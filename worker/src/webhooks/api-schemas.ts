import { z } from "@hono/zod-openapi";
import { DELIVERY_STATUSES, WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent } from "../db/schema/webhooks";
import { iso, isoOrNull } from "../lib/iso";
import type { DeliveryLogCursor, DeliveryLogEntry } from "./delivery-log-store";
import type { WebhookEndpoint } from "./endpoints-store";
import { isTestEventId } from "./event-id";
import { secretHint } from "./secret";

export const eventSchema = z.enum(WEBHOOK_EVENTS);
export const formatSchema = z.enum(WEBHOOK_FORMATS);
const isoOrNullSchema = z.string().nullable();

export const endpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    format: formatSchema,
    events: z.array(eventSchema),
    enabled: z.boolean(),
    disabledAt: isoOrNullSchema,
    disabledReason: z.string().nullable(),
    /** Deliveries in a row that failed after every attempt; 5 disables the endpoint. */
    consecutiveFailures: z.number().int(),
    secretHint: z.string().openapi({ example: "whsec_3f9a…" }),
    createdAt: z.string(),
  })
  .openapi("WebhookEndpoint");

export const createdEndpointSchema = endpointSchema
  .extend({ secret: z.string().openapi({ description: "Signing secret. Shown once: store it now." }) })
  .openapi("WebhookEndpointCreated");

export const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    event: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: isoOrNullSchema,
    deliveredAt: isoOrNullSchema,
    createdAt: z.string(),
    test: z.boolean(),
  })
  .openapi("WebhookDelivery");

export const urlField = z.string().min(1).max(2000).openapi({ example: "https://hooks.example.fr/sillage" });
export const eventsField = z.array(eventSchema).min(1).max(WEBHOOK_EVENTS.length);

/** Subscribed events in their canonical order, each once. */
export const uniqueEvents = (events: readonly WebhookEvent[]) => WEBHOOK_EVENTS.filter((e) => events.includes(e));

export function endpointJson(row: WebhookEndpoint): z.infer<typeof endpointSchema> {
  return {
    id: row.id,
    url: row.url,
    format: row.format,
    events: row.events,
    enabled: row.disabledAt == null,
    disabledAt: isoOrNull(row.disabledAt),
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    secretHint: secretHint(row.secret),
    createdAt: iso(row.createdAt),
  };
}

export const deliveryJson = (r: DeliveryLogEntry): z.infer<typeof deliverySchema> => ({
  ...r,
  // A lease or a schedule only matters while the delivery is pending.
  nextAttemptAt: r.status === "pending" ? isoOrNull(r.nextAttemptAt) : null,
  deliveredAt: isoOrNull(r.deliveredAt),
  createdAt: iso(r.createdAt),
  test: isTestEventId(r.eventId),
});

/** `<createdAt>:<id>` of the last entry of a page. */
export const DELIVERY_CURSOR = /^(\d{1,15}):([\w-]{1,64})$/;
export const deliveryCursor = (last: DeliveryLogCursor) => `${last.createdAt}:${last.id}`;
export function parseDeliveryCursor(cursor: string | undefined): DeliveryLogCursor | null {
  const m = cursor ? DELIVERY_CURSOR.exec(cursor) : null;
  return m ? { createdAt: Number(m[1]), id: m[2]! } : null;
}
