import type { Env } from "../env";
import type { CollectEnvelope } from "./envelope";
import { runPipeline, type IngestResult, type StepTimings } from "./pipeline";
import { dispatchQuotaEvents } from "./quota-event";

/** Exponential backoff for a message whose storage failed: 2 s, 4 s, … capped at 5 minutes. */
export const retryDelaySeconds = (attempts: number) => Math.min(300, 2 ** Math.max(1, attempts));

/**
 * Queue consumer for collected hits. The whole batch is ingested with grouped reads and one write transaction;
 * if that fails (one bad message must not hold back the others), each message is ingested on its own, in
 * order, and a failing one is retried alone, with backoff. Each batch logs the time spent in each pipeline step.
 */
export async function consumeHits(batch: MessageBatch<CollectEnvelope>, env: Env): Promise<void> {
  const results: IngestResult[] = [];
  const timings: StepTimings = {};
  try {
    results.push(
      await runPipeline(
        env.DB,
        batch.messages.map((m) => m.body),
        timings,
      ),
    );
    batch.ackAll();
  } catch (err) {
    console.error(`batch ingestion failed (${batch.messages.length} messages); ingesting one by one`, err);
    for (const msg of batch.messages) {
      try {
        results.push(await runPipeline(env.DB, [msg.body], timings));
        msg.ack();
      } catch (err) {
        console.error("ingest failed, will retry", msg.body.requestId, err);
        msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
      }
    }
  }
  console.log(JSON.stringify({ msg: "ingest.steps", hits: batch.messages.length, ms: roundTimings(timings) }));

  const stored = results.flatMap((r) => r.outcomes).flatMap((o) => (o.stored ? [{ body: { hitId: o.hitId } }] : []));
  // If this send fails, the hits are stored as pending and the cron job queues them later.
  for (let i = 0; i < stored.length; i += 100) await env.ENRICH.sendBatch(stored.slice(i, i + 100)).catch((err) => console.error("enrich enqueue failed", err));

  await dispatchQuotaEvents(
    env,
    results.flatMap((r) => r.quotaReached),
    Date.now(),
  );
}

const roundTimings = (t: StepTimings) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 100) / 100]));
