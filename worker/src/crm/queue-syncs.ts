import type { Env } from "../env";
import type { CrmSyncEvent } from "../db/schema/crm-connections";
import type { CrmMessage } from "./message";
import { recordSyncEvents } from "./sync-events";

export interface CrmLeadEvent {
  workspaceId: string;
  leadId: string;
  event: string;
  eventId: string;
  at: number;
}

/**
 * A lead event reaches every enabled CRM connection of the workspace subscribed to it: one pending sync event
 * per connection (a repeat of the same event id adds nothing), then one queue message per new one. While a
 * connection is broken its events are recorded but not queued; fixing the token resumes them.
 */
export async function queueCrmSyncs(env: Env, e: CrmLeadEvent, now = Date.now()): Promise<number> {
  const { results } = await env.DB.prepare("SELECT id, events, state FROM crm_connections WHERE workspace_id = ? AND enabled = 1")
    .bind(e.workspaceId)
    .all<{ id: string; events: string; state: string }>();
  const subscribed = results.filter((c) => (JSON.parse(c.events) as CrmSyncEvent[]).includes(e.event as CrmSyncEvent));
  if (!subscribed.length) return 0;
  const created = await recordSyncEvents(
    env.DB,
    subscribed.map((c) => ({ connectionId: c.id, eventId: e.eventId, workspaceId: e.workspaceId, leadId: e.leadId, kind: e.event, at: e.at })),
    now,
  );
  const healthy = new Set(subscribed.filter((c) => c.state !== "broken").map((c) => c.id));
  await sendSyncs(
    env,
    created.filter((c) => healthy.has(c.connectionId)),
  );
  return created.length;
}

/** Queue messages for lead syncs, by batches of 100 (the Queues limit per sendBatch). */
export async function sendSyncs(env: Env, syncs: readonly { connectionId: string; leadId: string }[]): Promise<void> {
  for (let i = 0; i < syncs.length; i += 100) {
    const slice = syncs.slice(i, i + 100);
    await env.CRM.sendBatch(slice.map((s) => ({ body: { kind: "sync", connectionId: s.connectionId, leadId: s.leadId } satisfies CrmMessage })));
  }
}
