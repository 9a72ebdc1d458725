import { isLeadKind, type NetworkKind } from "@sillage/shared/network/kinds";
import { ProviderError, type FirmographicsProvider } from "@sillage/shared/providers/types";
import type { Env } from "../env";
import { enrichRetryDelaySeconds } from "../enrich/backoff";
import type { ContactCompanyJob } from "../enrich/message";
import { upsertLead } from "../scoring/attribute-hit";
import { leadTargetFor } from "../scoring/lead-target";
import { rescoreTouchedLeads } from "../scoring/rescore-touched";
import { loadCompany } from "./company-store";
import { identifyEmailDomain } from "./email-domain";
import { workspaceProviders } from "./providers";

/**
 * Score now, refine later. A contact's company comes from its e-mail domain, which may need a register call. When
 * the register is unreachable and the hit's network already names a lead, the hit is not held: it is attributed and
 * scored from its network at once, and the domain is resolved in the background (a queue message, retried like an
 * enrichment; the cron job re-queues a lost one). Once decided, a company other than the network's takes the
 * contact's hits to its own lead (the leads they leave and join are rescored from their histories); the same company
 * changes nothing but the contact's company.
 */

/** Hits moved per contact: far more than one person sends a workspace. */
const MAX_MOVED_HITS = 5000;

/**
 * Before a hit of a contact is attributed: decide the contact's company, or — provider down, and the network names a
 * lead — leave it to the background. Any other failure propagates (the hit is retried, as before).
 */
export async function decideContactCompany(
  env: Env,
  providers: readonly FirmographicsProvider[],
  job: ContactCompanyJob,
  networkNamesLead: boolean,
  now: number,
): Promise<void> {
  const state = await env.DB.prepare(
    "SELECT siren IS NOT NULL OR company_reason IS NOT NULL AS decided, company_retry_at AS retryAt FROM contacts WHERE id = ?",
  )
    .bind(job.contactId)
    .first<{ decided: number; retryAt: number | null }>();
  if (!state || state.decided) return;
  // Already left to the background: a hit its network places costs no provider call of its own.
  if (state.retryAt !== null && networkNamesLead) return;
  try {
    await identifyEmailDomain(env.DB, providers, job.workspaceId, job.contactId, now);
  } catch (err) {
    if (!networkNamesLead || !(err instanceof ProviderError && err.retryable)) throw err;
    await scheduleContactCompany(env, job, now, 1, err.retryAfterSeconds);
    return;
  }
  // Decided now: the hits the contact's browser sent before the form join its company too.
  await placeContactHits(env, job, now);
}

/** Whether an identified network names the hit's lead by itself (a company, or a lead-kind organisation). */
export function networkNamesLead(result: { company: unknown; network: { kind: NetworkKind; organization: string | null } } | null): boolean {
  return !!result && (result.company !== null || (result.network.organization !== null && isLeadKind(result.network.kind)));
}

/** Defers the contact's company to the background: its due time recorded (what the cron job re-queues from), then queued. */
async function scheduleContactCompany(env: Env, job: ContactCompanyJob, now: number, attempt: number, retryAfterSeconds?: number): Promise<void> {
  const delay = enrichRetryDelaySeconds(attempt, retryAfterSeconds);
  await contactCompanyDue(env, job, now + delay * 1000);
  await env.ENRICH.send({ contactCompany: job }, { delaySeconds: delay });
}

/** When the next attempt on a deferred contact is due. */
export async function contactCompanyDue(env: Env, job: ContactCompanyJob, at: number): Promise<void> {
  await env.DB.prepare("UPDATE contacts SET company_retry_at = ? WHERE id = ? AND workspace_id = ?").bind(at, job.contactId, job.workspaceId).run();
}

/**
 * The background work of a deferred contact: decide its company (a provider failure throws, for the queue to retry),
 * move its hits, then mark it settled. Redelivered after it settled, it does nothing; after a failure midway, it
 * does again what is left (moving is idempotent, rescoring from history too).
 */
export async function settleContactCompany(env: Env, job: ContactCompanyJob, now: number): Promise<void> {
  const db = env.DB;
  const row = await db
    .prepare("SELECT company_retry_at AS retryAt FROM contacts WHERE id = ? AND workspace_id = ?")
    .bind(job.contactId, job.workspaceId)
    .first<{ retryAt: number | null }>();
  if (!row || row.retryAt === null) return;
  await identifyEmailDomain(db, await workspaceProviders(env, job.workspaceId), job.workspaceId, job.contactId, now);
  await placeContactHits(env, job, now);
  await db.prepare("UPDATE contacts SET company_retry_at = NULL WHERE id = ?").bind(job.contactId).run();
}

