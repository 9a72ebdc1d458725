import type { Env } from "../env";
import type { LeadEventType } from "@sillage/shared/api/delivered-lead";
import { deriveEventId } from "./event-id";
import type { SiteEvent } from "@sillage/shared/api/site-event";
import { emitLeadEvent, emitSiteEvent } from "./emit";
import type { WebhookMessage } from "./message";

export interface OutboxEvent {
  workspaceId: string;
  leadId: string;
  event: LeadEventType;
  /** When it happened (epoch ms): part of the event id, so a repeat of the same event is one row. */
  at: number;
}

/** Rows per dispatch round: one queue sendBatch (at most 100 messages) and one UPDATE. */
const DISPATCH_CHUNK = 100;

/** The row to write in the same batch as the change it announces (id = the event id deliveries will carry). */
export async function outboxRow(e: OutboxEvent, now: number): Promise<unknown[]> {
  return [await deriveEventId(e.leadId, e.event, e.at), e.workspaceId, e.leadId, e.event, e.at, now];
}

/** `INSERT OR IGNORE` of one outbox row (the values of outboxRow), to append a condition to: "… WHERE <cond>". */
export const OUTBOX_INSERT_SELECT = "INSERT OR IGNORE INTO lead_event_outbox (id, workspace_id, lead_id, event, at, created_at) SELECT ?, ?, ?, ?, ?, ?";

/**
 * Sends pending outbox rows (all, oldest first, up to `limit`; or just `ids`) to the WEBHOOKS queue and stamps
 * them dispatched. A crash between the send and the stamp sends them again later: the consumer's emit is
 * idempotent per event id, so that costs a look-up, never a second delivery. Returns how many were sent.
 */
export async function dispatchOutbox(env: Env, now: number, opts: { ids?: readonly string[]; limit?: number } = {}): Promise<number> {
  const limit = opts.limit ?? DISPATCH_CHUNK;
  let sent = 0;
  while (sent < limit) {
    const take = Math.min(DISPATCH_CHUNK, limit - sent);
    const { results } = opts.ids
      ? await env.DB.prepare("SELECT id FROM lead_event_outbox WHERE id IN (SELECT value FROM json_each(?)) AND dispatched_at IS NULL LIMIT ?")
          .bind(JSON.stringify(opts.ids), take)
          .all<{ id: string }>()
      : await env.DB.prepare("SELECT id FROM lead_event_outbox WHERE dispatched_at IS NULL ORDER BY created_at, id LIMIT ?").bind(take).all<{ id: string }>();
    if (!results.length) break;
    await env.WEBHOOKS.sendBatch(results.map((r) => ({ body: { leadEventId: r.id } satisfies WebhookMessage })));
    await env.DB.prepare("UPDATE lead_event_outbox SET dispatched_at = ? WHERE id IN (SELECT value FROM json_each(?))")
      .bind(now, JSON.stringify(results.map((r) => r.id)))
      .run();
    sent += results.length;
    if (results.length < take) break;
  }
  return sent;
}

/** Queue side: one outbox row becomes the deliveries of its event (none twice, whatever the repeats). */
export async function emitOutboxEvent(env: Env, eventId: string): Promise<void> {
  const row = await env.DB.prepare("SELECT workspace_id AS workspaceId, lead_id AS leadId, event, at, data FROM lead_event_outbox WHERE id = ?")
    .bind(eventId)
    .first<OutboxEvent & { data: string | null }>();
  if (!row) return;
  if (row.event === ("site.quota_reached" as string)) return emitOutboxSiteEvent(env, row.workspaceId, row.at, row.data);
  await emitLeadEvent(env, { workspaceId: row.workspaceId, leadId: row.leadId, event: row.event, at: row.at, eventId });
}

/** A site event's row: its data as written, with the site's current name (a deleted site is announced no more). */
async function emitOutboxSiteEvent(env: Env, workspaceId: string, at: number, data: string | null): Promise<void> {
  if (!data) return;
  const d = JSON.parse(data) as Omit<SiteEvent["data"], "site"> & { site: Omit<SiteEvent["data"]["site"], "name"> };
  const site = await env.DB.prepare("SELECT name FROM sites WHERE id = ? AND workspace_id = ?").bind(d.site.id, workspaceId).first<{ name: string }>();
  if (site) await emitSiteEvent(env, { workspaceId, event: "site.quota_reached", at, data: { ...d, site: { ...d.site, name: site.name } } });
}
