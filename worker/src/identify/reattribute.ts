import type { NetworkCorrectionBody } from "@sillage/shared/api/networks";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { NetworkKind } from "@sillage/shared/network/kinds";
import type { Env } from "../env";
import type { KeyActor } from "../leads/actor";
import { newId } from "../lib/ids";
import { loadActiveModel } from "../scoring/active-model";
import { announceLeadChange } from "../scoring/announce";
import { upsertLead } from "../scoring/attribute-hit";
import { leadTargetFor, type LeadTarget } from "../scoring/lead-target";
import { loadLeadRow, persistLeadChange } from "../scoring/lead-rows";
import { rescoreLeads } from "../scoring/rescore";
import { rescoreChange } from "../scoring/rescore-job";
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
      `SELECT id, lead_id AS leadId, contact_id AS contactId, organization FROM hits
        WHERE workspace_id = ? AND asn = ? AND enrichment_status = 'done'
          AND (enrichment_reason IS NULL OR enrichment_reason NOT LIKE 'workspace override:%')
        ORDER BY occurred_at LIMIT ${MAX_REATTRIBUTED_HITS}`,
    )
    .bind(c.workspaceId, c.asn)
    .all<MovedHit>();
  if (!hits.length) return { leadId: null, reattributedHits: 0 };

  const targets = await targetsOf(db, c, hits);
  const identity = hitIdentity(c);
  const leadOfTarget = new Map<string, string>();
  for (const target of new Set([...targets.values()].filter((t): t is LeadTarget => t !== null))) {
    if (!leadOfTarget.has(target.key)) leadOfTarget.set(target.key, (await upsertLead(db, c.workspaceId, target, c.now)).id);
  }
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

/** Each lead the hits left or joined, rescored from its history under the active model; a new status is announced. */
async function rescoreTouchedLeads(env: Env, workspaceId: string, leadIds: readonly string[], now: number): Promise<void> {
  const db = env.DB;
  if (!leadIds.length) return;
  const model = await loadActiveModel(db, workspaceId, { fresh: true });
  const ws = await db.prepare("SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?").bind(workspaceId).first<{ slaHours: number }>();
  const { results: refs } = await db
    .prepare(`SELECT id, siren, first_seen_at AS firstSeenAt FROM leads WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .bind(workspaceId, JSON.stringify(leadIds))
    .all<{ id: string; siren: string | null; firstSeenAt: number }>();
  for (const ref of refs) {
    // Guarded by revision like every score write: a lead the pipeline scores meanwhile is read and rescored again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await loadLeadRow(db, ref.id);
      if (!row) break;
      const [rescored] = await rescoreLeads(db, model, [{ ...ref, status: row.status as LeadStatus, qualified: row.qualified }], now);
      const change = rescoreChange(row, rescored!, model.version, ws?.slaHours ?? 48, now);
      const saved = await persistLeadChange(db, row, change);
      if (!saved) continue;
      await announceLeadChange(env, { lead: saved, entered: change.entries.map((e) => e.to), entries: change.entries }, { at: now });
      break;
    }
  }
}
