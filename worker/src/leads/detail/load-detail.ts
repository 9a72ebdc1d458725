import type { LeadRecord } from "../find-lead";
import type { ClaimRow, ContactRow, DetailRows, LinkRow, NoteRow, TimelineRow, TransitionRow } from "./detail-rows";

export const TIMELINE_LIMIT = 200;
const CONTACTS_LIMIT = 50;
const CLAIMS_LIMIT = 200;

/**
 * The lead and the leads merged into it: their hits, notes, history and links belong to the surviving lead,
 * whether or not the merge moved the rows. ?1 = workspace, ?2 = lead id.
 */
const LEAD_IDS = "(SELECT id FROM leads WHERE workspace_id = ?1 AND (id = ?2 OR merged_into = ?2))";

const COMPANY = "SELECT record FROM companies WHERE siren = ?";

/** Contacts seen on the lead's hits or visitors, its own contact, and the people whose e-mail names its company. */
const CONTACTS = `SELECT c.id, c.name, c.email, c.job_title AS jobTitle, c.phone, c.linkedin_url AS linkedinUrl FROM contacts c
  WHERE c.workspace_id = ?1 AND (
    c.id IN (SELECT contact_id FROM leads WHERE workspace_id = ?1 AND (id = ?2 OR merged_into = ?2) AND contact_id IS NOT NULL)
    OR c.id IN (SELECT h.contact_id FROM hits h WHERE h.lead_id IN ${LEAD_IDS} AND h.contact_id IS NOT NULL)
    OR c.id IN (SELECT v.contact_id FROM visitors v WHERE v.workspace_id = ?1 AND v.contact_id IS NOT NULL
                  AND v.id IN (SELECT h.visitor_id FROM hits h WHERE h.lead_id IN ${LEAD_IDS}))
    OR (?3 IS NOT NULL AND c.siren = ?3))
  ORDER BY c.updated_at DESC LIMIT ${CONTACTS_LIMIT}`;

/** What later identifies claimed for those contacts (never applied to them). */
const CLAIMS = `SELECT contact_id AS contactId, field, value, count, first_claimed_at AS firstClaimedAt, last_claimed_at AS lastClaimedAt
  FROM contact_claims WHERE workspace_id = ?1 AND contact_id IN (SELECT id FROM (${CONTACTS}))
  ORDER BY last_claimed_at DESC LIMIT ${CLAIMS_LIMIT}`;

/** Engagement beacons only add time to their page view (engaged_ms): they are not visits of their own. */
const TIMELINE = `SELECT url, path, title, type, name, occurred_at AS occurredAt, engaged_ms AS engagedMs, visitor_id AS visitorId
  FROM hits WHERE lead_id IN ${LEAD_IDS} AND workspace_id = ?1 AND type <> 'engagement'
  ORDER BY occurred_at DESC, rowid DESC LIMIT ${TIMELINE_LIMIT}`;

const NOTES = `SELECT id, body, author_name AS authorName, created_at AS createdAt FROM lead_notes
  WHERE lead_id IN ${LEAD_IDS} AND workspace_id = ?1 ORDER BY created_at DESC, rowid DESC`;

const TRANSITIONS = `SELECT from_status AS fromStatus, to_status AS toStatus, actor, reason_code AS reasonCode, note, at
  FROM lead_transitions WHERE lead_id IN ${LEAD_IDS} AND workspace_id = ?1 ORDER BY at, rowid`;

const LINKS = `SELECT id, kind, value, created_by AS createdBy, created_at AS createdAt FROM lead_links
  WHERE lead_id IN ${LEAD_IDS} AND workspace_id = ?1 ORDER BY created_at DESC, rowid DESC`;

/** Only organisations are worth showing as "visited from": a consumer ISP says nothing about the lead. */
const NETWORK_KIND = `SELECT network_kind AS kind FROM hits
  WHERE lead_id IN ${LEAD_IDS} AND workspace_id = ?1 AND network_kind IN ('corporate', 'education', 'government')
  ORDER BY occurred_at DESC LIMIT 1`;

const SLA_HOURS = "SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?1";

/** Everything the detail shows besides the lead row, in one round trip. */
export async function loadDetailRows(db: D1Database, lead: LeadRecord): Promise<DetailRows> {
  const bind = (sql: string, withSiren = false) =>
    withSiren ? db.prepare(sql).bind(lead.workspaceId, lead.id, lead.siren) : db.prepare(sql).bind(lead.workspaceId, lead.id);
  const [company, contacts, claims, timeline, notes, transitions, links, network, ws] = await db.batch<unknown>([
    db.prepare(COMPANY).bind(lead.siren ?? ""),
    bind(CONTACTS, true),
    bind(CLAIMS, true),
    bind(TIMELINE),
    bind(NOTES),
    bind(TRANSITIONS),
    bind(LINKS),
    bind(NETWORK_KIND),
    db.prepare(SLA_HOURS).bind(lead.workspaceId),
  ]);
  const rows = <T>(r: D1Result<unknown> | undefined) => (r?.results ?? []) as T[];
  return {
    companyRecord: lead.siren ? (rows<{ record: string }>(company)[0]?.record ?? null) : null,
    contacts: rows<ContactRow>(contacts),
    claims: rows<ClaimRow>(claims),
    timeline: rows<TimelineRow>(timeline),
    notes: rows<NoteRow>(notes),
    transitions: rows<TransitionRow>(transitions),
    links: rows<LinkRow>(links),
    networkKind: rows<{ kind: string }>(network)[0]?.kind ?? null,
    slaHours: rows<{ slaHours: number }>(ws)[0]?.slaHours ?? 48,
  };
}
