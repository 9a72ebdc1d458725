import type { LeadEvent, LeadEventType } from "@sillage/shared/api/delivered-lead";
import type { SiteEvent } from "@sillage/shared/api/site-event";
import type { Env } from "../env";
import type { WebhookEvent } from "../db/schema/webhooks";
import { buildDeliveredLead } from "../leads/delivered-lead";
import { queueCrmSyncs } from "../crm/queue-syncs";
import { newId } from "../lib/ids";
import { deriveEventId } from "./event-id";
import type { WebhookMessage } from "./message";
import { publicBaseUrl } from "./public-url";

export interface EmitLeadEventInput {
  workspaceId: string;
  leadId: string;
  event: LeadEventType;
  /** When the event happened, epoch ms (e.g. the transition's time). Part of the default event id. */
  at: number;
  /** Overrides the derived id when the caller has a natural one (e.g. a transition id). */
  eventId?: string;
}

export interface EmitResult {
  eventId: string;
  /** Deliveries created and queued by this call (none when every endpoint already had this event). */
  deliveryIds: string[];
}

interface EndpointRow {
  id: string;
  events: string;
}

/**
 * Announces a lead event to the workspace's active endpoints subscribed to it: one webhook_deliveries row
 * per endpoint, then one queue message per new row. Idempotent per event id: calling it again for the same
 * (lead, event, at) creates nothing, so callers may simply retry it when something after it failed.
 */
export async function emitLeadEvent(env: Env, input: EmitLeadEventInput): Promise<EmitResult> {
  const eventId = input.eventId ?? (await deriveEventId(input.leadId, input.event, input.at));
  // CRM connections hear of the same lead events (idempotent per event id, like the deliveries below).
  await queueCrmSyncs(env, { workspaceId: input.workspaceId, leadId: input.leadId, event: input.event, eventId, at: input.at });
  // Skip building the payload (five index seeks and a score computation) when this is a repeat.
  const todo = await endpointsStillToTell(env, input.workspaceId, input.event, eventId);
  if (todo.length === 0) return { eventId, deliveryIds: [] };

  const now = Date.now();
  const lead = await buildDeliveredLead(env.DB, input.workspaceId, input.leadId, now, { baseUrl: publicBaseUrl(env) });
  if (!lead) return { eventId, deliveryIds: [] };
  const envelope: LeadEvent = { id: eventId, type: input.event, createdAt: new Date(input.at).toISOString(), test: false, data: { lead } };
  return queueEnvelope(env, input.workspaceId, todo, envelope, now);
}

/** The workspace's active endpoints subscribed to `event` that have no delivery of `eventId` yet. */
async function endpointsStillToTell(env: Env, workspaceId: string, event: WebhookEvent, eventId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT id, events FROM webhook_endpoints WHERE workspace_id = ? AND disabled_at IS NULL")
    .bind(workspaceId)
    .all<EndpointRow>();
  const subscribed = results.filter((e) => (JSON.parse(e.events) as string[]).includes(event)).map((e) => e.id);
  if (subscribed.length === 0) return [];
  const { results: existing } = await env.DB.prepare(
    `SELECT endpoint_id AS endpointId FROM webhook_deliveries WHERE event_id = ? AND endpoint_id IN (${subscribed.map(() => "?").join(", ")})`,
  )
    .bind(eventId, ...subscribed)
    .all<{ endpointId: string }>();
  const done = new Set(existing.map((r) => r.endpointId));
  return subscribed.filter((id) => !done.has(id));
}

/**
 * Announces a site event to the workspace's subscribed endpoints, through the same deliveries as lead events.
 * The event id derives from (site, event, UTC day): however many batches hit the quota that day, each endpoint
 * gets one delivery.
 */
export async function emitSiteEvent(
  env: Env,
  input: { workspaceId: string; event: SiteEvent["type"]; at: number; data: SiteEvent["data"] },
): Promise<EmitResult> {
  const eventId = await deriveEventId(input.data.site.id, input.event, Date.parse(`${input.data.day}T00:00:00Z`));
  const todo = await endpointsStillToTell(env, input.workspaceId, input.event, eventId);
  if (todo.length === 0) return { eventId, deliveryIds: [] };
  const envelope: SiteEvent = { id: eventId, type: input.event, createdAt: new Date(input.at).toISOString(), test: false, data: input.data };
  return queueEnvelope(env, input.workspaceId, todo, envelope, Date.now());
}

/** One delivery of the envelope per endpoint still to tell. */
async function queueEnvelope(env: Env, workspaceId: string, endpointIds: string[], envelope: LeadEvent | SiteEvent, now: number): Promise<EmitResult> {
  const deliveryIds = await queueDeliveries(env, {
    workspaceId,
    endpointIds,
    eventId: envelope.id,
    event: envelope.type,
    payload: JSON.stringify(envelope),
    now,
  });
  return { eventId: envelope.id, deliveryIds };
}

/**
 * Inserts one pending delivery per endpoint unless that endpoint already has this event id, then queues the
 * new ones. "INSERT … WHERE NOT EXISTS" is one statement, and D1 runs statements one at a time, so two
 * concurrent emits of the same event cannot both insert. If the process dies between insert and send, the
 * stalled-delivery sweep (requeue-stalled.ts) queues the row again.
 */
export async function queueDeliveries(
  env: Env,
  d: { workspaceId: string; endpointIds: readonly string[]; eventId: string; event: string; payload: string; now: number },
): Promise<string[]> {
  const ids = d.endpointIds.map(() => newId("dlv"));
  const results = await env.DB.batch(
    d.endpointIds.map((endpointId, i) =>
      env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event, payload, status, attempts, next_attempt_at, created_at)
         SELECT ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?
          WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE endpoint_id = ? AND event_id = ?)`,
      ).bind(ids[i], endpointId, d.workspaceId, d.eventId, d.event, d.payload, d.now, d.now, endpointId, d.eventId),
    ),
  );
  const created = ids.filter((_, i) => (results[i]?.meta.changes ?? 0) > 0);
  if (created.length) await env.WEBHOOKS.sendBatch(created.map((deliveryId) => ({ body: { deliveryId } satisfies WebhookMessage })));
  return created;
}
