import type { Env } from "../env";
import type { CollectEnvelope } from "./envelope";
import { ingest } from "./pipeline";

/** Exponential backoff for a message whose storage failed: 2 s, 4 s, … capped at 5 minutes. */
export const retryDelaySeconds = (attempts: number) => Math.min(300, 2 ** Math.max(1, attempts));

/**
 * Queue consumer for collected hits. Messages are handled in order so that a visitor's hits in one batch
 * land in the same session; a failing message is retried alone, with backoff.
 */
export async function consumeHits(batch: MessageBatch<CollectEnvelope>, env: Env): Promise<void> {
  const stored: { body: { hitId: string } }[] = [];
  for (const msg of batch.messages) {
    try {
      const outcome = await ingest(env.DB, msg.body);
      if (outcome.stored) stored.push({ body: { hitId: outcome.hitId } });
      msg.ack();
    } catch (err) {
      console.error("ingest failed, will retry", msg.body.requestId, err);
      msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
    }
  }
  // If this send fails, the hits are stored as pending and the cron job queues them later.
  for (let i = 0; i < stored.length; i += 100) await env.ENRICH.sendBatch(stored.slice(i, i + 100)).catch((err) => console.error("enrich enqueue failed", err));
}
