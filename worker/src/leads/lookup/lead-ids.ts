/**
 * Small look-ups from an identifier to a lead id of the workspace. Live leads come before merged ones; a merged
 * lead is still a good answer since findLead follows the merge.
 */

export async function leadIdByLink(db: D1Database, workspaceId: string, kind: string, value: string): Promise<string | null> {
  const row = await db
    .prepare("SELECT lead_id AS id FROM lead_links WHERE workspace_id = ? AND kind = ? AND value = ? ORDER BY created_at DESC LIMIT 1")
    .bind(workspaceId, kind, value)
    .first<{ id: string }>();
  return row?.id ?? null;
}

export async function leadIdBySiren(db: D1Database, workspaceId: string, siren: string): Promise<string | null> {
  const row = await db
    .prepare("SELECT id FROM leads WHERE workspace_id = ? AND siren = ? ORDER BY merged_into IS NULL DESC, last_seen_at DESC LIMIT 1")
    .bind(workspaceId, siren)
    .first<{ id: string }>();
  return row?.id ?? null;
}

/**
 * The lead a contact belongs to: its company's lead (by the SIREN of its e-mail domain), else the lead its
 * latest visit was attributed to, else the contact's own lead (a person whose company is unknown).
 */
export async function leadIdOfContact(db: D1Database, workspaceId: string, contact: { id: string; siren: string | null }): Promise<string | null> {
  if (contact.siren) {
    const id = await leadIdBySiren(db, workspaceId, contact.siren);
    if (id) return id;
  }
  const row = await db
    .prepare(
      `SELECT id FROM (
         SELECT h.lead_id AS id, 0 AS rank, h.occurred_at AS at FROM hits h
          WHERE h.workspace_id = ?1 AND h.contact_id = ?2 AND h.lead_id IS NOT NULL
         UNION ALL
         SELECT l.id, 1, l.last_seen_at FROM leads l WHERE l.workspace_id = ?1 AND l.contact_id = ?2)
        ORDER BY rank, at DESC LIMIT 1`,
    )
    .bind(workspaceId, contact.id)
    .first<{ id: string }>();
  return row?.id ?? null;
}
