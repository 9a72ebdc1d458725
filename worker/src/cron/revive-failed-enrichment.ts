import { ProviderError } from "@sillage/shared/providers/types";
import type { Env } from "../env";
import { REVIVAL_MAX_AGE_MS } from "../enrich/second-life";
import { providerChain } from "../identify/providers";
import { STALE_PENDING_MS } from "./requeue-pending-enrichment";

/** Second lives given per cron run (every 5 min): slow on purpose, so a recovering provider is not flooded. */
export const REVIVALS_PER_RUN = 100;
/** A SIREN any register knows (Danone): one look-up tells whether the provider answers again. */
const PROBE_SIREN = "552032534";

/** Whether the shared register answers now (a refusal is an answer; an outage or a rate limit is not). */
async function registerAnswers(env: Env): Promise<boolean> {
  const [register] = providerChain(env, ["recherche-entreprises"], "sillage:cron");
  try {
    await register!.bySiren(PROBE_SIREN);
    return true;
  } catch (err) {
    if (err instanceof ProviderError && err.retryable) return false;
    return true;
  }
}

/**
 * Failed enrichments whose second life is due (enrich/second-life.ts) are queued again, oldest due first, once
 * the register answers; those past the age limit are given up for good (their raw IP erased unless kept).
 * Returns how many were queued.
 */
export async function reviveFailedEnrichment(env: Env, now: number): Promise<number> {
  await env.DB.prepare(
    `UPDATE hits SET enrichment_retry_at = NULL,
            ip = CASE WHEN (SELECT keep_raw_ip FROM workspaces WHERE id = hits.workspace_id) THEN ip ELSE NULL END
      WHERE rowid IN (SELECT rowid FROM hits WHERE enrichment_status = 'failed' AND received_at <= ?1 AND enrichment_retry_at IS NOT NULL LIMIT 1000)`,
  )
    .bind(now - REVIVAL_MAX_AGE_MS)
    .run();

  const due = await env.DB.prepare(
    `SELECT 1 FROM hits WHERE enrichment_status = 'failed' AND enrichment_retry_at IS NOT NULL AND enrichment_retry_at <= ?1 LIMIT 1`,
  )
    .bind(now)
    .first();
  if (!due || !(await registerAnswers(env))) return 0;

  // Claimed in one statement (pending again, one more revival), so two overlapping runs never queue a hit twice;
  // its retry time tells requeuePendingEnrichment that the queue has it.
  const { results } = await env.DB.prepare(
    `UPDATE hits SET enrichment_status = 'pending', enrichment_revivals = enrichment_revivals + 1, enrichment_retry_at = ?1 + ?3,
            enrichment_attempts = 0, enrichment_reason = 'second life: queued again after the provider recovered'
      WHERE id IN (SELECT id FROM hits WHERE enrichment_status = 'failed' AND enrichment_retry_at IS NOT NULL AND enrichment_retry_at <= ?1
                    ORDER BY enrichment_retry_at LIMIT ?2)
      RETURNING id`,
  )
    .bind(now, REVIVALS_PER_RUN, STALE_PENDING_MS)
    .all<{ id: string }>();
  // If sending fails, the hits are pending: requeuePendingEnrichment queues them on a later run.
  for (let i = 0; i < results.length; i += 100) {
    await env.ENRICH.sendBatch(results.slice(i, i + 100).map((r) => ({ body: { hitId: r.id } })));
  }
  return results.length;
}
