import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { leadEventSchema } from "@sillage/shared/api/delivered-lead";
import { DELIVERY_STATUSES, WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent } from "../db/schema/webhooks";
import { newApp, type AppEnv } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorSchema } from "../http/openapi";
import { newId } from "../lib/ids";
import { queueDeliveries } from "../webhooks/emit";
import { checkEndpointUrl } from "../webhooks/endpoint-url";
import { isTestEventId, TEST_EVENT_PREFIX } from "../webhooks/event-id";
import { sampleLeadEvent } from "../webhooks/sample-event";
import { newWebhookSecret, secretHint } from "../webhooks/secret";

/** Enough for every team's tools; stops a leaked admin key from turning the worker into a request cannon. */
const MAX_ENDPOINTS_PER_WORKSPACE = 20;

const eventSchema = z.enum(WEBHOOK_EVENTS);
const formatSchema = z.enum(WEBHOOK_FORMATS);
const isoOrNull = z.string().nullable();

const endpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    format: formatSchema,
    events: z.array(eventSchema),
    enabled: z.boolean(),
    disabledAt: isoOrNull,
    disabledReason: z.string().nullable(),
    /** Deliveries in a row that failed after every attempt; 5 disables the endpoint. */
    consecutiveFailures: z.number().int(),
    secretHint: z.string().openapi({ example: "whsec_3f9a…" }),
    createdAt: z.string(),
  })
  .openapi("WebhookEndpoint");

const createdEndpointSchema = endpointSchema
  .extend({ secret: z.string().openapi({ description: "Signing secret. Shown once: store it now." }) })
  .openapi("WebhookEndpointCreated");

const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    event: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: isoOrNull,
    deliveredAt: isoOrNull,
    createdAt: z.string(),
    test: z.boolean(),
  })
  .openapi("WebhookDelivery");

