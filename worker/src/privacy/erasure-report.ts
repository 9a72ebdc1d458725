/** What an erasure removed, table by table, so that the caller can show it to the person who asked. */
export interface ErasureReport {
  /** Whether anything about the person was found in the workspace. */
  found: boolean;
  contactId: string | null;
  /** Rows deleted. */
  deleted: {
    contacts: number;
    visitors: number;
    sessions: number;
    hits: number;
    leads: number;
    leadNotes: number;
    leadLinks: number;
    leadTransitions: number;
    webhookDeliveries: number;
    /** The erased lead's events waiting in (or sent through) the outbox. */
    leadEvents: number;
    /** The erased lead's CRM sync bookkeeping: its sync events, log entries and record link (the CRM's record stays). */
    crmSyncRecords: number;
  };
  /** Rows kept (they belong to someone else: a company lead, a shared session) with the person's data removed. */
  scrubbed: {
    /** Company leads that named the person as their contact. */
    leadsUnlinked: number;
    /** Scoring states that listed the person's contact or visitor ids (their points stay: they are the company's). */
    scoreStates: number;
    /** Notes on other leads that quoted the e-mail address (replaced by a placeholder). */
    leadNotes: number;
    /** Status-change notes (a rejection's reason…) that quoted it, likewise. */
    transitionNotes: number;
    /** Sessions whose referrer, landing path or campaign quoted the e-mail address. */
    sessions: number;
  };
}

export function emptyReport(): ErasureReport {
  return {
    found: false,
    contactId: null,
    deleted: {
      contacts: 0,
      visitors: 0,
      sessions: 0,
      hits: 0,
      leads: 0,
      leadNotes: 0,
      leadLinks: 0,
      leadTransitions: 0,
      webhookDeliveries: 0,
      leadEvents: 0,
      crmSyncRecords: 0,
    },
    scrubbed: { leadsUnlinked: 0, scoreStates: 0, leadNotes: 0, transitionNotes: 0, sessions: 0 },
  };
}

type Counter = {
  [K in keyof ErasureReport]: ErasureReport[K] extends Record<string, number> ? `${K}.${keyof ErasureReport[K] & string}` : never;
}[keyof ErasureReport];

/** One statement of an erasure batch and the counter its changed rows add to. */
export interface CountedStatement {
  counter: Counter;
  stmt: D1PreparedStatement;
}

/**
 * Runs the statements as one D1 batch (one transaction: an erasure is all or nothing) and adds each
 * statement's changed rows to its counter.
 */
export async function runErasure(db: D1Database, report: ErasureReport, statements: CountedStatement[]): Promise<ErasureReport> {
  if (statements.length === 0) return report;
  const results = await db.batch(statements.map((s) => s.stmt));
  statements.forEach((s, i) => {
    const [group, field] = s.counter.split(".") as ["deleted" | "scrubbed", string];
    const counts = report[group] as Record<string, number>;
    counts[field] = (counts[field] ?? 0) + (results[i]?.meta.changes ?? 0);
  });
  const total = [...Object.values(report.deleted), ...Object.values(report.scrubbed)].reduce((a, b) => a + b, 0);
  report.found = report.found || total > 0;
  return report;
}

/**
 * Prepares SQL that uses numbered parameters (?1, ?2…) with the first N of `params`, N being the highest
 * number the SQL uses, so that one parameter list serves every statement of a batch.
 */
export function numbered(db: D1Database, sql: string, params: readonly unknown[]): D1PreparedStatement {
  let max = 0;
  for (const m of sql.matchAll(/\?(\d+)/g)) max = Math.max(max, Number(m[1]));
  return db.prepare(sql).bind(...params.slice(0, max));
}

/** JSON path of a key in an object member of the scoring state; ids are [A-Za-z0-9_-], quoting keeps it exact. */
export const statePath = (member: "contacts" | "metrics.visitors", id: string) => `$.${member}."${id.replace(/"/g, "")}"`;
