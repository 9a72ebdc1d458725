import { onScoreChange } from "@sillage/shared/lifecycle/automatic";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { Env } from "../env";
import { loadActiveModel } from "./active-model";
import { loadLeadRow, persistLeadChange } from "./lead-rows";
import { rescoreLead, statusWouldChange } from "./rescore";
import { newId } from "../lib/ids";

/** Leads per queue message: small enough for one invocation's limits, large enough to keep the queue busy. */
export const RESCORE_SLICE = 100;

export async function startRescoreJob(env: Env, workspaceId: string, modelVersion: number, now: number): Promise<string> {
  const total = await env.DB.prepare("SELECT count(*) AS n FROM leads WHERE workspace_id = ?").bind(workspaceId).first<{ n: number }>();
  const id = newId("rsj");
  await env.DB.prepare("INSERT INTO rescore_jobs (id, workspace_id, model_version, total, started_at) VALUES (?, ?, ?, ?, ?)")
    .bind(id, workspaceId, modelVersion, total?.n ?? 0, now)
    .run();
  await env.ENRICH.send({ rescoreJobId: id });
  return id;
}

interface JobRow {
  id: string;
  workspaceId: string;
  modelVersion: number;
  status: string;
  cursor: string | null;
}

/**
 * One slice of a rescoring job: recompute the next leads from their history under the active model, store the
 * new states (the lifecycle reacts as to any score change), record progress, and queue the next slice.
 * A job whose model was replaced by a newer one stops: the newer job rescored everything again.
 */
export async function runRescoreSlice(env: Env, jobId: string, now: number): Promise<void> {
  const db = env.DB;
  const job = await db
    .prepare("SELECT id, workspace_id AS workspaceId, model_version AS modelVersion, status, cursor FROM rescore_jobs WHERE id = ?")
    .bind(jobId)
    .first<JobRow>();
  if (!job || job.status !== "running") return;
  const model = await loadActiveModel(db, job.workspaceId, 0);
  if (model.version !== job.modelVersion) {
    await db.prepare("UPDATE rescore_jobs SET status = 'done', finished_at = ? WHERE id = ?").bind(now, jobId).run();
    return;
  }
  const ws = await db.prepare("SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?").bind(job.workspaceId).first<{ slaHours: number }>();
  const { results: leads } = await db
    .prepare(
      `SELECT id, siren, first_seen_at AS firstSeenAt, status, qualified FROM leads
        WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ${RESCORE_SLICE}`,
    )
    .bind(job.workspaceId, job.cursor ?? "")
    .all<{ id: string; siren: string | null; firstSeenAt: number; status: LeadStatus; qualified: number }>();

  let changed = 0;
  for (const lead of leads) {
    const r = await rescoreLead(db, model, { ...lead, qualified: !!lead.qualified }, now);
    if (statusWouldChange(r)) changed++;
    // Guarded by revision; a lead scored meanwhile by the pipeline is simply rescored again on the next try.
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await loadLeadRow(db, lead.id);
      if (!row) break;
      const { lead: next, entries } = onScoreChange(
        { status: row.status, since: row.statusChangedAt, qualified: row.qualified, history: [] },
        { identified: r.state.identified, qualified: r.qualifiedAfter },
        now,
      );
      if (await persistLeadChange(db, row, { state: r.state, score: r.score, modelVersion: model.version, lifecycle: next, entries, slaHours: ws?.slaHours ?? 48, now })) break;
    }
  }
  const last = leads[leads.length - 1]?.id ?? job.cursor;
  const finished = leads.length < RESCORE_SLICE;
  await db
    .prepare(
      `UPDATE rescore_jobs SET done = done + ?, changed_status = changed_status + ?, cursor = ?,
              status = CASE WHEN ? THEN 'done' ELSE status END, finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?`,
    )
    .bind(leads.length, changed, last, finished ? 1 : 0, finished ? 1 : 0, now, jobId)
    .run();
  if (!finished) await env.ENRICH.send({ rescoreJobId: jobId });
}
