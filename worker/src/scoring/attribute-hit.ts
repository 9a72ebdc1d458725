import { isLeadKind, type NetworkKind } from "@sillage/shared/network/kinds";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import type { Env } from "../env";
import { newId } from "../lib/ids";
import { loadCompany } from "../identify/company-store";
import { loadActiveModel } from "./active-model";
import { applyToLead } from "./apply-to-lead";
import { leadTargetFor, type LeadTarget } from "./lead-target";
import { companyEvent, contactEvent, hitEvent, HIT_COLUMNS_FOR_SCORING, type HitRowForScoring } from "./scoring-events";
import { announceLeadChange } from "./announce";

export interface EnrichedHit {
  id: string;
  workspaceId: string;
  contactId: string | null;
  visitorId: string;
  networkKind: NetworkKind | null;
  organization: string | null;
  company: Firmographics | null;
}

interface ContactRow {
  id: string;
  email: string;
  name: string | null;
  jobTitle: string | null;
  siren: string | null;
}

/** Earlier hits of a visitor that belonged to no lead (consumer ISP, before the form): merged on identify. */
const MAX_MERGED_HITS = 500;

/**
 * After enrichment: puts the hit in its lead (creating the lead when it is new), feeds the scoring engine with
 * the hit — plus the company and the contact when they are new to the lead — and lets the lifecycle react.
 */
export async function attributeHitToLead(env: Env, hit: EnrichedHit, now: number): Promise<void> {
  const db = env.DB;
  const contact = hit.contactId
    ? await db.prepare("SELECT id, email, name, job_title AS jobTitle, siren FROM contacts WHERE id = ?").bind(hit.contactId).first<ContactRow>()
    : null;
  const contactCompany = contact?.siren ? ((await loadCompany(db, contact.siren))?.company ?? null) : null;
  const target = leadTargetFor({
    company: hit.company,
    organization: hit.organization,
    organizationIsLead: hit.networkKind !== null && isLeadKind(hit.networkKind),
    contact: contact ? { ...contact, companyName: contactCompany?.name ?? null } : null,
  });
  if (!target) return;

  // The hit itself, and — when identify tied this browser to the contact — its earlier unattributed hits. Only a
  // tracker id ties a browser (visitors.contact_id): a cookieless visitor is hash(site, day, IP, UA), possibly
  // several colleagues, so there the identify hit alone is the contact's.
  const { results: rows } = await db
    .prepare(
      `SELECT ${HIT_COLUMNS_FOR_SCORING} FROM hits
        WHERE (id = ?1 AND lead_id IS NULL)
           OR (visitor_id = ?3 AND lead_id IS NULL AND enrichment_status != 'pending'
               AND EXISTS (SELECT 1 FROM visitors v WHERE v.id = ?3 AND v.contact_id = ?2))
        ORDER BY occurred_at LIMIT ${MAX_MERGED_HITS}`,
    )
    .bind(hit.id, contact?.id ?? null, hit.visitorId)
    .all<HitRowForScoring>();
  if (!rows.length) return; // already attributed (a redelivered message)

  // Rows come in time order: the lead was seen when its visitor came, not when enrichment got to the hits.
  const seen = { first: rows[0]!.occurredAt, last: rows[rows.length - 1]!.occurredAt };
  const { id: leadId, created } = await upsertLead(db, hit.workspaceId, target, now, seen);
  const ws = await db.prepare("SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?").bind(hit.workspaceId).first<{ slaHours: number }>();
  await db.batch(
    rows.map((r) => db.prepare("UPDATE hits SET lead_id = ? WHERE id = ? AND lead_id IS NULL").bind(leadId, r.id)),
  );

  const events: ScoringEvent[] = [];
  const company = hit.company ?? contactCompany;
  if (created && (company || target.key.startsWith("org:"))) events.push(companyEvent(company, hit.networkKind, now));
  if (contact) events.push(contactEvent(contact, now));
  for (const r of rows) events.push(hitEvent(r));

  const model = await loadActiveModel(db, hit.workspaceId);
  const change = await applyToLead(db, model, leadId, events, ws?.slaHours ?? 48, now);
  if (change) await announceLeadChange(env, change, { at: now });
}

/**
 * The lead of `target`, created when new. `seen` is the time span of the hits being attributed to it (their
 * `occurred_at`): first and last seen stay the earliest and latest visit whatever order hits are processed in.
 */
export async function upsertLead(
  db: D1Database,
  workspaceId: string,
  target: LeadTarget,
  now: number,
  seen: { first: number; last: number } = { first: now, last: now },
): Promise<{ id: string; created: boolean }> {
  const id = newId("lead");
  const row = await db
    .prepare(
      `INSERT INTO leads (id, workspace_id, key, siren, name, contact_id, status, status_changed_at, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, 'anonymous', ?, ?, ?)
       ON CONFLICT(workspace_id, key) DO UPDATE SET first_seen_at = min(first_seen_at, excluded.first_seen_at),
         last_seen_at = max(last_seen_at, excluded.last_seen_at)
       RETURNING id`,
    )
    .bind(id, workspaceId, target.key, target.siren, target.name, target.contactId, now, seen.first, seen.last)
    .first<{ id: string }>();
  return { id: row!.id, created: row!.id === id };
}
