/** Where enrichment's final writes go: straight to D1, or grouped into one transaction per queue batch. */
export interface HitWrites {
  add(stmt: D1PreparedStatement): Promise<void>;
  /** Writes what is grouped so far; throws if the transaction fails (nothing of it is written then). */
  flush(): Promise<void>;
}

export function groupedWrites(db: D1Database): HitWrites {
  let pending: D1PreparedStatement[] = [];
  return {
    async add(stmt) {
      pending.push(stmt);
    },
    async flush() {
      if (pending.length === 0) return;
      const stmts = pending;
      pending = [];
      await db.batch(stmts);
    },
  };
}
