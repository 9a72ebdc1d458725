import { ProviderError } from "@sillage/shared/providers/types";
import { parseIp } from "@sillage/shared/network/ip";
import type { Env } from "../env";
import { enrichRetryDelaySeconds, MAX_ENRICH_ATTEMPTS } from "./backoff";
import { enrichLoadedHit, loadHitRows, markEnrichmentFailed, type HitRow } from "./enrich-hit";
import { groupedWrites, type HitWrites } from "./hit-writes";
import type { ContactCompanyJob, EnrichMessage } from "./message";
import { contactCompanyDue, contactCompanyFailed, settleContactCompany } from "../identify/contact-company";
import { prefetchLookups, type LookupNeed } from "../identify/network-lookups";
import { runRescoreSlice } from "../scoring/rescore-job";

type HitMessage = Message<{ hitId: string }>;

function describe(err: unknown): string {
  if (err instanceof ProviderError) return `${err.provider} ${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * A hit whose enrichment failed: retried with exponential backoff (a provider's Retry-After is honoured), then
 * recorded as failed with the reason. It is never deleted or blocked.
 */
async function enrichmentFailed(env: Env, msg: HitMessage, err: unknown): Promise<void> {
  const reason = describe(err);
  const retryable = !(err instanceof ProviderError) || err.retryable;
  const { hitId } = msg.body;
  if (retryable && msg.attempts < MAX_ENRICH_ATTEMPTS) {
    const delay = enrichRetryDelaySeconds(msg.attempts, err instanceof ProviderError ? err.retryAfterSeconds : undefined);
    await env.DB.prepare("UPDATE hits SET enrichment_attempts = ?, enrichment_reason = ?, enrichment_retry_at = ? WHERE id = ?")
      .bind(msg.attempts, `retrying: ${reason}`.slice(0, 500), Date.now() + delay * 1000, hitId)
      .run()
      .catch(() => undefined); // bookkeeping only: the retry below matters more
    msg.retry({ delaySeconds: delay });
    return;
  }
  try {
    await markEnrichmentFailed(env, hitId, reason, retryable);
    msg.ack();
  } catch {
    msg.retry({ delaySeconds: enrichRetryDelaySeconds(msg.attempts) });
  }
}

/** What the network look-ups of these hits will ask, so that one round trip answers them all. */
function lookupNeeds(rows: Iterable<HitRow>): LookupNeed[] {
  const needs: LookupNeed[] = [];
  for (const r of rows) {
    const ip = r.status === "pending" && r.ip ? parseIp(r.ip) : null;
    if (ip) needs.push({ workspaceId: r.workspaceId, ip, needsRange: !r.asn });
  }
  return needs;
}

/**
 * The hits of one batch: read together, their network look-ups prefetched together, their final writes
 * grouped into one transaction. A message is acknowledged only once its write is committed; when a grouped
 * write fails, every message in it is retried.
 */
async function enrichHits(env: Env, messages: HitMessage[]): Promise<void> {
  const now = Date.now();
  let rows: Map<string, HitRow>;
  let lookups: Awaited<ReturnType<typeof prefetchLookups>>;
  try {
    rows = await loadHitRows(
      env.DB,
      messages.map((m) => m.body.hitId),
    );
    lookups = await prefetchLookups(env.DB, lookupNeeds(rows.values()));
  } catch (err) {
    for (const msg of messages) await enrichmentFailed(env, msg, err);
    return;
  }

  const grouped = groupedWrites(env.DB);
  let inGroup: HitMessage[] = [];
  const writes: HitWrites = {
    add: grouped.add,
    async flush() {
      const members = inGroup;
      inGroup = [];
      try {
        await grouped.flush();
      } catch (err) {
        for (const msg of members) await enrichmentFailed(env, msg, err);
        throw err;
      }
      for (const msg of members) msg.ack();
    },
  };

  for (const msg of messages) {
    try {
      await enrichLoadedHit(env, rows.get(msg.body.hitId), now, { lookups, writes });
      inGroup.push(msg);
    } catch (err) {
      await enrichmentFailed(env, msg, err);
    }
  }
  await writes.flush().catch((err) => console.error("grouped enrichment write failed; its messages will be retried", err));
}

/**
 * A deferred contact's company: decided and its hits moved, or retried with the enrichment's backoff (its due time
 * recorded, for the cron job), then recorded as failed with the reason.
 */
async function contactCompany(env: Env, msg: Message<{ contactCompany: ContactCompanyJob }>): Promise<void> {
  const job = msg.body.contactCompany;
  try {
    await settleContactCompany(env, job, Date.now());
    msg.ack();
  } catch (err) {
    const retryable = !(err instanceof ProviderError) || err.retryable;
    try {
      if (retryable && msg.attempts < MAX_ENRICH_ATTEMPTS) {
        const delay = enrichRetryDelaySeconds(msg.attempts, err instanceof ProviderError ? err.retryAfterSeconds : undefined);
        await contactCompanyDue(env, job, Date.now() + delay * 1000);
        msg.retry({ delaySeconds: delay });
      } else {
        await contactCompanyFailed(env, job, describe(err), Date.now());
        msg.ack();
      }
    } catch {
      msg.retry({ delaySeconds: enrichRetryDelaySeconds(msg.attempts) });
    }
  }
}

/** Enrichment queue consumer: stored hits to enrich, deferred contacts' companies, and slices of rescoring jobs. */
export async function consumeEnrichment(batch: MessageBatch<EnrichMessage>, env: Env): Promise<void> {
  const hits: HitMessage[] = [];
  for (const msg of batch.messages) {
    if ("hitId" in msg.body) {
      hits.push(msg as HitMessage);
      continue;
    }
    if ("contactCompany" in msg.body) {
      await contactCompany(env, msg as Message<{ contactCompany: ContactCompanyJob }>);
      continue;
    }
    const { rescoreJobId } = msg.body;
    await runRescoreSlice(env, rescoreJobId, Date.now()).then(
      () => msg.ack(),
      (err) => {
        console.error("rescore slice failed", err);
        msg.retry({ delaySeconds: enrichRetryDelaySeconds(msg.attempts) });
      },
    );
  }
  if (hits.length) await enrichHits(env, hits);
}