const urlField = z.string().min(1).max(2000).openapi({ example: "https://hooks.example.fr/sillage" });
const eventsField = z.array(eventSchema).min(1).max(WEBHOOK_EVENTS.length);
const idParams = z.object({ id: z.string().min(1).max(64) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

interface EndpointRow {
  id: string;
  url: string;
  format: "json" | "slack";
  events: string;
  secret: string;
  consecutiveFailures: number;
  disabledAt: number | null;
  disabledReason: string | null;
  createdAt: number;
}

const ENDPOINT_COLUMNS = `id, url, format, events, secret, consecutive_failures AS consecutiveFailures, disabled_at AS disabledAt,
  disabled_reason AS disabledReason, created_at AS createdAt`;

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

function endpointView(row: EndpointRow): z.infer<typeof endpointSchema> {
  return {
    id: row.id,
    url: row.url,
    format: row.format,
    events: JSON.parse(row.events) as WebhookEvent[],
    enabled: row.disabledAt == null,
    disabledAt: iso(row.disabledAt),
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    secretHint: secretHint(row.secret),
    createdAt: iso(row.createdAt)!,
  };
}

function requireAdmin(c: Context<AppEnv>) {
  if (c.get("auth").role !== "admin") throw new ApiError("forbidden", "Only admin keys can create, change, test or delete webhooks.");
}

/** Another workspace's endpoint is answered exactly like a missing one: ids must not leak across tenants. */
async function loadEndpoint(c: Context<AppEnv>, id: string): Promise<EndpointRow> {
  const row = await c.env.DB.prepare(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = ? AND workspace_id = ?`)
    .bind(id, c.get("auth").workspaceId)
    .first<EndpointRow>();
  if (!row) throw new ApiError("not_found", `No webhook endpoint ${id}.`);
  return row;
}

function validUrl(c: Context<AppEnv>, raw: string): string {
  const check = checkEndpointUrl(raw, { localMode: c.env.SILLAGE_TRUST_CLIENT_IP === "1" });
  if (!check.ok) throw new ApiError("bad_request", `Invalid body: ${check.message}`);
  return check.url;
}

const uniqueEvents = (events: readonly WebhookEvent[]) => WEBHOOK_EVENTS.filter((e) => events.includes(e));

const createRouteDef = createRoute({
  method: "post",
  path: "/webhooks",
  summary: "Add a webhook endpoint (JSON signed with HMAC-SHA256, or a Slack incoming webhook)",
  description:
    "Lead events are POSTed to `url`, signed in the `Sillage-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">`). " +
    "The secret is returned once. `https` only (plain http to 127.0.0.1/localhost in local mode). Admin keys only.",
  request: jsonBody(z.object({ url: urlField, events: eventsField.optional(), format: formatSchema.optional() })),
  responses: { 201: json(createdEndpointSchema, "The endpoint, with its secret"), 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema },
});

const listRoute = createRoute({
  method: "get",
  path: "/webhooks",
  summary: "The workspace's webhook endpoints (secrets are never shown again)",
  responses: { 200: json(z.object({ items: z.array(endpointSchema) }), "Endpoints"), 401: errorSchema },
});

const getRoute = createRoute({
  method: "get",
  path: "/webhooks/{id}",
  summary: "One webhook endpoint",
  request: { params: idParams },
  responses: { 200: json(endpointSchema, "Endpoint"), 401: errorSchema, 404: errorSchema },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/webhooks/{id}",
  summary: "Change an endpoint's URL, events or format; `enabled: true` re-enables it after an automatic disable",
  request: {
    params: idParams,
    ...jsonBody(
      z
        .object({ url: urlField.optional(), events: eventsField.optional(), format: formatSchema.optional(), enabled: z.boolean().optional() })
        .refine((b) => Object.values(b).some((v) => v !== undefined), "give at least one of url, events, format, enabled"),
    ),
  },
  responses: { 200: json(endpointSchema, "Updated endpoint"), 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/webhooks/{id}",
  summary: "Delete an endpoint and its delivery log",
  request: { params: idParams },
  responses: { 204: { description: "Deleted" }, 401: errorSchema, 403: errorSchema, 404: errorSchema },
});

const cursorPattern = /^(\d{1,15}):([\w-]{1,64})$/;
const deliveriesRoute = createRoute({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  summary: "Delivery log of an endpoint, newest first: status, attempts, last HTTP status and error",
  request: {
    params: idParams,
    query: z.object({
      status: z.enum(DELIVERY_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
      cursor: z.string().regex(cursorPattern, "expected the nextCursor of the previous page").optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }), "Deliveries"),
    400: errorSchema,
    401: errorSchema,
    404: errorSchema,
  },
});

const testRoute = createRoute({
  method: "post",
  path: "/webhooks/{id}/test",
  summary: "Send a sample lead.mql event (flagged `test: true`) through the real signing and delivery path",
  request: { params: idParams },
  responses: {
    202: json(z.object({ deliveryId: z.string(), eventId: z.string() }), "Queued; follow it in the delivery log"),
    401: errorSchema,
    403: errorSchema,
    404: errorSchema,
    409: errorSchema,
  },
});

interface DeliveryRow {
  id: string;
  eventId: string;
  event: string;
  status: (typeof DELIVERY_STATUSES)[number];
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  createdAt: number;
}

export const webhooksRoutes = newApp()
  .openapi(createRouteDef, async (c) => {
    requireAdmin(c);
    const { workspaceId } = c.get("auth");
    const body = c.req.valid("json");
    const url = validUrl(c, body.url);
    const count = await c.env.DB.prepare("SELECT COUNT(*) AS n FROM webhook_endpoints WHERE workspace_id = ?").bind(workspaceId).first<{ n: number }>();
    if ((count?.n ?? 0) >= MAX_ENDPOINTS_PER_WORKSPACE)
      throw new ApiError("conflict", `A workspace has at most ${MAX_ENDPOINTS_PER_WORKSPACE} webhook endpoints; delete one first.`);
    const row: EndpointRow = {
      id: newId("whk"),
      url,
      format: body.format ?? "json",
      events: JSON.stringify(uniqueEvents(body.events ?? WEBHOOK_EVENTS)),
      secret: newWebhookSecret(),
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
      createdAt: Date.now(),
    };
    await c.env.DB.prepare(
      "INSERT INTO webhook_endpoints (id, workspace_id, url, format, events, secret, consecutive_failures, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
    )
      .bind(row.id, workspaceId, row.url, row.format, row.events, row.secret, row.createdAt)
      .run();
    return c.json({ ...endpointView(row), secret: row.secret }, 201);
  })
  .openapi(listRoute, async (c) => {
    const { results } = await c.env.DB.prepare(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE workspace_id = ? ORDER BY created_at, id`)
      .bind(c.get("auth").workspaceId)
      .all<EndpointRow>();
    return c.json({ items: results.map(endpointView) }, 200);
  })
  .openapi(getRoute, async (c) => c.json(endpointView(await loadEndpoint(c, c.req.valid("param").id)), 200))
  .openapi(patchRoute, async (c) => {
    requireAdmin(c);
    const current = await loadEndpoint(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    const next: EndpointRow = { ...current };
    if (body.url !== undefined) next.url = validUrl(c, body.url);
    if (body.events !== undefined) next.events = JSON.stringify(uniqueEvents(body.events));
    if (body.format !== undefined) next.format = body.format;
    if (body.enabled === true) {
      // A fresh start: the failures that disabled it are what the admin just fixed.
      Object.assign(next, { disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    } else if (body.enabled === false && current.disabledAt == null) {
      Object.assign(next, { disabledAt: Date.now(), disabledReason: "disabled by an admin" });
    }
    await c.env.DB.prepare(
      `UPDATE webhook_endpoints SET url = ?, events = ?, format = ?, disabled_at = ?, disabled_reason = ?, consecutive_failures = ?
        WHERE id = ? AND workspace_id = ?`,
    )
      .bind(next.url, next.events, next.format, next.disabledAt, next.disabledReason, next.consecutiveFailures, current.id, c.get("auth").workspaceId)
      .run();
    return c.json(endpointView(next), 200);
  })
  .openapi(deleteRoute, async (c) => {
    requireAdmin(c);
    const endpoint = await loadEndpoint(c, c.req.valid("param").id);
    // Deliveries go first and explicitly: the log must not outlive its endpoint even without FK enforcement.
    await c.env.DB.batch([
      c.env.DB.prepare("DELETE FROM webhook_deliveries WHERE endpoint_id = ?").bind(endpoint.id),
      c.env.DB.prepare("DELETE FROM webhook_endpoints WHERE id = ? AND workspace_id = ?").bind(endpoint.id, c.get("auth").workspaceId),
    ]);
    return c.body(null, 204);
  })
  .openapi(deliveriesRoute, async (c) => {
    const endpoint = await loadEndpoint(c, c.req.valid("param").id);
    const { status, limit = 50, cursor } = c.req.valid("query");
    const where = ["endpoint_id = ?", "workspace_id = ?"];
    const binds: unknown[] = [endpoint.id, c.get("auth").workspaceId];
    if (status) {
      where.push("status = ?");
      binds.push(status);
    }
    const after = cursor ? cursorPattern.exec(cursor) : null;
    if (after) {
      where.push("(created_at < ? OR (created_at = ? AND id < ?))");
      binds.push(Number(after[1]), Number(after[1]), after[2]);
    }
    const { results } = await c.env.DB.prepare(
      `SELECT id, event_id AS eventId, event, status, attempts, last_status_code AS lastStatusCode, last_error AS lastError,
              next_attempt_at AS nextAttemptAt, delivered_at AS deliveredAt, created_at AS createdAt
         FROM webhook_deliveries WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
      .bind(...binds, limit)
      .all<DeliveryRow>();
    const last = results[results.length - 1];
    return c.json(
      {
        items: results.map((r) => ({
          ...r,
          // A lease or a schedule only matters while the delivery is pending.
          nextAttemptAt: r.status === "pending" ? iso(r.nextAttemptAt) : null,
          deliveredAt: iso(r.deliveredAt),
          createdAt: iso(r.createdAt)!,
          test: isTestEventId(r.eventId),
        })),
        nextCursor: results.length === limit && last ? `${last.createdAt}:${last.id}` : null,
      },
      200,
    );
  })
  .openapi(testRoute, async (c) => {
    requireAdmin(c);
    const endpoint = await loadEndpoint(c, c.req.valid("param").id);
    if (endpoint.disabledAt != null) throw new ApiError("conflict", "This endpoint is disabled; re-enable it (PATCH enabled: true) before sending a test.");
    const now = Date.now();
    const eventId = `${TEST_EVENT_PREFIX}${newId("x").slice(2)}`;
    const payload = JSON.stringify(sampleLeadEvent(eventId, now, new URL(c.req.url).origin));
    const [deliveryId] = await queueDeliveries(c.env, { workspaceId: c.get("auth").workspaceId, endpointIds: [endpoint.id], eventId, event: "lead.mql", payload, now });
    return c.json({ deliveryId: deliveryId!, eventId }, 202);
  });

// The body customers receive, in the OpenAPI 3.1 `webhooks` section, so that client generators know it.
webhooksRoutes.openAPIRegistry.registerWebhook({
  method: "post",
  path: "leadEvent",
  summary: "A lead event (lead.identified, lead.mql, lead.sql, lead.rejected, lead.sla_overdue) POSTed to your endpoint",
  description:
    "Verify `Sillage-Signature` (`t=<unix seconds>,v1=<hex>`): HMAC-SHA256 with your endpoint secret over `<t>.<raw body>`, " +
    "reject timestamps more than 5 minutes away. Deduplicate on `Sillage-Event-Id`: deliveries are at-least-once. " +
    "Any 2xx within 10 s acknowledges; anything else is retried for about 8 hours. Slack endpoints receive a Slack message instead.",
  request: {
    headers: z.object({
      "Sillage-Signature": z.string().openapi({ example: "t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd" }),
      "Sillage-Event": eventSchema,
      "Sillage-Event-Id": z.string(),
      "Sillage-Delivery": z.string(),
      "Sillage-Attempt": z.string().openapi({ example: "1" }),
    }),
    body: { content: { "application/json": { schema: leadEventSchema } } },
  },
  responses: { 200: { description: "Any 2xx status acknowledges the delivery" } },
});
