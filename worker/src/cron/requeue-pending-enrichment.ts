import type { Env } from "../env";

/**
 * A hit still pending this long after it arrived (or after its scheduled retry) has lost its queue message:
 * queue it again. Enrichment is idempotent, so a duplicate costs only a cache look-up.
 */
export const STALE_PENDING_MS = 10 * 60 * 1000;
const BATCH = 500;

export async function requeuePendingEnrichment(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id FROM hits WHERE enrichment_status = 'pending' AND received_at < ?1
        AND (enrichment_retry_at IS NULL OR enrichment_retry_at < ?1) ORDER BY received_at LIMIT ?2`,
  )
    .bind(now - STALE_PENDING_MS, BATCH)
    .all<{ id: string }>();
  for (let i = 0; i < results.length; i += 100) {
    await env.ENRICH.sendBatch(results.slice(i, i + 100).map((r) => ({ body: { hitId: r.id } })));
  }
  return results.length;
}

/**
 * Contacts whose company is still to be decided in the background (identify/contact-company.ts), well past their
 * due time: their queue message was lost. Settling is idempotent, so a duplicate costs one read.
 */
export async function requeueDeferredContacts(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id AS contactId, workspace_id AS workspaceId FROM contacts WHERE company_retry_at < ?1 ORDER BY company_retry_at LIMIT ?2`,
  )
    .bind(now - STALE_PENDING_MS, BATCH)
    .all<{ contactId: string; workspaceId: string }>();
  for (let i = 0; i < results.length; i += 100) {
    await env.ENRICH.sendBatch(results.slice(i, i + 100).map((job) => ({ body: { contactCompany: job } })));
  }
  return results.length;
}
