import { and, asc, count, eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { webhookDeliveries, webhookEndpoints } from "../db/schema/webhooks";

/** A webhook endpoint as stored; `events` is the parsed JSON column. */
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type NewWebhookEndpoint = Omit<typeof webhookEndpoints.$inferInsert, "workspaceId">;
/** What an admin may change, and what automatic disabling and re-enabling write. */
export type WebhookEndpointPatch = Partial<Pick<WebhookEndpoint, "url" | "events" | "format" | "disabledAt" | "disabledReason" | "consecutiveFailures">>;

export async function countEndpoints(d1: D1Database, workspaceId: string): Promise<number> {
  const row = await getDb(d1).select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).get();
  return row?.n ?? 0;
}

export async function listEndpoints(d1: D1Database, workspaceId: string): Promise<WebhookEndpoint[]> {
  return getDb(d1)
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, workspaceId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .all();
}

/** Null for another workspace's endpoint exactly as for a missing one: ids must not leak across tenants. */
export async function getEndpoint(d1: D1Database, workspaceId: string, id: string): Promise<WebhookEndpoint | null> {
  const row = await getDb(d1)
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)))
    .get();
  return row ?? null;
}

export async function insertEndpoint(d1: D1Database, workspaceId: string, endpoint: NewWebhookEndpoint): Promise<WebhookEndpoint> {
  return getDb(d1)
    .insert(webhookEndpoints)
    .values({ ...endpoint, workspaceId })
    .returning()
    .get();
}

export async function updateEndpoint(d1: D1Database, workspaceId: string, id: string, patch: WebhookEndpointPatch): Promise<void> {
  await getDb(d1)
    .update(webhookEndpoints)
    .set(patch)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId)))
    .run();
}

/** Deliveries go first and explicitly: the log must not outlive its endpoint even without FK enforcement. */
export async function deleteEndpoint(d1: D1Database, workspaceId: string, id: string): Promise<void> {
  const db = getDb(d1);
  await db.batch([
    db.delete(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.workspaceId, workspaceId))),
    db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.workspaceId, workspaceId))),
  ]);
}
