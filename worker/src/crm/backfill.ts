import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { Env } from "../env";
import { newId } from "../lib/ids";
import type { CrmMessage } from "./message";
import { sendSyncs } from "./queue-syncs";
import { recordSyncEvents } from "./sync-events";

/** Leads queued per step: one D1 batch of inserts and one sendBatch each. */
const PAGE = 100;

export interface BackfillProgress {
  id: string;
  connectionId: string;
  statuses: LeadStatus[];
  total: number;
  queued: number;
  synced: number;
  failed: number;
  pending: number;
  finished: boolean;
  startedAt: string;
}

/** Starts a backfill of the workspace's leads in `statuses` (merged leads live on in their target): the job row, then its first step. */
export async function startBackfill(env: Env, conn: { id: string; workspaceId: string }, statuses: readonly LeadStatus[], now: number): Promise<string> {
  const count = await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM leads WHERE workspace_id = ? AND merged_into IS NULL AND status IN (SELECT value FROM json_each(?))",
  )
    .bind(conn.workspaceId, JSON.stringify(statuses))
    .first<{ n: number }>();
  const id = newId("bkf");
  await env.DB.prepare("INSERT INTO crm_backfill_jobs (id, workspace_id, connection_id, statuses, total, queued, started_at) VALUES (?, ?, ?, ?, ?, 0, ?)")
    .bind(id, conn.workspaceId, conn.id, JSON.stringify(statuses), count?.n ?? 0, now)
    .run();
  await env.CRM.send({ kind: "backfill", jobId: id } satisfies CrmMessage);
  return id;
}

/**
 * Queues the next page of a backfill: one sync event per lead (`backfill:<job>:<lead>`, so a redelivered step
 * adds nothing) and one sync message each. Returns true while pages remain.
 */
export async function backfillStep(env: Env, jobId: string, now: number): Promise<boolean> {
  const job = await env.DB.prepare("SELECT workspace_id AS workspaceId, connection_id AS connectionId, statuses, cursor FROM crm_backfill_jobs WHERE id = ?")
    .bind(jobId)
    .first<{ workspaceId: string; connectionId: string; statuses: string; cursor: string | null }>();
  if (!job) return false;
  const { results } = await env.DB.prepare(
    `SELECT id FROM leads WHERE workspace_id = ? AND merged_into IS NULL AND status IN (SELECT value FROM json_each(?)) AND id > ? ORDER BY id LIMIT ${PAGE}`,
  )
    .bind(job.workspaceId, job.statuses, job.cursor ?? "")
    .all<{ id: string }>();
  if (!results.length) return false;
  const created = await recordSyncEvents(
    env.DB,
    results.map((l) => ({
      connectionId: job.connectionId,
      eventId: `backfill:${jobId}:${l.id}`,
      workspaceId: job.workspaceId,
      leadId: l.id,
      kind: "backfill",
      jobId,
      at: now,
    })),
    now,
  );
  await sendSyncs(env, created);
  await env.DB.prepare("UPDATE crm_backfill_jobs SET cursor = ?, queued = queued + ? WHERE id = ?")
    .bind(results[results.length - 1]!.id, created.length, jobId)
    .run();
  return results.length === PAGE;
}

export async function backfillProgress(db: D1Database, workspaceId: string, jobId: string): Promise<BackfillProgress | null> {
  const job = await db
    .prepare(
      "SELECT id, connection_id AS connectionId, statuses, total, queued, started_at AS startedAt FROM crm_backfill_jobs WHERE id = ? AND workspace_id = ?",
    )
    .bind(jobId, workspaceId)
    .first<{ id: string; connectionId: string; statuses: string; total: number; queued: number; startedAt: number }>();
  if (!job) return null;
  const { results } = await db
    .prepare("SELECT status, COUNT(*) AS n FROM crm_sync_events WHERE job_id = ? GROUP BY status")
    .bind(jobId)
    .all<{ status: string; n: number }>();
  const by = Object.fromEntries(results.map((r) => [r.status, r.n])) as Record<string, number>;
  const synced = by.done ?? 0;
  const failed = by.failed ?? 0;
  const pending = by.pending ?? 0;
  return {
    id: job.id,
    connectionId: job.connectionId,
    statuses: JSON.parse(job.statuses) as LeadStatus[],
    total: job.total,
    queued: job.queued,
    synced,
    failed,
    pending,
    // Leads created after the count may be queued too; the job is over when nothing it queued is pending.
    finished: synced + failed >= job.total && pending === 0,
    startedAt: new Date(job.startedAt).toISOString(),
  };
}
