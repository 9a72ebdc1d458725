import type { LeadTransitionBody } from "@sillage/shared/api/leads";
import type { RejectionReason } from "@sillage/shared/lifecycle/rejection-reasons";
import { transition } from "@sillage/shared/lifecycle/transition";
import type { HistoryEntry, LifecycleLead } from "@sillage/shared/lifecycle/types";
import { ApiError } from "../http/errors";
import { transitionStatements } from "../scoring/lead-rows";
import type { KeyActor } from "./actor";
import { findLead, type LeadRecord } from "./find-lead";
import { actionOf, problemOf } from "./transition-action";

/** Scoring may update the lead between our read and our write; a few fresh attempts settle it. */
const MAX_ATTEMPTS = 4;

/**
 * A salesperson's decision on a lead (accept, reject, nurture), through the pure lifecycle. The write is guarded
 * by the lead's revision, as scoring's is, so that neither overwrites the other: on a race the lead is read
 * again and the decision re-checked against its new status. Returns the history entries recorded.
 */
export async function transitionLead(
  db: D1Database,
  lead: LeadRecord,
  body: LeadTransitionBody,
  actor: KeyActor,
  reasons: readonly RejectionReason[],
  now: number,
): Promise<{ lead: LeadRecord; entries: HistoryEntry[] }> {
  const action = actionOf(body, reasons);
  if ("code" in action) throw new ApiError(action.code, action.message);

  let current: LeadRecord | null = lead;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && current; attempt++) {
    const lifecycle: LifecycleLead = { status: current.status, since: current.statusChangedAt, qualified: false, history: [] };
    const result = transition(lifecycle, action, { type: "user", id: actor.id, name: actor.name }, now, { reasons });
    if (!result.ok) {
      const problem = problemOf(result.error, reasons);
      throw new ApiError(problem.code, problem.message);
    }
    const leftMql = result.entries.some((e) => e.from === "mql");
    const accepted = result.entries.some((e) => e.to === "sql");
    // The SLA fields describe the current wait as an MQL: a decision ends it.
    const res = await db
      .prepare(
        `UPDATE leads SET status = ?, status_changed_at = ?, sql_at = CASE WHEN ? THEN ? ELSE sql_at END,
                sla_due_at = CASE WHEN ? THEN NULL ELSE sla_due_at END,
                sla_overdue_at = CASE WHEN ? THEN NULL ELSE sla_overdue_at END,
                revision = revision + 1
          WHERE id = ? AND workspace_id = ? AND revision = ?`,
      )
      .bind(result.status, now, accepted ? 1 : 0, now, leftMql ? 1 : 0, leftMql ? 1 : 0, current.id, current.workspaceId, current.revision)
      .run();
    if (res.meta.changes) {
      // After the guarded update, so that a lost race records nothing.
      await db.batch(transitionStatements(db, current, result.entries));
      return { lead: { ...current, status: result.status, statusChangedAt: now, revision: current.revision + 1 }, entries: result.entries };
    }
    current = await findLead(db, current.workspaceId, current.id);
  }
  throw new ApiError("conflict", "The lead kept changing while the decision was being saved; reload it and try again.");
}
