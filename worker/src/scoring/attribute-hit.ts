import { isLeadKind, type NetworkKind } from "@sillage/shared/network/kinds";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import type { Env } from "../env";
import { newId } from "../lib/ids";
import { loadCompany } from "../identify/company-store";
import { loadActiveModel } from "./active-model";
import { MAX_ATTEMPTS, scoreChange } from "./apply-to-lead";
import { attributionStatements, loadLeadRow } from "./lead-rows";
import { dispatchOutbox, OUTBOX_INSERT_SELECT, outboxRow } from "../webhooks/outbox";
import { leadTargetFor, type LeadTarget } from "./lead-target";
import { companyEvent, contactEvent, hitEvent, HIT_COLUMNS_FOR_SCORING, type HitRowForScoring } from "./scoring-events";
import { announcedEvents } from "./announce";

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
 * Claiming the hits, the new score, the transitions and the lead events (outbox) commit as one D1 batch, guarded
 * by the lead's revision and by the hits being unclaimed: a failure anywhere leaves nothing half-done, and a
 * redelivered hit is scored and announced exactly once.
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

  const { id: leadId } = await upsertLead(db, hit.workspaceId, target, now);
  const ws = await db.prepare("SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?").bind(hit.workspaceId).first<{ slaHours: number }>();
  const model = await loadActiveModel(db, hit.workspaceId);
  const company = hit.company ?? contactCompany;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = await loadLeadRow(db, leadId);
    if (!row) return;
    // The hit itself, and — when identify ties this browser to a contact — its earlier unattributed hits.
    const { results: rows } = await db
      .prepare(
        `SELECT ${HIT_COLUMNS_FOR_SCORING} FROM hits
          WHERE (id = ?1 AND lead_id IS NULL) OR (?2 = 1 AND visitor_id = ?3 AND lead_id IS NULL AND enrichment_status != 'pending')
          ORDER BY occurred_at LIMIT ${MAX_MERGED_HITS}`,
      )
      .bind(hit.id, contact ? 1 : 0, hit.visitorId)
      .all<HitRowForScoring>();
    if (!rows.length) return; // already attributed (a redelivered message)

    const events: ScoringEvent[] = [];
    // Company facts once per lead: when it has never been scored (a retry after a failed unit finds it so too).
    if (row.scoreState === null && (company || target.key.startsWith("org:"))) events.push(companyEvent(company, hit.networkKind, now));
    if (contact) events.push(contactEvent(contact, now));
    for (const r of rows) events.push(hitEvent(r));
    const change = scoreChange(model, row, events, ws?.slaHours ?? 48, now);

    // Claim, score, transitions and announcement: one batch, all or nothing (see attributionStatements).
    const { statements, ifWon } = attributionStatements(db, row, change, { writeId: newId("w"), hitIds: rows.map((r) => r.id) });
    const outbox = await Promise.all(
      announcedEvents(change.entries.map((e) => e.to)).map((event) => outboxRow({ workspaceId: hit.workspaceId, leadId, event, at: now }, now)),
    );
    for (const values of outbox) statements.push(ifWon(`${OUTBOX_INSERT_SELECT} WHERE {won}`, ...values));
    const [write] = await db.batch(statements);
    if (!write?.meta.changes) continue; // another writer moved the lead, or claimed one of these hits: read again
    // Announce now; if this fails, the cron dispatcher sends the committed outbox rows later.
    if (outbox.length) await dispatchOutbox(env, now, { ids: outbox.map((v) => v[0] as string) }).catch((err) => console.error("outbox dispatch", err));
    return;
  }
  throw new Error(`lead ${leadId}: too much contention while attributing`);
}

export async function upsertLead(db: D1Database, workspaceId: string, target: LeadTarget, now: number): Promise<{ id: string; created: boolean }> {
  const id = newId("lead");
  const row = await db
    .prepare(
      `INSERT INTO leads (id, workspace_id, key, siren, name, contact_id, status, status_changed_at, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, 'anonymous', ?, ?, ?)
       ON CONFLICT(workspace_id, key) DO UPDATE SET last_seen_at = max(last_seen_at, excluded.last_seen_at)
       RETURNING id`,
    )
    .bind(id, workspaceId, target.key, target.siren, target.name, target.contactId, now, now, now)
    .first<{ id: string }>();
  return { id: row!.id, created: row!.id === id };
}
