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
  for (const msg of batch.messages) {
    try {
      await ingest(env.DB, msg.body);
      msg.ack();
    } catch (err) {
      console.error("ingest failed, will retry", msg.body.requestId, err);
      msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
    }
  }
}
