import type { NetworkCorrectionBody } from "@sillage/shared/api/networks";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { NetworkKind } from "@sillage/shared/network/kinds";
import type { Env } from "../env";
import type { KeyActor } from "../leads/actor";
import { newId } from "../lib/ids";
import { upsertLead } from "../scoring/attribute-hit";
import { leadTargetFor, type LeadTarget } from "../scoring/lead-target";
import { rescoreTouchedLeads } from "../scoring/rescore-touched";
import { loadCompanies } from "./company-store";
import { asnCorrectionReason } from "./identify-ip";

/**
 * One operation behind the lead correction ("wrong company?") and the review queue: a workspace says a network
 * (an ASN) is a given company, or an operator. It writes the workspace's overrides — read by every later
 * identification — then moves the network's past hits to the lead they now belong to and rescores every lead
 * they left or joined from its history.
 */

/** Hits moved per correction: far more than a company network sends a workspace; an operator's excess stays put. */
export const MAX_REATTRIBUTED_HITS = 5000;

export interface NetworkCorrection {
  workspaceId: string;
  asn: number;
  decision: NetworkCorrectionBody;
  /** The company a `company` decision names (the caller fetched it: a SIREN no register knows is refused). */
  company: Firmographics | null;
  actor: KeyActor;
  via: "lead correction" | "review queue";
  now: number;
}

export interface CorrectionOutcome {
  /** The lead that received most of the moved hits; null when they belong to no lead any more. */
  leadId: string | null;
  reattributedHits: number;
}

interface MovedHit {
  id: string;
  leadId: string | null;
  occurredAt: number;
  contactId: string | null;
  organization: string | null;
}

interface ContactRow {
  id: string;
  email: string;
  name: string | null;
  siren: string | null;
}

/** The override rows of a correction, replacing whatever the workspace said about this ASN before. */
function overrideStatements(db: D1Database, c: NetworkCorrection) {
  const kind: NetworkKind = c.decision.action === "company" ? "corporate" : c.decision.kind;
  const note = `${c.via} by ${c.actor.name} (${c.actor.id})`;
  const stmts = [
    db.prepare("DELETE FROM identity_overrides WHERE workspace_id = ? AND type = 'asn' AND value = ?").bind(c.workspaceId, String(c.asn)),
    db
      .prepare(
        `INSERT INTO network_overrides (workspace_id, asn, kind, note, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(workspace_id, asn) DO UPDATE SET kind = excluded.kind, note = excluded.note, created_at = excluded.created_at`,
      )
      .bind(c.workspaceId, c.asn, kind, note, c.now),
  ];
  if (c.decision.action === "company")
    stmts.push(
      db
        .prepare("INSERT INTO identity_overrides (id, workspace_id, type, value, siren, created_at) VALUES (?, ?, 'asn', ?, ?, ?)")
        .bind(newId("ovr"), c.workspaceId, String(c.asn), c.decision.siren, c.now),
    );
  return stmts;
}

/** What a moved hit's identification now says (the same values a fresh enrichment would store). */
function hitIdentity(c: NetworkCorrection) {
  if (c.decision.action === "company")
    return { kind: "corporate" as NetworkKind, siren: c.decision.siren, confidence: 1, reason: asnCorrectionReason(c.asn, c.decision.siren) };
  return { kind: c.decision.kind as NetworkKind, siren: null, confidence: 0, reason: `${c.decision.kind} network: workspace override for AS${c.asn}` };
}

export async function correctNetwork(env: Env, c: NetworkCorrection): Promise<CorrectionOutcome> {
  const db = env.DB;
  await db.batch(overrideStatements(db, c));

  // Hits an IP-range override named keep their company: that override is more specific than the ASN.
  const { results: hits } = await db
    .prepare(
      `SELECT id, lead_id AS leadId, occurred_at AS occurredAt, contact_id AS contactId, organization FROM hits
        WHERE workspace_id = ? AND asn = ? AND enrichment_status = 'done'
          AND (enrichment_reason IS NULL OR enrichment_reason NOT LIKE 'workspace override:%')
        ORDER BY occurred_at LIMIT ${MAX_REATTRIBUTED_HITS}`,
    )
    .bind(c.workspaceId, c.asn)
    .all<MovedHit>();
  if (!hits.length) return { leadId: null, reattributedHits: 0 };

  const targets = await targetsOf(db, c, hits);
  const identity = hitIdentity(c);
  // Each target lead is seen when the hits it receives were (their occurred_at), not when the correction ran.
  const byTarget = new Map<string, { target: LeadTarget; first: number; last: number }>();
  for (const h of hits) {
    const t = targets.get(h.id);
    if (!t) continue;
    const span = byTarget.get(t.key);
    if (!span) byTarget.set(t.key, { target: t, first: h.occurredAt, last: h.occurredAt });
    else [span.first, span.last] = [Math.min(span.first, h.occurredAt), Math.max(span.last, h.occurredAt)];
  }
  const leadOfTarget = new Map<string, string>();
  for (const [key, { target, first, last }] of byTarget) leadOfTarget.set(key, (await upsertLead(db, c.workspaceId, target, c.now, { first, last })).id);
  const byLead = new Map<string | null, string[]>();
  for (const h of hits) {
    const t = targets.get(h.id);
    const leadId = t ? leadOfTarget.get(t.key)! : null;
    byLead.set(leadId, [...(byLead.get(leadId) ?? []), h.id]);
  }
  await db.batch(
    [...byLead].map(([leadId, ids]) =>
      db
        .prepare(
          `UPDATE hits SET lead_id = ?, network_kind = ?, siren = ?, match_confidence = ?, enrichment_reason = ?
            WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))`,
        )
        .bind(leadId, identity.kind, identity.siren, identity.confidence, identity.reason, c.workspaceId, JSON.stringify(ids)),
    ),
  );

  const touched = new Set<string>([...hits.flatMap((h) => (h.leadId ? [h.leadId] : [])), ...leadOfTarget.values()]);
  await rescoreTouchedLeads(env, c.workspaceId, [...touched], c.now);

  let best: [string | null, number] = [null, 0];
  for (const [leadId, ids] of byLead) if (leadId && ids.length > best[1]) best = [leadId, ids.length];
  return { leadId: best[0], reattributedHits: hits.length };
}

/** The lead each moved hit belongs to under the account rule (leadTargetFor), contacts and their companies read at once. */
async function targetsOf(db: D1Database, c: NetworkCorrection, hits: readonly MovedHit[]): Promise<Map<string, LeadTarget | null>> {
  const contactIds = [...new Set(hits.flatMap((h) => (h.contactId ? [h.contactId] : [])))];
  const contacts = new Map<string, ContactRow>();
  if (contactIds.length) {
    const { results } = await db
      .prepare("SELECT id, email, name, siren FROM contacts WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))")
      .bind(c.workspaceId, JSON.stringify(contactIds))
      .all<ContactRow>();
    for (const r of results) contacts.set(r.id, r);
  }
  const contactCompanies = await loadCompanies(
    db,
    [...contacts.values()].flatMap((r) => (r.siren ? [r.siren] : [])),
  );
  const out = new Map<string, LeadTarget | null>();
  for (const h of hits) {
    const contact = h.contactId ? contacts.get(h.contactId) : undefined;
    out.set(
      h.id,
      leadTargetFor({
        company: c.company,
        organization: h.organization,
        organizationIsLead: c.decision.action === "company",
        contact: contact ? { ...contact, companyName: contact.siren ? (contactCompanies.get(contact.siren)?.name ?? null) : null } : null,
      }),
    );
  }
  return out;
}
