import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { leadEventSchema } from "@sillage/shared/api/delivered-lead";
import { requireAdmin } from "../auth/require-admin";
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from "../db/schema/webhooks";
import { newApp, type AppEnv } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { newId } from "../lib/ids";
import {
  createdEndpointSchema,
  DELIVERY_CURSOR,
  deliveryCursor,
  deliveryJson,
  deliverySchema,
  endpointJson,
  endpointSchema,
  eventSchema,
  eventsField,
  formatSchema,
  parseDeliveryCursor,
  uniqueEvents,
  urlField,
} from "../webhooks/api-schemas";
import { listDeliveries } from "../webhooks/delivery-log-store";
import { queueDeliveries } from "../webhooks/emit";
import { checkEndpointUrl } from "../webhooks/endpoint-url";
import {
  countEndpoints,
  deleteEndpoint,
  getEndpoint,
  insertEndpoint,
  listEndpoints,
  updateEndpoint,
  type WebhookEndpointPatch,
} from "../webhooks/endpoints-store";
import { TEST_EVENT_PREFIX } from "../webhooks/event-id";
import { sampleLeadEvent } from "../webhooks/sample-event";
import { newWebhookSecret } from "../webhooks/secret";
import { DELIVERY_RECORDS_DAYS } from "../cron/purge-delivery-records";

/** Enough for every team's tools; stops a leaked admin key from turning the worker into a request cannon. */
const MAX_ENDPOINTS_PER_WORKSPACE = 20;

const idParams = z.object({ id: z.string().min(1).max(64) });

async function loadEndpoint(c: Context<AppEnv>, id: string) {
  const endpoint = await getEndpoint(c.env.DB, c.get("auth").workspaceId, id);
  if (!endpoint) throw new ApiError("not_found", `No webhook endpoint ${id}.`);
  return endpoint;
}

function validUrl(c: Context<AppEnv>, raw: string): string {
  const check = checkEndpointUrl(raw, { localMode: c.env.SILLAGE_TRUST_CLIENT_IP === "1" });
  if (!check.ok) throw new ApiError("bad_request", `Invalid body: ${check.message}`);
  return check.url;
}

const createRouteDef = createRoute({
  method: "post",
  path: "/webhooks",
  summary: "Add a webhook endpoint (JSON signed with HMAC-SHA256, or a Slack incoming webhook)",
  description:
    'Lead events are POSTed to `url`, signed in the `Sillage-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`). ' +
    "The secret is returned once. `https` only (plain http to 127.0.0.1/localhost in local mode). Admin keys only.",
  request: { body: jsonBody(z.object({ url: urlField, events: eventsField.optional(), format: formatSchema.optional() })) },
  responses: { 201: json(createdEndpointSchema, "The endpoint, with its secret"), ...errorResponses(400, 401, 403, 409) },
});

const listRoute = createRoute({
  method: "get",
  path: "/webhooks",
  summary: "The workspace's webhook endpoints (secrets are never shown again)",
  responses: { 200: json(z.object({ items: z.array(endpointSchema) }), "Endpoints"), ...errorResponses(401) },
});

