const DAY_MS = 86_400_000;
const SLICE = 1000;

export interface PurgeReport {
  purgedHits: number;
  /** Sites visited, with the cutoff applied to each (its workspace's retention). */
  sites: number;
}

/**
 * Retention, as the cron job applies it (worker/src/cron/purge-expired-hits.ts), with an optional workspace
 * filter so that an admin can apply it now: deletes hits older than their workspace's `retention_days`.
 * Sessions, visitors, leads and scores (the aggregates) stay. Deletes by site and time in slices, so the
 * (site_id, occurred_at) index makes each slice a range delete and no statement holds D1 for long.
 * The cron job can switch to this function (without a filter) and behave as today.
 */
export async function purgeExpiredHitsWhere(db: D1Database, now: number, filter: { workspaceId?: string } = {}): Promise<PurgeReport> {
  const sql = "SELECT s.id, w.retention_days AS days FROM sites s JOIN workspaces w ON w.id = s.workspace_id";
  const stmt = filter.workspaceId ? db.prepare(`${sql} WHERE w.id = ?`).bind(filter.workspaceId) : db.prepare(sql);
  const { results: sites } = await stmt.all<{ id: string; days: number }>();
  let purgedHits = 0;
  for (const site of sites) {
    for (;;) {
      const res = await db
        .prepare(`DELETE FROM hits WHERE rowid IN (SELECT rowid FROM hits WHERE site_id = ? AND occurred_at < ? LIMIT ${SLICE})`)
        .bind(site.id, now - site.days * DAY_MS)
        .run();
      purgedHits += res.meta.changes;
      if (res.meta.changes < SLICE) break;
    }
  }
  return { purgedHits, sites: sites.length };
}

/**
 * Raw IPs are erased by enrichment unless the workspace keeps them. When it stops keeping them, the ones
 * already kept go too (pending hits keep theirs until enrichment, which then erases it). No-op while the
 * workspace still keeps raw IPs.
 */
export async function eraseKeptRawIps(db: D1Database, workspaceId: string): Promise<number> {
  const ws = await db.prepare("SELECT keep_raw_ip AS keep FROM workspaces WHERE id = ?").bind(workspaceId).first<{ keep: number }>();
  if (!ws || ws.keep) return 0;
  const { results: sites } = await db.prepare("SELECT id FROM sites WHERE workspace_id = ?").bind(workspaceId).all<{ id: string }>();
  let erased = 0;
  for (const site of sites) {
    for (;;) {
      const res = await db
        .prepare(
          `UPDATE hits SET ip = NULL WHERE rowid IN (SELECT rowid FROM hits WHERE site_id = ? AND ip IS NOT NULL
              AND enrichment_status != 'pending' LIMIT ${SLICE})`,
        )
        .bind(site.id)
        .run();
      erased += res.meta.changes;
      if (res.meta.changes < SLICE) break;
    }
  }
  return erased;
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
