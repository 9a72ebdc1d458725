import type { Env } from "../env";
import { readCursor, saveCursorStatement } from "./cursor";

const DAY_MS = 86_400_000;
const TASK = "purge-expired-hits";
/** Sites per DELETE statement (each a range delete on the (site_id, occurred_at) index), and rows per slice. */
const SITES_PER_STATEMENT = 100;
const SLICE = 1000;
/** Statements per invocation: D1 allows 1,000 queries per Worker invocation, and the other cron tasks need some. */
const MAX_STATEMENTS = 200;

/**
 * Retention: deletes each workspace's hits older than its `retention_days`. Sessions, visitors, leads and
 * their scores (the aggregates) stay. Walks the sites in id order from a saved cursor, a chunk of sites per
 * statement, and stops after MAX_STATEMENTS: the next run resumes at the saved site, and when the walk reaches
 * the last site it starts again from the first. However many sites there are, each is purged in turn.
 */
export async function purgeExpiredHits(env: Env, now: number): Promise<number> {
  const db = env.DB;
  let cursor = await readCursor(db, TASK);
  let purged = 0;
  let statements = 0;
  while (statements < MAX_STATEMENTS) {
    const { results: sites } = await db
      .prepare("SELECT s.id, w.retention_days AS days FROM sites s JOIN workspaces w ON w.id = s.workspace_id WHERE s.id > ? ORDER BY s.id LIMIT ?")
      .bind(cursor, SITES_PER_STATEMENT)
      .all<{ id: string; days: number }>();
    statements++;
    if (!sites.length) {
      if (cursor) await saveCursorStatement(db, TASK, "", now).run(); // the sites past the cursor are gone
      break;
    }
    const cutoffs = JSON.stringify(sites.map((s) => [s.id, now - s.days * DAY_MS]));
    for (;;) {
      if (statements >= MAX_STATEMENTS) break;
      const res = await db
        .prepare(
          `DELETE FROM hits WHERE rowid IN (
             SELECT h.rowid FROM json_each(?) c JOIN hits h ON h.site_id = json_extract(c.value, '$[0]') AND h.occurred_at < json_extract(c.value, '$[1]')
              LIMIT ${SLICE})`,
        )
        .bind(cutoffs)
        .run();
      statements++;
      purged += res.meta.changes;
      if (res.meta.changes < SLICE) {
        // This chunk of sites is clean: move the cursor past it (or back to the start after the last site).
        cursor = sites.length < SITES_PER_STATEMENT ? "" : sites[sites.length - 1]!.id;
        await saveCursorStatement(db, TASK, cursor, now).run();
        statements++;
        break;
      }
    }
    if (sites.length < SITES_PER_STATEMENT) break; // the walk reached the last site
  }
  return purged;
}