/** After the last attempt: no company from the domain (the hits stay with their network), with the reason. */
export async function contactCompanyFailed(env: Env, job: ContactCompanyJob, reason: string, now: number): Promise<void> {
  // A company already decided only needs its hits moved: the cron job tries that again in an hour.
  await env.DB.prepare(
    `UPDATE contacts SET company_reason = CASE WHEN siren IS NULL THEN coalesce(company_reason, ?1) ELSE company_reason END,
            company_retry_at = CASE WHEN siren IS NULL THEN NULL ELSE ?2 END
      WHERE id = ?3 AND workspace_id = ?4 AND company_retry_at IS NOT NULL`,
  )
    .bind(`failed: ${reason}`.slice(0, 500), now + 3600_000, job.contactId, job.workspaceId)
    .run();
}

interface ContactHit {
  id: string;
  leadId: string;
  occurredAt: number;
  siren: string | null;
  organization: string | null;
  networkKind: NetworkKind | null;
}

/**
 * Once a contact's company is decided, the contact's hits already attributed elsewhere — placed by their network
 * before the form, or while the domain was being resolved — go to the lead of that company (the account rule,
 * lead-target.ts), and the leads they leave and join are rescored from their histories. No company: they stay.
 */
async function placeContactHits(env: Env, job: ContactCompanyJob, now: number): Promise<void> {
  const db = env.DB;
  const contact = await db
    .prepare("SELECT id, email, name, siren FROM contacts WHERE id = ?")
    .bind(job.contactId)
    .first<{ id: string; email: string; name: string | null; siren: string | null }>();
  if (!contact?.siren) return; // no company from the domain: the network's leads keep the hits
  const { results: hits } = await db
    .prepare(
      `SELECT id, lead_id AS leadId, occurred_at AS occurredAt, siren, organization, network_kind AS networkKind FROM hits
        WHERE workspace_id = ? AND contact_id = ? AND lead_id IS NOT NULL ORDER BY occurred_at LIMIT ${MAX_MOVED_HITS}`,
    )
    .bind(job.workspaceId, job.contactId)
    .all<ContactHit>();
  if (!hits.length) return;

  const companyName = (await loadCompany(db, contact.siren))?.company.name ?? null;
  const target = leadTargetFor({ company: null, organization: null, organizationIsLead: false, contact: { ...contact, companyName } })!;
  // The leads these hits' networks name: where they were placed. Derived from the hits themselves, so a retry after
  // a failure between the move and the rescoring still finds the lead they left.
  const networkKeys = new Set<string>();
  for (const h of hits) {
    const own = leadTargetFor({
      company: h.siren ? { siren: h.siren, name: null } : null,
      organization: h.organization,
      organizationIsLead: h.networkKind !== null && isLeadKind(h.networkKind),
      contact: null,
    });
    if (own && own.key !== target.key) networkKeys.add(own.key);
  }
  const leftLeads = networkKeys.size
    ? (
        await db
          .prepare("SELECT id FROM leads WHERE workspace_id = ? AND key IN (SELECT value FROM json_each(?))")
          .bind(job.workspaceId, JSON.stringify([...networkKeys]))
          .all<{ id: string }>()
      ).results.map((r) => r.id)
    : [];
  const existing = await db.prepare("SELECT id FROM leads WHERE workspace_id = ? AND key = ?").bind(job.workspaceId, target.key).first<{ id: string }>();
  const moving = hits.filter((h) => h.leadId !== existing?.id);
  // Same company as the network's, and nothing moved before: nothing changes but the contact's company.
  if (!moving.length && !leftLeads.length) return;

  const seen = { first: hits[0]!.occurredAt, last: hits[hits.length - 1]!.occurredAt };
  const { id: leadId } = await upsertLead(db, job.workspaceId, target, now, seen);
  if (moving.length)
    await db
      .prepare("UPDATE hits SET lead_id = ? WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?)) AND lead_id IS NOT NULL")
      .bind(leadId, job.workspaceId, JSON.stringify(moving.map((h) => h.id)))
      .run();
  const touched = new Set([leadId, ...leftLeads, ...moving.map((h) => h.leadId)]);
  await rescoreTouchedLeads(env, job.workspaceId, [...touched], now);
}
