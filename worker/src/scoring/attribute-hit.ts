import { isLeadKind, type NetworkKind } from "@sillage/shared/network/kinds";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import type { Env } from "../env";
import { newId } from "../lib/ids";
import { loadCompany } from "../identify/company-store";
import { loadActiveModel } from "./active-model";
import { MAX_ATTEMPTS, scoreChange } from "./score-change";
import { attributionStatements, loadLeadRow } from "./lead-rows";
import { leadTargetFor, type LeadTarget } from "./lead-target";
import { companyEvent, contactEvent, hitEvent, HIT_COLUMNS_FOR_SCORING, type HitRowForScoring } from "./scoring-events";
import { announceIfWon } from "./announce";
import { workspaceSlaHours } from "../members/workspaces-store";

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
  /** Why the contact has (no) company; null while its e-mail domain is still being resolved. */
  reason: string | null;
}

/** Earlier hits of a visitor that belonged to no lead (consumer ISP, before the form): merged on identify. */
const MAX_MERGED_HITS = 500;

/**
 * After enrichment: puts the hit in its lead (creating the lead when it is new), feeds the scoring engine with
 * the hit — plus the company and the contact when they are new to the lead — and lets the lifecycle react.
 * Claiming the hits, the new score, the transitions and the lead events (outbox) commit as one D1 batch, guarded
 * by the lead's revision and by the hits being unclaimed: a failure anywhere leaves nothing half-done, and a
 * redelivered hit is scored and announced exactly once.
 */
export async function attributeHitToLead(env: Env, hit: EnrichedHit, now: number): Promise<void> {
  const db = env.DB;
  const contact = hit.contactId
    ? await db
        .prepare("SELECT id, email, name, job_title AS jobTitle, siren, company_reason AS reason FROM contacts WHERE id = ?")
        .bind(hit.contactId)
        .first<ContactRow>()
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
  const unattributed = async () =>
    (
      await db
        .prepare(
          `SELECT ${HIT_COLUMNS_FOR_SCORING} FROM hits
            WHERE (id = ?1 AND lead_id IS NULL)
               OR (visitor_id = ?3 AND lead_id IS NULL AND enrichment_status != 'pending'
                   AND EXISTS (SELECT 1 FROM visitors v WHERE v.id = ?3 AND v.contact_id = ?2))
            ORDER BY occurred_at LIMIT ${MAX_MERGED_HITS}`,
        )
        .bind(hit.id, contact?.id ?? null, hit.visitorId)
        .all<HitRowForScoring>()
    ).results;
  let rows = await unattributed();
  if (!rows.length) return; // already attributed (a redelivered message)

  // Rows come in time order: the lead was seen when its visitor came, not when enrichment got to the hits.
  const seen = { first: rows[0]!.occurredAt, last: rows[rows.length - 1]!.occurredAt };
  const { id: leadId } = await upsertLead(db, hit.workspaceId, target, now, seen);
  const slaHours = await workspaceSlaHours(db, hit.workspaceId);
  const model = await loadActiveModel(db, hit.workspaceId);
  // The lead's company: the contact's when its e-mail named the lead, else the network's.
  const company = contact?.siren && target.siren === contact.siren ? contactCompany : hit.company;
  // Placed by the network while the contact's e-mail domain is still being resolved (enrich-hit.ts defers it).
  const undecidedContactId = contact && !contact.siren && !contact.reason ? contact.id : null;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = await loadLeadRow(db, leadId);
    if (!row) return;
    if (attempt > 0) rows = await unattributed(); // the last write lost: what is left to claim?
    if (!rows.length) return;

    const events: ScoringEvent[] = [];
    // Company facts once per lead: when it has never been scored (a retry after a failed unit finds it so too).
    if (row.scoreState === null && (company || target.key.startsWith("org:"))) events.push(companyEvent(company, hit.networkKind, now));
    if (contact) events.push(contactEvent(contact, now));
    for (const r of rows) events.push(hitEvent(r));
    const change = scoreChange(model, row, events, slaHours, now);

    // Claim, score, transitions and announcement: one batch, all or nothing (see attributionStatements).
    const { statements, ifWon } = attributionStatements(db, row, change, { writeId: newId("w"), hitIds: rows.map((r) => r.id), undecidedContactId });
    const announce = await announceIfWon(
      env,
      ifWon,
      { workspaceId: hit.workspaceId, id: leadId },
      change.entries.map((e) => e.to),
      now,
    );
    statements.push(...announce.statements);
    const [write] = await db.batch(statements);
    if (!write?.meta.changes) {
      // The contact's company was decided meanwhile: its lead may be another one, so start over from the contact.
      if (undecidedContactId && (await contactDecided(db, undecidedContactId))) return attributeHitToLead(env, hit, now);
      continue; // another writer moved the lead, or claimed one of these hits: read again
    }
    await announce.dispatch();
    return;
  }
  throw new Error(`lead ${leadId}: too much contention while attributing`);
}

async function contactDecided(db: D1Database, contactId: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT siren IS NOT NULL OR company_reason IS NOT NULL AS decided FROM contacts WHERE id = ?")
    .bind(contactId)
    .first<{ decided: number }>();
  return !!row?.decided;
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
