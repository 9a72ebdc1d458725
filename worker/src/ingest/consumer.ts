import type { Env } from "../env";
import type { CollectEnvelope } from "./envelope";
import { ingest, type IngestOutcome } from "./pipeline";
import { ingestBatch } from "./ingest-batch";

/** Exponential backoff for a message whose storage failed: 2 s, 4 s, … capped at 5 minutes. */
export const retryDelaySeconds = (attempts: number) => Math.min(300, 2 ** Math.max(1, attempts));

/**
 * Queue consumer for collected hits. The whole batch is ingested with grouped reads and one write transaction;
 * if that fails (one bad message must not hold back the others), each message is ingested on its own, in
 * order, and a failing one is retried alone, with backoff.
 */
export async function consumeHits(batch: MessageBatch<CollectEnvelope>, env: Env): Promise<void> {
  const stored: { body: { hitId: string } }[] = [];
  const keep = (outcome: IngestOutcome) => {
    if (outcome.stored) stored.push({ body: { hitId: outcome.hitId } });
  };
  try {
    const outcomes = await ingestBatch(env.DB, batch.messages.map((m) => m.body));
    outcomes.forEach(keep);
    batch.ackAll();
  } catch (err) {
    console.error(`batch ingestion failed (${batch.messages.length} messages); ingesting one by one`, err);
    for (const msg of batch.messages) {
      try {
        keep(await ingest(env.DB, msg.body));
        msg.ack();
      } catch (err) {
        console.error("ingest failed, will retry", msg.body.requestId, err);
        msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
      }
    }
  }
  // If this send fails, the hits are stored as pending and the cron job queues them later.
  for (let i = 0; i < stored.length; i += 100) await env.ENRICH.sendBatch(stored.slice(i, i + 100)).catch((err) => console.error("enrich enqueue failed", err));
}
