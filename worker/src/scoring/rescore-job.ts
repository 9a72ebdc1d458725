import { onScoreChange } from "@sillage/shared/lifecycle/automatic";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { Model } from "@sillage/shared/scoring/model-schema";
import type { Env } from "../env";
import { loadActiveModel } from "./active-model";
import { loadLeadVersions, persistLeadChanges, type LeadVersion, type ScoreChange } from "./lead-rows";
import { rescoreLeads, statusWouldChange, type RescoredLead } from "./rescore";
import { newId } from "../lib/ids";
import { workspaceSlaHours } from "../members/workspaces-store";

/** Leads per slice: their histories are read in a few queries and their new states written in one or two. */
export const RESCORE_SLICE = 200;
/**
 * Slices per queue message, then the message queues its successor: the queue's batching delay (a second) is paid
 * per message, not per slice. A count rather than a time budget: in local workerd a 5 s budget let a message run
 * for 15 s (the Workers clock barely moves during D1 calls); a count also bounds an invocation's queries (about 6
 * per slice, well under D1's 1,000).
 */
export const RESCORE_SLICES_PER_MESSAGE = 10;
/** Writes per lead when the pipeline keeps scoring it meanwhile; then the lead keeps the pipeline's state. */
const WRITE_ATTEMPTS = 3;

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

type SliceLead = LeadVersion & { siren: string | null; firstSeenAt: number };

/** The write a rescored lead needs, the lifecycle reacting as to any score change (pure). */
export function rescoreChange(row: LeadVersion, r: RescoredLead, modelVersion: number, slaHours: number, now: number): ScoreChange {
  const { lead, entries } = onScoreChange(
    { status: row.status, since: row.statusChangedAt, qualified: row.qualified, history: [] },
    { identified: r.state.identified, qualified: r.qualifiedAfter },
    now,
  );
  return { state: r.state, score: r.score, modelVersion, lifecycle: lead, entries, slaHours, now };
}

/** Rescores the next RESCORE_SLICE leads after `cursor` and stores them; returns what the job's progress needs. */
async function rescoreSlice(db: D1Database, workspaceId: string, model: Model, cursor: string | null, slaHours: number, now: number) {
  const { results } = await db
    .prepare(
      `SELECT id, workspace_id AS workspaceId, siren, first_seen_at AS firstSeenAt, status, status_changed_at AS statusChangedAt,
              qualified, revision FROM leads
        WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ${RESCORE_SLICE}`,
    )
    .bind(workspaceId, cursor ?? "")
    .all<Omit<SliceLead, "qualified"> & { status: LeadStatus; qualified: number }>();
  const leads: SliceLead[] = results.map((l) => ({ ...l, qualified: !!l.qualified }));
  const rescored = new Map((await rescoreLeads(db, model, leads, now)).map((r) => [r.id, r]));
  let changed = 0;
  for (const r of rescored.values()) if (statusWouldChange(r)) changed++;

  // Guarded by revision: a lead the pipeline scored meanwhile is read again and written with its new revision.
  let pending: LeadVersion[] = leads;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS && pending.length; attempt++) {
    if (attempt > 0)
      pending = await loadLeadVersions(
        db,
        pending.map((row) => row.id),
      );
    const saved = await persistLeadChanges(
      db,
      pending.map((row) => ({ row, change: rescoreChange(row, rescored.get(row.id)!, model.version, slaHours, now) })),
    );
    pending = pending.filter((row) => !saved.has(row.id));
  }
  return { count: leads.length, changed, last: leads[leads.length - 1]?.id ?? cursor };
}

/**
 * One message of a rescoring job: slice after slice, recompute the next leads from their history under the active
 * model, store the new states (the lifecycle reacts as to any score change) and record progress; after
 * RESCORE_SLICES_PER_MESSAGE slices, queue the next message. A job whose model was replaced by a newer one stops: the newer job
 * rescores everything again.
 */
export async function runRescoreSlice(env: Env, jobId: string, now: number): Promise<void> {
  const db = env.DB;
  const job = await db
    .prepare("SELECT id, workspace_id AS workspaceId, model_version AS modelVersion, status, cursor FROM rescore_jobs WHERE id = ?")
    .bind(jobId)
    .first<JobRow>();
  if (!job || job.status !== "running") return;
  const model = await loadActiveModel(db, job.workspaceId, { fresh: true });
  if (model.version !== job.modelVersion) {
    await db.prepare("UPDATE rescore_jobs SET status = 'done', finished_at = ? WHERE id = ?").bind(now, jobId).run();
    return;
  }
  const slaHours = await workspaceSlaHours(db, job.workspaceId);
  let cursor = job.cursor;
  for (let n = 0; n < RESCORE_SLICES_PER_MESSAGE; n++) {
    const slice = await rescoreSlice(db, job.workspaceId, model, cursor, slaHours, now);
    const finished = slice.count < RESCORE_SLICE;
    await db
      .prepare(
        `UPDATE rescore_jobs SET done = done + ?, changed_status = changed_status + ?, cursor = ?,
                status = CASE WHEN ? THEN 'done' ELSE status END, finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?`,
      )
      .bind(slice.count, slice.changed, slice.last, finished ? 1 : 0, finished ? 1 : 0, now, jobId)
      .run();
    if (finished) return;
    cursor = slice.last;
  }
  await env.ENRICH.send({ rescoreJobId: jobId });
}

export interface RescoreJobProgress {
  id: string;
  modelVersion: number;
  status: string;
  total: number;
  done: number;
  changedStatus: number;
}

/** A rescoring job as `GET /scoring/rescore-jobs/{id}` shows it; null when it is not the workspace's. */
export async function getRescoreJob(db: D1Database, workspaceId: string, jobId: string): Promise<RescoreJobProgress | null> {
  return db
    .prepare(
      "SELECT id, model_version AS modelVersion, status, total, done, changed_status AS changedStatus FROM rescore_jobs WHERE id = ? AND workspace_id = ?",
    )
    .bind(jobId, workspaceId)
    .first<RescoreJobProgress>();
}
