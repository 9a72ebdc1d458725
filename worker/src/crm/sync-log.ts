import { newId } from "../lib/ids";
import type { FieldDecision } from "./field-plan";

export type SyncLogOutcome = "created" | "updated" | "unchanged" | "retry" | "failed" | "auth_failed";

export interface SyncLogEntry {
  workspaceId: string;
  connectionId: string;
  leadId: string;
  outcome: SyncLogOutcome;
  matchedBy: string | null;
  recordId: string | null;
  decisions: FieldDecision[] | null;
  taskId: string | null;
  eventIds: readonly string[];
  calls: number;
  httpStatus: number | null;
  /** The CRM's answer (or the error). */
  response: string | null;
  at: number;
}

export function insertLogStatement(db: D1Database, e: SyncLogEntry): D1PreparedStatement {
  const changes = e.decisions
    ? {
        written: Object.fromEntries(e.decisions.filter((d) => d.action === "write").map((d) => [d.field, d.sillage])),
        kept: Object.fromEntries(e.decisions.filter((d) => d.action === "kept").map((d) => [d.field, d.crm])),
      }
    : null;
  return db
    .prepare(
      `INSERT INTO crm_sync_log (id, workspace_id, connection_id, lead_id, outcome, matched_by, record_id, changes, task_id, event_ids, calls, http_status, response, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      newId("csl"),
      e.workspaceId,
      e.connectionId,
      e.leadId,
      e.outcome,
      e.matchedBy,
      e.recordId,
      changes ? JSON.stringify(changes) : null,
      e.taskId,
      JSON.stringify(e.eventIds),
      e.calls,
      e.httpStatus,
      e.response?.slice(0, 2000) ?? null,
      e.at,
    );
}

export interface SyncLogView {
  id: string;
  connectionId: string;
  outcome: SyncLogOutcome;
  matchedBy: string | null;
  recordId: string | null;
  written: Record<string, string | null>;
  kept: Record<string, string | null>;
  taskId: string | null;
  eventIds: string[];
  calls: number;
  httpStatus: number | null;
  response: string | null;
  at: string;
}

/** A lead's sync log, newest first, scoped to the workspace. */
export async function readLeadLog(db: D1Database, workspaceId: string, leadId: string, limit: number): Promise<SyncLogView[]> {
  const { results } = await db
    .prepare(
      `SELECT id, connection_id AS connectionId, outcome, matched_by AS matchedBy, record_id AS recordId, changes, task_id AS taskId,
              event_ids AS eventIds, calls, http_status AS httpStatus, response, at
         FROM crm_sync_log WHERE workspace_id = ? AND lead_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .bind(workspaceId, leadId, limit)
    .all<Omit<SyncLogView, "written" | "kept" | "eventIds" | "at"> & { changes: string | null; eventIds: string; at: number }>();
  return results.map(({ changes, ...r }) => {
    const c = changes ? (JSON.parse(changes) as { written: Record<string, string | null>; kept: Record<string, string | null> }) : { written: {}, kept: {} };
    return { ...r, written: c.written, kept: c.kept, eventIds: JSON.parse(r.eventIds) as string[], at: new Date(r.at).toISOString() };
  });
}
