import type { Env } from "../env";
import type { WebhookMessage } from "./message";

/** A pending delivery this late past its due time has lost its queue message. */
export const STALLED_AFTER_MS = 15 * 60_000;
const BATCH = 100;

/**
 * Cron safety net (meant for the 5-minute trigger): re-queues pending deliveries whose message was lost — the
 * worker died between inserting the row and sending the message, or a message ran out of queue retries.
 * Pushing `next_attempt_at` first keeps the next cron pass from queueing the same rows again. A duplicate
 * message is harmless: the consumer's claim lets only one of them send.
 */
export async function requeueStalledDeliveries(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at < ?) ORDER BY next_attempt_at LIMIT ?",
  )
    .bind(now - STALLED_AFTER_MS, BATCH)
    .all<{ id: string }>();
  if (results.length === 0) return 0;
  await env.DB.batch(results.map((r) => env.DB.prepare("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?").bind(now, r.id)));
  await env.WEBHOOKS.sendBatch(results.map((r) => ({ body: { deliveryId: r.id } satisfies WebhookMessage })));
  return results.length;
}
