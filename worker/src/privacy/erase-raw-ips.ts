import { walkInChunks, type WalkProgress } from "../cron/chunked-walk";

/** Workspaces per statement, IPs per slice, statements per run: at most 118 × 1,000 IPs every 5 minutes. */
const WORKSPACES_PER_CHUNK = 100;
const SLICE = 1000;
const MAX_STATEMENTS = 120;

/**
 * Raw IPs are kept only until enrichment, unless the workspace keeps them (`keepRawIp`). Enrichment erases the
 * IP of the hit it finishes; this job erases whatever raw IP is still stored once enrichment is over — a hit
 * awaiting its second life (enrich/second-life.ts) keeps it until then — in every workspace that does not keep
 * them: the IPs of a workspace that switches `keepRawIp` off, and any an earlier step left. Bounded batches from
 * a saved cursor over workspaces; the partial index hits_raw_ip_idx holds only hits that still have an IP, so a
 * workspace with none costs one index probe. The visit's place goes with the IP.
 */
export function eraseRawIps(db: D1Database, now: number, maxStatements = MAX_STATEMENTS): Promise<WalkProgress> {
  return walkInChunks<{ id: string }>(
    db,
    {
      task: "erase-raw-ips",
      chunk: (cursor, limit) => db.prepare("SELECT id FROM workspaces WHERE keep_raw_ip = 0 AND id > ? ORDER BY id LIMIT ?").bind(cursor, limit),
      // The workspace is read again in the write: one that starts keeping IPs meanwhile keeps them.
      slice: (keys, limit) =>
        db
          .prepare(
            `UPDATE hits SET ip = NULL, visit_location = NULL WHERE rowid IN (
               SELECT h.rowid FROM json_each(?1) k JOIN workspaces w ON w.id = k.value AND w.keep_raw_ip = 0
                 JOIN hits h ON h.workspace_id = w.id AND h.ip IS NOT NULL
                -- Enrichment over (a failed hit awaiting its second life keeps its IP). A CASE, not an OR: an OR of
                -- statuses would lead SQLite to walk every done hit through hits_enrichment_idx.
                WHERE CASE h.enrichment_status WHEN 'pending' THEN 0 WHEN 'failed' THEN h.enrichment_retry_at IS NULL ELSE 1 END
                LIMIT ?2)`,
          )
          .bind(JSON.stringify(keys.map((k) => k.id)), limit),
      keysPerChunk: WORKSPACES_PER_CHUNK,
      sliceRows: SLICE,
      maxStatements,
    },
    now,
  );
}
