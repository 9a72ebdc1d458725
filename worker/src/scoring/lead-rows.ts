import type { HistoryEntry, LifecycleLead } from "@sillage/shared/lifecycle/types";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { ScoreState } from "@sillage/shared/scoring/state";
import { newId } from "../lib/ids";

export interface LeadRow {
  id: string;
  workspaceId: string;
  status: LeadStatus;
  statusChangedAt: number;
  score: number;
  scoreState: unknown;
  qualified: boolean;
  revision: number;
}

export async function loadLeadRow(db: D1Database, leadId: string): Promise<LeadRow | null> {
  const row = await db
    .prepare(
      `SELECT id, workspace_id AS workspaceId, status, status_changed_at AS statusChangedAt, score, score_state AS scoreState,
              qualified, revision FROM leads WHERE id = ?`,
    )
    .bind(leadId)
    .first<Omit<LeadRow, "scoreState" | "qualified"> & { scoreState: string | null; qualified: number }>();
  if (!row) return null;
  return { ...row, scoreState: row.scoreState ? JSON.parse(row.scoreState) : null, qualified: !!row.qualified };
}

const actorName = (e: HistoryEntry) => (e.actor.type === "system" ? "system" : e.actor.name ? `${e.actor.id}:${e.actor.name}` : e.actor.id);

/** The transition rows of a lifecycle change (who, when, why). */
export function transitionStatements(db: D1Database, lead: { id: string; workspaceId: string }, entries: readonly HistoryEntry[]) {
  return entries.map((e) =>
    db
      .prepare(
        `INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(newId("tr"), lead.id, lead.workspaceId, e.from, e.to, actorName(e), e.reason ?? null, e.note ?? null, e.at),
  );
}

/**
 * Writes the new score state and status if nobody changed the lead since it was read (same revision), with the
 * transition rows, in one batch. Returns the saved row, or null when the revision moved (caller retries).
 */
export async function persistLeadChange(
  db: D1Database,
  row: LeadRow,
  change: { state: ScoreState; score: number; modelVersion: number; lifecycle: LifecycleLead; entries: HistoryEntry[]; slaHours: number; now: number },
): Promise<LeadRow | null> {
  const { lifecycle, entries, now } = change;
  const becameMql = entries.some((e) => e.to === "mql");
  const leftMql = entries.some((e) => e.from === "mql");
  const update = db
    .prepare(
      `UPDATE leads SET score_state = ?, score = ?, model_version = ?, qualified = ?, status = ?, status_changed_at = ?,
              mql_at = CASE WHEN ? THEN ? ELSE mql_at END,
              sla_due_at = CASE WHEN ? THEN ? WHEN ? THEN NULL ELSE sla_due_at END,
              sla_overdue_at = CASE WHEN ? OR ? THEN NULL ELSE sla_overdue_at END,
              revision = revision + 1
        WHERE id = ? AND revision = ?`,
    )
    .bind(
      JSON.stringify(change.state),
      change.score,
      change.modelVersion,
      lifecycle.qualified ? 1 : 0,
      lifecycle.status,
      lifecycle.since,
      becameMql ? 1 : 0,
      now,
      becameMql ? 1 : 0,
      now + change.slaHours * 3600_000,
      leftMql ? 1 : 0,
      becameMql ? 1 : 0,
      leftMql ? 1 : 0,
      row.id,
      row.revision,
    );
  const [res] = await db.batch([update]);
  if (!res?.meta.changes) return null;
  // Written after the guarded update so that a lost race records no transition twice.
  if (entries.length) await db.batch(transitionStatements(db, row, entries));
  return {
    ...row,
    status: lifecycle.status,
    statusChangedAt: lifecycle.since,
    score: change.score,
    scoreState: change.state,
    qualified: lifecycle.qualified,
    revision: row.revision + 1,
  };
}
