import { nameKey } from "./locks";

/** What Sillage knows about a CRM company it wrote to (see the crm_records table). */
export interface KnownRecord {
  recordId: string;
  written: Record<string, string>;
}

/**
 * The record this lead was synced to before, else one Sillage already wrote with the same SIREN, domain or
 * legal name (strongest first). Read before asking the CRM, whose search lags behind its writes.
 */
export async function findKnownRecord(
  db: D1Database,
  connectionId: string,
  leadId: string,
  identity: { siren: string | null; domain: string | null; name: string | null },
): Promise<(KnownRecord & { by: "record" | "siren" | "domain" | "name" }) | null> {
  const row = await db
    .prepare(
      `SELECT by, record_id AS recordId, written FROM (
         SELECT 0 AS rank, 'record' AS by, r.record_id, r.written FROM crm_lead_syncs s JOIN crm_records r ON r.connection_id = s.connection_id AND r.record_id = s.record_id
          WHERE s.connection_id = ?1 AND s.lead_id = ?2
         UNION ALL SELECT 1, 'siren', record_id, written FROM crm_records WHERE connection_id = ?1 AND ?3 IS NOT NULL AND siren = ?3
         UNION ALL SELECT 2, 'domain', record_id, written FROM crm_records WHERE connection_id = ?1 AND ?4 IS NOT NULL AND domain = ?4
         UNION ALL SELECT 3, 'name', record_id, written FROM crm_records WHERE connection_id = ?1 AND ?5 IS NOT NULL AND name_key = ?5
       ) ORDER BY rank LIMIT 1`,
    )
    .bind(connectionId, leadId, identity.siren, identity.domain?.toLowerCase() ?? null, nameKey(identity.name))
    .first<{ by: "record" | "siren" | "domain" | "name"; recordId: string; written: string }>();
  return row ? { by: row.by, recordId: row.recordId, written: JSON.parse(row.written) as Record<string, string> } : null;
}

/** What Sillage wrote on a record, for the written-values memory of a record that was not known before. */
export async function writtenOn(db: D1Database, connectionId: string, recordId: string): Promise<Record<string, string>> {
  const row = await db
    .prepare("SELECT written FROM crm_records WHERE connection_id = ? AND record_id = ?")
    .bind(connectionId, recordId)
    .first<{ written: string }>();
  return row ? (JSON.parse(row.written) as Record<string, string>) : {};
}

/** Forgets a record the CRM no longer has (deleted or merged there): the next sync matches afresh. */
export async function forgetRecord(db: D1Database, connectionId: string, recordId: string): Promise<void> {
  await db.batch([
    db.prepare("DELETE FROM crm_records WHERE connection_id = ? AND record_id = ?").bind(connectionId, recordId),
    db.prepare("DELETE FROM crm_lead_syncs WHERE connection_id = ? AND record_id = ?").bind(connectionId, recordId),
  ]);
}

/** Statements that remember a sync: the record's identity and written values, and the lead → record link. */
export function rememberRecordStatements(
  db: D1Database,
  r: {
    connectionId: string;
    workspaceId: string;
    leadId: string;
    recordId: string;
    identity: { siren: string | null; domain: string | null; name: string | null };
    written: Record<string, string>;
    created: boolean;
    now: number;
  },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO crm_records (connection_id, record_id, siren, domain, name_key, written, created_by_sillage, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (connection_id, record_id) DO UPDATE SET siren = COALESCE(excluded.siren, siren), domain = COALESCE(excluded.domain, domain),
           name_key = COALESCE(excluded.name_key, name_key), written = excluded.written, updated_at = excluded.updated_at`,
      )
      .bind(
        r.connectionId,
        r.recordId,
        r.identity.siren,
        r.identity.domain?.toLowerCase() ?? null,
        nameKey(r.identity.name),
        JSON.stringify(r.written),
        r.created ? 1 : 0,
        r.now,
      ),
    db
      .prepare(
        `INSERT INTO crm_lead_syncs (connection_id, lead_id, workspace_id, record_id, synced_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (connection_id, lead_id) DO UPDATE SET record_id = excluded.record_id, synced_at = excluded.synced_at`,
      )
      .bind(r.connectionId, r.leadId, r.workspaceId, r.recordId, r.now),
  ];
}
