import type { Env } from "../env";
import { identifyIp, InvalidIpError, type IdentifyResult } from "../identify/identify-ip";
import type { NetworkLookups } from "../identify/network-lookups";
import { providerChain } from "../identify/providers";
import { decideContactCompany, networkNamesLead } from "../identify/contact-company";
import { attributeHitToLead } from "../scoring/attribute-hit";
import { recordVisitEstablishment } from "../identify/visit-establishment";
import type { HitWrites } from "./hit-writes";
import { SECOND_LIFE_AT_SQL } from "./second-life";

export interface HitRow {
  id: string;
  visitorId: string;
  workspaceId: string;
  type: string;
  ip: string | null;
  asn: number | null;
  asOrganization: string | null;
  contactId: string | null;
  status: string;
  keepRawIp: number;
  providerChain: string | null;
  /** Cloudflare's place of the visit (JSON), erased with the raw IP. */
  visitLocation: string | null;
}

export type EnrichOutcome = "done" | "skipped" | "not_pending";

const HIT_ROW_SQL = `SELECT h.id, h.visitor_id AS visitorId, h.workspace_id AS workspaceId, h.type, h.ip, h.asn, h.as_organization AS asOrganization,
            h.contact_id AS contactId, h.enrichment_status AS status, w.keep_raw_ip AS keepRawIp, w.provider_chain AS providerChain,
            h.visit_location AS visitLocation
       FROM hits h JOIN workspaces w ON w.id = h.workspace_id`;

/** The hits of a queue batch, in one query. */
export async function loadHitRows(db: D1Database, hitIds: readonly string[]): Promise<Map<string, HitRow>> {
  const { results } = await db.prepare(`${HIT_ROW_SQL} WHERE h.id IN (SELECT value FROM json_each(?1))`).bind(JSON.stringify(hitIds)).all<HitRow>();
  return new Map(results.map((r) => [r.id, r]));
}

/**
 * Identify and enrich one stored hit: network and company from its IP, and for an identify hit the contact's
 * company from its e-mail domain. Then the raw IP is erased unless the workspace keeps it.
 * Throws on provider or storage failure: the consumer decides between retry and "failed".
 *
 * The final write goes through `writes`, which a queue batch groups into one transaction. A hit that may
 * belong to a lead first flushes what is grouped: attribution reads earlier hits' enrichment status.
 */
export async function enrichLoadedHit(
  env: Env,
  hit: HitRow | null | undefined,
  now: number,
  io: { lookups: NetworkLookups; writes: HitWrites },
): Promise<EnrichOutcome> {
  if (!hit || hit.status !== "pending") return "not_pending";
  const providers = providerChain(env, hit.providerChain ? (JSON.parse(hit.providerChain) as string[]) : null, hit.workspaceId);

  let result: IdentifyResult | null = null;
  let skipReason: string | null = null;
  if (!hit.ip) skipReason = "no IP address";
  else {
    try {
      result = await identifyIp({
        db: env.DB,
        providers,
        workspaceId: hit.workspaceId,
        ip: hit.ip,
        cf: { asn: hit.asn, asOrganization: hit.asOrganization },
        now,
        lookups: io.lookups,
      });
    } catch (err) {
      if (!(err instanceof InvalidIpError)) throw err;
      skipReason = err.message;
    }
  }

  // Any hit of a known contact may arrive here before the identify hit itself: decide the contact's company before
  // attributing. A domain the register cannot answer for now does not hold a hit its network already places.
  if (hit.contactId) await decideContactCompany(env, providers, { workspaceId: hit.workspaceId, contactId: hit.contactId }, networkNamesLead(result), now);

  // Attribution first: if it fails, the retried message finds the hit still pending and does it again.
  const mayHaveLead = hit.contactId !== null || networkNamesLead(result);
  if (mayHaveLead) {
    await io.writes.flush();
    await attributeHitToLead(
      env,
      {
        id: hit.id,
        workspaceId: hit.workspaceId,
        contactId: hit.contactId,
        visitorId: hit.visitorId,
        networkKind: result?.network.kind ?? null,
        organization: result?.network.organization ?? null,
        company: result?.company ?? null,
      },
      now,
    );
    if (result?.company && hit.visitLocation) await recordVisitEstablishment(env.DB, providers, hit.id, result.company.siren, JSON.parse(hit.visitLocation));
  }
  await io.writes.add(
    env.DB.prepare(
      `UPDATE hits SET enrichment_status = ?, enrichment_reason = ?, network_kind = ?, organization = ?, asn = coalesce(?, asn),
              siren = ?, match_confidence = ?, ip = CASE WHEN ?8 THEN ip ELSE NULL END,
              visit_location = CASE WHEN ?8 THEN visit_location ELSE NULL END
        WHERE id = ?9`,
    ).bind(
      result ? "done" : "skipped",
      result ? result.reason : skipReason,
      result?.network.kind ?? null,
      result?.network.organization ?? null,
      result?.network.asn ?? null,
      result?.company?.siren ?? null,
      result?.confidence ?? null,
      hit.keepRawIp ? 1 : 0,
      hit.id,
    ),
  );
  return result ? "done" : "skipped";
}

/**
 * After the last attempt: the hit stays, with why enrichment gave up. A retryable failure (provider down or
 * rate-limiting) may get a second life (second-life.ts), so its raw IP stays until then; otherwise it goes
 * unless the workspace keeps it.
 */
export async function markEnrichmentFailed(env: Env, hitId: string, reason: string, retryable = false, now = Date.now()): Promise<void> {
  await env.DB.prepare(
    `UPDATE hits SET enrichment_status = 'failed', enrichment_reason = ?3, enrichment_retry_at = ${SECOND_LIFE_AT_SQL},
            ip = CASE WHEN (SELECT keep_raw_ip FROM workspaces WHERE id = hits.workspace_id) OR (${SECOND_LIFE_AT_SQL}) IS NOT NULL
                      THEN ip ELSE NULL END,
            visit_location = CASE WHEN (SELECT keep_raw_ip FROM workspaces WHERE id = hits.workspace_id) OR (${SECOND_LIFE_AT_SQL}) IS NOT NULL
                      THEN visit_location ELSE NULL END
      WHERE id = ?4 AND enrichment_status = 'pending'`,
  )
    .bind(retryable ? 1 : 0, now, reason.slice(0, 500), hitId)
    .run();
}
