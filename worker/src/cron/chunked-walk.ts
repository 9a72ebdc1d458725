import { readCursor, saveCursorStatement } from "./cursor";

/**
 * A bounded, resumable walk over a list of keys (sites, workspaces) in id order: a chunk of keys per statement,
 * each chunk cleaned by slices of at most `sliceRows` rows until a slice changes fewer, then the saved cursor
 * moves past the chunk. After `maxStatements` statements the walk stops where it is; the next run resumes at the
 * saved key, and once it reaches the last key it starts again from the first. However long the list and however
 * many rows each key holds, every key is cleaned in turn and no run exceeds its budget (D1 allows 1,000 queries
 * per Worker invocation, shared by every cron task).
 */
export interface ChunkedWalk<K extends { id: string }> {
  /** The cursor's name in cron_cursors. */
  task: string;
  /** The next `limit` keys after `cursor` (all keys when `cursor` is ""), in id order. */
  chunk(cursor: string, limit: number): D1PreparedStatement;
  /** One write over a chunk's rows, changing at most `limit` of them. */
  slice(keys: K[], limit: number): D1PreparedStatement;
  keysPerChunk: number;
  sliceRows: number;
  maxStatements: number;
}

export interface WalkProgress {
  /** Rows the slices changed. */
  changed: number;
  /** Keys whose rows are all clean now (in this run). */
  keysDone: number;
  /** The walk reached the last key: every key was cleaned, in this run or the earlier ones since the last wrap. */
  complete: boolean;
  /** Where the next run starts ("" from the first key). */
  cursor: string;
}

export async function walkInChunks<K extends { id: string }>(db: D1Database, walk: ChunkedWalk<K>, now: number): Promise<WalkProgress> {
  let cursor = await readCursor(db, walk.task);
  const progress: WalkProgress = { changed: 0, keysDone: 0, complete: false, cursor };
  let statements = 1;
  while (statements < walk.maxStatements) {
    const { results: keys } = await walk.chunk(cursor, walk.keysPerChunk).all<K>();
    statements++;
    if (!keys.length) {
      if (cursor) await saveCursorStatement(db, walk.task, "", now).run(); // the keys past the cursor are gone
      return { ...progress, complete: true, cursor: "" };
    }
    for (;;) {
      if (statements >= walk.maxStatements) return { ...progress, cursor };
      const res = await walk.slice(keys, walk.sliceRows).run();
      statements++;
      progress.changed += res.meta.changes;
      if (res.meta.changes >= walk.sliceRows) continue;
      // This chunk is clean: move the cursor past it (or back to the start after the last key).
      const last = keys.length < walk.keysPerChunk;
      cursor = last ? "" : keys[keys.length - 1]!.id;
      await saveCursorStatement(db, walk.task, cursor, now).run();
      statements++;
      progress.keysDone += keys.length;
      if (last) return { ...progress, complete: true, cursor };
      break;
    }
  }
  return { ...progress, cursor };
}