const getRoute = createRoute({
  method: "get",
  path: "/webhooks/{id}",
  summary: "One webhook endpoint",
  request: { params: idParams },
  responses: { 200: json(endpointSchema, "Endpoint"), ...errorResponses(401, 404) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/webhooks/{id}",
  summary: "Change an endpoint's URL, events or format; `enabled: true` re-enables it after an automatic disable",
  request: {
    params: idParams,
    body: jsonBody(
      z
        .object({ url: urlField.optional(), events: eventsField.optional(), format: formatSchema.optional(), enabled: z.boolean().optional() })
        .refine((b) => Object.values(b).some((v) => v !== undefined), "give at least one of url, events, format, enabled"),
    ),
  },
  responses: { 200: json(endpointSchema, "Updated endpoint"), ...errorResponses(400, 401, 403, 404) },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/webhooks/{id}",
  summary: "Delete an endpoint and its delivery log",
  request: { params: idParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

const deliveriesRoute = createRoute({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  summary: "Delivery log of an endpoint, newest first: status, attempts, last HTTP status and error",
  description: `Delivered and failed deliveries are kept ${DELIVERY_RECORDS_DAYS} days; pending ones until they finish.`,
  request: {
    params: idParams,
    query: z.object({
      status: z.enum(DELIVERY_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
      cursor: z.string().regex(DELIVERY_CURSOR, "expected the nextCursor of the previous page").optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }), "Deliveries"),
    ...errorResponses(400, 401, 404),
  },
});

const testRoute = createRoute({
  method: "post",
  path: "/webhooks/{id}/test",
  summary: "Send a sample lead.mql event (flagged `test: true`) through the real signing and delivery path",
  request: { params: idParams },
  responses: {
    202: json(z.object({ deliveryId: z.string(), eventId: z.string() }), "Queued; follow it in the delivery log"),
    ...errorResponses(401, 403, 404, 409),
  },
});

export const webhooksRoutes = newApp()
  .openapi(createRouteDef, async (c) => {
    const workspaceId = requireAdmin(c);
    const body = c.req.valid("json");
    const url = validUrl(c, body.url);
    if ((await countEndpoints(c.env.DB, workspaceId)) >= MAX_ENDPOINTS_PER_WORKSPACE)
      throw new ApiError("conflict", `A workspace has at most ${MAX_ENDPOINTS_PER_WORKSPACE} webhook endpoints; delete one first.`);
    const endpoint = await insertEndpoint(c.env.DB, workspaceId, {
      id: newId("whk"),
      url,
      format: body.format ?? "json",
      events: uniqueEvents(body.events ?? WEBHOOK_EVENTS),
      secret: newWebhookSecret(),
      consecutiveFailures: 0,
      createdAt: Date.now(),
    });
    return c.json({ ...endpointJson(endpoint), secret: endpoint.secret }, 201);
  })
  .openapi(listRoute, async (c) => {
    const endpoints = await listEndpoints(c.env.DB, c.get("auth").workspaceId);
    return c.json({ items: endpoints.map(endpointJson) }, 200);
  })
  .openapi(getRoute, async (c) => c.json(endpointJson(await loadEndpoint(c, c.req.valid("param").id)), 200))
  .openapi(patchRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const current = await loadEndpoint(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    const patch: WebhookEndpointPatch = {};
    if (body.url !== undefined) patch.url = validUrl(c, body.url);
    if (body.events !== undefined) patch.events = uniqueEvents(body.events);
    if (body.format !== undefined) patch.format = body.format;
    if (body.enabled === true) {
      // A fresh start: the failures that disabled it are what the admin just fixed.
      Object.assign(patch, { disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    } else if (body.enabled === false && current.disabledAt == null) {
      Object.assign(patch, { disabledAt: Date.now(), disabledReason: "disabled by an admin" });
    }
    await updateEndpoint(c.env.DB, workspaceId, current.id, patch);
    return c.json(endpointJson({ ...current, ...patch }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const endpoint = await loadEndpoint(c, c.req.valid("param").id);
    await deleteEndpoint(c.env.DB, workspaceId, endpoint.id);
    return c.body(null, 204);
  })
  .openapi(deliveriesRoute, async (c) => {
    const endpoint = await loadEndpoint(c, c.req.valid("param").id);
    const { status, limit = 50, cursor } = c.req.valid("query");
    const entries = await listDeliveries(c.env.DB, c.get("auth").workspaceId, endpoint.id, { status, limit, after: parseDeliveryCursor(cursor) });
    const last = entries[entries.length - 1];
    return c.json({ items: entries.map(deliveryJson), nextCursor: entries.length === limit && last ? deliveryCursor(last) : null }, 200);
  })
  .openapi(testRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const endpoint = await loadEndpoint(c, c.req.valid("param").id);
    if (endpoint.disabledAt != null) throw new ApiError("conflict", "This endpoint is disabled; re-enable it (PATCH enabled: true) before sending a test.");
    const now = Date.now();
    const eventId = `${TEST_EVENT_PREFIX}${newId("x").slice(2)}`;
    const payload = JSON.stringify(sampleLeadEvent(eventId, now, new URL(c.req.url).origin));
    const [deliveryId] = await queueDeliveries(c.env, { workspaceId, endpointIds: [endpoint.id], eventId, event: "lead.mql", payload, now });
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
