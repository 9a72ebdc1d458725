export interface WeekFigures {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  leads: number;
  mqls: number;
  sqls: number;
}

// SQLite: back 6 days, then forward to the next Monday, lands on the Monday of the week (a Monday stays itself).
const WEEK_OF = (ms: string) => `date(${ms} / 1000, 'unixepoch', '-6 days', 'weekday 1')`;

/** Monday (UTC) of the week of `ms`, as YYYY-MM-DD: the pure twin of WEEK_OF. */
export function mondayOf(ms: number): string {
  const d = new Date(ms);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10);
}

/** Every week touching [from, to), in order, with the figures found (zero where none). */
export function fillWeeks(from: number, to: number, found: ReadonlyMap<string, Partial<WeekFigures>>): WeekFigures[] {
  const weeks: WeekFigures[] = [];
  for (let monday = Date.parse(`${mondayOf(from)}T00:00:00Z`); monday < to; monday += 7 * 86_400_000) {
    const week = new Date(monday).toISOString().slice(0, 10);
    const f = found.get(week) ?? {};
    weeks.push({ week, leads: f.leads ?? 0, mqls: f.mqls ?? 0, sqls: f.sqls ?? 0 });
  }
  return weeks;
}

/**
 * New leads, leads that became MQL and leads accepted as SQL, per week of [from, to) (a lead qualified twice
 * in one week counts once). Two grouped queries on the (workspace, time) indexes.
 */
export async function weeklyFunnel(db: D1Database, workspaceId: string, from: number, to: number): Promise<WeekFigures[]> {
  const [transitions, created] = await db.batch<{ week: string; status?: string; n: number }>([
    db
      .prepare(
        `SELECT ${WEEK_OF("at")} AS week, to_status AS status, count(DISTINCT lead_id) AS n FROM lead_transitions
          WHERE workspace_id = ? AND at >= ? AND at < ? AND to_status IN ('mql', 'sql') GROUP BY week, to_status`,
      )
      .bind(workspaceId, from, to),
    db
      .prepare(
        `SELECT ${WEEK_OF("first_seen_at")} AS week, count(*) AS n FROM leads WHERE workspace_id = ? AND first_seen_at >= ? AND first_seen_at < ? GROUP BY week`,
      )
      .bind(workspaceId, from, to),
  ]);
  const found = new Map<string, Partial<WeekFigures>>();
  const entry = (week: string) => found.get(week) ?? found.set(week, {}).get(week)!;
  for (const r of transitions!.results) entry(r.week)[r.status === "mql" ? "mqls" : "sqls"] = r.n;
  for (const r of created!.results) entry(r.week).leads = r.n;
  return fillWeeks(from, to, found);
}
