import type { CrmKind, CrmSyncEvent } from "../db/schema/crm-connections";
import type { FieldKeys, FieldMapping } from "./fields";

/** A connection as the sync and the API use it (the token still encrypted). */
export interface CrmConnection {
  id: string;
  workspaceId: string;
  crm: CrmKind;
  secret: string;
  secretHint: string;
  companyDomain: string | null;
  account: string | null;
  events: CrmSyncEvent[];
  mapping: FieldMapping;
  taskOwnerId: string | null;
  fieldKeys: FieldKeys | null;
  enabled: boolean;
  state: "untested" | "ok" | "broken";
  brokenReason: string | null;
  brokenAt: number | null;
  checkedAt: number | null;
  createdAt: number;
}

interface Row extends Omit<CrmConnection, "events" | "mapping" | "fieldKeys" | "enabled"> {
  events: string;
  mapping: string;
  fieldKeys: string | null;
  enabled: number;
}

const COLUMNS = `id, workspace_id AS workspaceId, crm, secret, secret_hint AS secretHint, company_domain AS companyDomain, account, events,
  mapping, task_owner_id AS taskOwnerId, field_keys AS fieldKeys, enabled, state, broken_reason AS brokenReason, broken_at AS brokenAt,
  checked_at AS checkedAt, created_at AS createdAt`;

function fromRow(r: Row): CrmConnection {
  return {
    ...r,
    events: JSON.parse(r.events) as CrmSyncEvent[],
    mapping: JSON.parse(r.mapping) as FieldMapping,
    fieldKeys: r.fieldKeys ? (JSON.parse(r.fieldKeys) as FieldKeys) : null,
    enabled: r.enabled === 1,
  };
}

/** The settings an admin sets: the columns, and their values in the same order. */
const SETTINGS_COLUMNS = ["secret", "secret_hint", "company_domain", "events", "mapping", "task_owner_id", "enabled"];
function settingsValues(c: CrmConnection): [string, string, string | null, string, string, string | null, number] {
  return [c.secret, c.secretHint, c.companyDomain, JSON.stringify(c.events), JSON.stringify(c.mapping), c.taskOwnerId, c.enabled ? 1 : 0];
}

/** Scoped to the workspace: another workspace's connection is not found. */
export async function getConnection(db: D1Database, workspaceId: string, id: string): Promise<CrmConnection | null> {
  const r = await db.prepare(`SELECT ${COLUMNS} FROM crm_connections WHERE id = ? AND workspace_id = ?`).bind(id, workspaceId).first<Row>();
  return r ? fromRow(r) : null;
}

export async function listConnections(db: D1Database, workspaceId: string): Promise<CrmConnection[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM crm_connections WHERE workspace_id = ? ORDER BY created_at, id`).bind(workspaceId).all<Row>();
  return results.map(fromRow);
}

export async function insertConnection(db: D1Database, c: CrmConnection): Promise<void> {
  await db
    .prepare(
      `INSERT INTO crm_connections (id, workspace_id, crm, ${SETTINGS_COLUMNS.join(", ")}, state, created_at)
       VALUES (?, ?, ?, ${SETTINGS_COLUMNS.map(() => "?").join(", ")}, 'untested', ?)`,
    )
    .bind(c.id, c.workspaceId, c.crm, ...settingsValues(c), c.createdAt)
    .run();
}

/** Saves what an admin may change. A new token clears the account and field set-up: the next test learns them again. */
export async function saveConnectionSettings(db: D1Database, c: CrmConnection): Promise<void> {
  await db
    .prepare(
      `UPDATE crm_connections SET ${SETTINGS_COLUMNS.map((col) => `${col} = ?`).join(", ")},
         state = ?, broken_reason = ?, broken_at = ?, account = ?, field_keys = ? WHERE id = ? AND workspace_id = ?`,
    )
    .bind(...settingsValues(c), c.state, c.brokenReason, c.brokenAt, c.account, c.fieldKeys ? JSON.stringify(c.fieldKeys) : null, c.id, c.workspaceId)
    .run();
}

/** The token works: the CRM account and the property keys it was set up with. */
export async function markConnectionOk(db: D1Database, id: string, account: string, fieldKeys: FieldKeys, now: number): Promise<void> {
  await db
    .prepare("UPDATE crm_connections SET state = 'ok', broken_reason = NULL, broken_at = NULL, account = ?, field_keys = ?, checked_at = ? WHERE id = ?")
    .bind(account, JSON.stringify(fieldKeys), now, id)
    .run();
}

/** The CRM refused the token: syncs stop (their events stay pending) until an admin fixes it. */
export async function markConnectionBroken(db: D1Database, id: string, reason: string, now: number): Promise<void> {
  await db
    .prepare("UPDATE crm_connections SET state = 'broken', broken_reason = ?, broken_at = COALESCE(broken_at, ?), checked_at = ? WHERE id = ?")
    .bind(reason.slice(0, 500), now, now, id)
    .run();
}

/** The connection and everything about it; the leads' `crm-record` links stay (the CRM records still exist). */
export async function deleteConnection(db: D1Database, workspaceId: string, id: string): Promise<void> {
  await db.batch([
    db.prepare("DELETE FROM crm_sync_events WHERE connection_id = ?").bind(id),
    db.prepare("DELETE FROM crm_records WHERE connection_id = ?").bind(id),
    db.prepare("DELETE FROM crm_lead_syncs WHERE connection_id = ?").bind(id),
    db.prepare("DELETE FROM crm_backfill_jobs WHERE connection_id = ?").bind(id),
    db.prepare("DELETE FROM crm_locks WHERE connection_id = ?").bind(id),
    db.prepare("DELETE FROM crm_sync_log WHERE connection_id = ? AND workspace_id = ?").bind(id, workspaceId),
    db.prepare("DELETE FROM crm_connections WHERE id = ? AND workspace_id = ?").bind(id, workspaceId),
  ]);
}

/** The sync's view: by id alone (queue messages carry no workspace); the workspace comes from the row. */
export async function loadConnectionForSync(db: D1Database, id: string): Promise<CrmConnection | null> {
  const r = await db.prepare(`SELECT ${COLUMNS} FROM crm_connections WHERE id = ?`).bind(id).first<Row>();
  return r ? fromRow(r) : null;
}
