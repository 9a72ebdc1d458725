/** Where a cron task that walks a table stopped (cron_cursors); "" when it starts from the beginning. */
export async function readCursor(db: D1Database, task: string): Promise<string> {
  const row = await db.prepare("SELECT cursor FROM cron_cursors WHERE task = ?").bind(task).first<{ cursor: string }>();
  return row?.cursor ?? "";
}

export function saveCursorStatement(db: D1Database, task: string, cursor: string, now: number): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO cron_cursors (task, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT(task) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
    )
    .bind(task, cursor, now);
}
