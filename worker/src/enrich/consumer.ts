import { ProviderError } from "@sillage/shared/providers/types";
import type { Env } from "../env";
import { enrichRetryDelaySeconds, MAX_ENRICH_ATTEMPTS } from "./backoff";
import { enrichHit, markEnrichmentFailed } from "./enrich-hit";
import type { EnrichMessage } from "./message";
import { runRescoreSlice } from "../scoring/rescore-job";

function describe(err: unknown): string {
  if (err instanceof ProviderError) return `${err.provider} ${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Enrichment queue consumer. A failing hit is retried with exponential backoff (a provider's Retry-After is
 * honoured), then recorded as failed with the reason; it is never deleted or blocked.
 */
export async function consumeEnrichment(batch: MessageBatch<EnrichMessage>, env: Env): Promise<void> {
  for (const msg of batch.messages) {
    if ("rescoreJobId" in msg.body) {
      await runRescoreSlice(env, msg.body.rescoreJobId, Date.now()).then(
        () => msg.ack(),
        (err) => {
          console.error("rescore slice failed", err);
          msg.retry({ delaySeconds: enrichRetryDelaySeconds(msg.attempts) });
        },
      );
      continue;
    }
    const { hitId } = msg.body;
    try {
      await enrichHit(env, hitId, Date.now());
      msg.ack();
    } catch (err) {
      const reason = describe(err);
      const retryable = !(err instanceof ProviderError) || err.retryable;
      if (retryable && msg.attempts < MAX_ENRICH_ATTEMPTS) {
        const delay = enrichRetryDelaySeconds(msg.attempts, err instanceof ProviderError ? err.retryAfterSeconds : undefined);
        await env.DB.prepare(
          "UPDATE hits SET enrichment_attempts = ?, enrichment_reason = ?, enrichment_retry_at = ? WHERE id = ?",
        )
          .bind(msg.attempts, `retrying: ${reason}`.slice(0, 500), Date.now() + delay * 1000, hitId)
          .run()
          .catch(() => undefined); // bookkeeping only: the retry below matters more
        msg.retry({ delaySeconds: delay });
      } else {
        await markEnrichmentFailed(env, hitId, reason);
        msg.ack();
      }
    }
  }
}
