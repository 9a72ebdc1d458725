import { walkInChunks, type WalkProgress } from "../cron/chunked-walk";
import { deleteInSlices } from "../cron/delete-in-slices";

const DAY_MS = 86_400_000;
/** Sites per DELETE statement (each a range delete on the (site_id, occurred_at) index), and rows per slice. */
const SITES_PER_CHUNK = 100;
const SLICE = 1000;
/** Statements per run: the cron shares D1's 1,000 queries per invocation with its other tasks. */
export const PURGE_STATEMENTS_PER_RUN = 200;
/** Days of per-site usage counters kept (the quota reads today's; the rest is recent history). */
export const SITE_USAGE_DAYS = 7;

export interface PurgeProgress extends WalkProgress {
  /** Sites not reached yet by this walk (0 once complete). */
  sitesRemaining: number;
}

/**
 * Retention: deletes hits older than their workspace's `retention_days`; sessions, visitors, leads and scores
 * (the aggregates) stay. Walks the sites in id order from a saved cursor, a chunk of sites per statement, within a
 * budget of statements (worker/src/cron/chunked-walk.ts): the cron job walks every site, an admin's on-demand purge
 * only the workspace's, with a cursor of its own, so a call that runs out of budget reports how far it got and the
 * next call resumes there.
 */
export async function purgeExpiredHits(db: D1Database, now: number, opts: { workspaceId?: string; maxStatements?: number } = {}): Promise<PurgeProgress> {
  const ws = opts.workspaceId;
  const sitesAfter = (cursor: string, limit: number) =>
    db
      .prepare(
        `SELECT s.id, w.retention_days AS days FROM sites s JOIN workspaces w ON w.id = s.workspace_id
          WHERE s.id > ?1 ${ws ? "AND s.workspace_id = ?3" : ""} ORDER BY s.id LIMIT ?2`,
      )
      .bind(...(ws ? [cursor, limit, ws] : [cursor, limit]));
  const progress = await walkInChunks<{ id: string; days: number }>(
    db,
    {
      task: ws ? `purge-expired-hits:${ws}` : "purge-expired-hits",
      chunk: sitesAfter,
      slice: (sites, limit) =>
        db
          .prepare(
            `DELETE FROM hits WHERE rowid IN (
               SELECT h.rowid FROM json_each(?1) c JOIN hits h ON h.site_id = c.value ->> 0 AND h.occurred_at < c.value ->> 1 LIMIT ?2)`,
          )
          .bind(JSON.stringify(sites.map((s) => [s.id, now - s.days * DAY_MS])), limit),
      keysPerChunk: SITES_PER_CHUNK,
      sliceRows: SLICE,
      maxStatements: opts.maxStatements ?? PURGE_STATEMENTS_PER_RUN,
    },
    now,
  );
  if (progress.complete) return { ...progress, sitesRemaining: 0 };
  const remaining = await db
    .prepare(`SELECT count(*) AS n FROM sites WHERE id > ?1 ${ws ? "AND workspace_id = ?2" : ""}`)
    .bind(...(ws ? [progress.cursor, ws] : [progress.cursor]))
    .first<{ n: number }>();
  return { ...progress, sitesRemaining: remaining?.n ?? 0 };
}

/** Per-site daily usage counters past SITE_USAGE_DAYS, a bounded slice per statement. Returns the rows deleted. */
export async function purgeSiteUsage(db: D1Database, now: number, maxStatements = 5): Promise<number> {
  const before = new Date(now - SITE_USAGE_DAYS * DAY_MS).toISOString().slice(0, 10);
  const slice = db.prepare(`DELETE FROM site_usage WHERE rowid IN (SELECT rowid FROM site_usage WHERE day < ? LIMIT ${SLICE})`).bind(before);
  return deleteInSlices(slice, SLICE, maxStatements);
}

export interface RetentionStatus {
  retentionDays: number;
  keepRawIp: boolean;
  /** Hits that occurred before this are past retention. */
  cutoff: number;
  /** Past retention and not purged yet (the cron job runs every 5 minutes). */
  hitsPastRetention: number;
  oldestHitAt: number | null;
}

/** What retention means for a workspace right now; null when the workspace does not exist. */
export async function retentionStatus(db: D1Database, workspaceId: string, now: number): Promise<RetentionStatus | null> {
  const ws = await db
    .prepare("SELECT retention_days AS days, keep_raw_ip AS keep FROM workspaces WHERE id = ?")
    .bind(workspaceId)
    .first<{ days: number; keep: number }>();
  if (!ws) return null;
  const cutoff = now - ws.days * DAY_MS;
  // Per site, so that both aggregates are index range reads on (site_id, occurred_at).
  const row = await db
    .prepare(
      `SELECT sum((SELECT count(*) FROM hits h WHERE h.site_id = s.id AND h.occurred_at < ?2)) AS past,
              min((SELECT min(occurred_at) FROM hits h WHERE h.site_id = s.id)) AS oldest
         FROM sites s WHERE s.workspace_id = ?1`,
    )
    .bind(workspaceId, cutoff)
    .first<{ past: number | null; oldest: number | null }>();
  return { retentionDays: ws.days, keepRawIp: !!ws.keep, cutoff, hitsPastRetention: row?.past ?? 0, oldestHitAt: row?.oldest ?? null };
}
