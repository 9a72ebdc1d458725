import type { Env } from "../env";

const DAY_MS = 86_400_000;

/**
 * Retention: deletes each workspace's hits older than its `retention_days`. Sessions, visitors, leads and
 * their scores (the aggregates) stay. Deletes in slices so one run never holds D1 for long.
 */
export async function purgeExpiredHits(env: Env, now: number): Promise<number> {
  const { results: sites } = await env.DB.prepare(
    "SELECT s.id, w.retention_days AS days FROM sites s JOIN workspaces w ON w.id = s.workspace_id",
  ).all<{ id: string; days: number }>();
  let purged = 0;
  for (const site of sites) {
    for (;;) {
      // By site and time: the (site_id, occurred_at) index makes this a range delete, not a scan.
      const res = await env.DB.prepare(
        `DELETE FROM hits WHERE rowid IN (SELECT rowid FROM hits WHERE site_id = ? AND occurred_at < ? LIMIT 1000)`,
      )
        .bind(site.id, now - site.days * DAY_MS)
        .run();
      purged += res.meta.changes;
      if (res.meta.changes < 1000) break;
    }
  }
  return purged;
}
