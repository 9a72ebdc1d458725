import type { LeadStatus } from "@sillage/shared/api/leads";

/** The columns of a lead the API reads. */
export interface LeadRecord {
  id: string;
  workspaceId: string;
  name: string;
  siren: string | null;
  contactId: string | null;
  domain: string | null;
  linkedinUrl: string | null;
  status: LeadStatus;
  statusChangedAt: number;
  score: number;
  scoreState: string | null;
  slaDueAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  mergedInto: string | null;
  revision: number;
  /** The visitor's office (JSON, see firmographics/establishment.ts StoredEstablishment). */
  establishment: string | null;
}

const SELECT_LEAD = `SELECT id, workspace_id AS workspaceId, name, siren, contact_id AS contactId, domain, linkedin_url AS linkedinUrl,
  status, status_changed_at AS statusChangedAt, score, score_state AS scoreState, sla_due_at AS slaDueAt,
  first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt, merged_into AS mergedInto, revision, establishment
  FROM leads WHERE workspace_id = ? AND id = ?`;

/** Merges can chain (A into B, later B into C); a cycle must not loop. */
const MAX_MERGE_HOPS = 5;

/**
 * A lead of the workspace by id, or null — for another workspace's lead too, so that its existence never leaks.
 * A lead merged into another is answered as the lead it now lives in.
 */
export async function findLead(db: D1Database, workspaceId: string, id: string): Promise<LeadRecord | null> {
  let current = id;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const row = await db.prepare(SELECT_LEAD).bind(workspaceId, current).first<LeadRecord>();
    if (!row) return null;
    if (!row.mergedInto || hop === MAX_MERGE_HOPS) return row;
    current = row.mergedInto;
  }
  return null;
}
