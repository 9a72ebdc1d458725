import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { getDb } from "../db/client";
import { type DELIVERY_STATUSES, webhookDeliveries } from "../db/schema/webhooks";

/** A delivery as the log shows it: everything but the payload. */
export type DeliveryLogEntry = Omit<typeof webhookDeliveries.$inferSelect, "payload" | "endpointId" | "workspaceId">;

/** Keyset position in the log: the last entry of the previous page. */
export interface DeliveryLogCursor {
  createdAt: number;
  id: string;
}

export interface DeliveryLogQuery {
  status?: (typeof DELIVERY_STATUSES)[number];
  limit: number;
  after?: DeliveryLogCursor | null;
}

/** One page of an endpoint's delivery log, newest first; the endpoint must already be known to be the workspace's. */
export async function listDeliveries(d1: D1Database, workspaceId: string, endpointId: string, q: DeliveryLogQuery): Promise<DeliveryLogEntry[]> {
  const d = webhookDeliveries;
  const where: (SQL | undefined)[] = [eq(d.endpointId, endpointId), eq(d.workspaceId, workspaceId)];
  if (q.status) where.push(eq(d.status, q.status));
  if (q.after) where.push(or(lt(d.createdAt, q.after.createdAt), and(eq(d.createdAt, q.after.createdAt), lt(d.id, q.after.id))));
  return getDb(d1)
    .select({
      id: d.id,
      eventId: d.eventId,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      nextAttemptAt: d.nextAttemptAt,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
    })
    .from(d)
    .where(and(...where))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(q.limit)
    .all();
}
