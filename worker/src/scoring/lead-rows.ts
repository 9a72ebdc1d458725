import type { HistoryEntry, LifecycleLead } from "@sillage/shared/lifecycle/types";
import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { ScoreState } from "@sillage/shared/scoring/state";
import { newId } from "../lib/ids";

export interface LeadRow {
  id: string;
  workspaceId: string;
  status: LeadStatus;
  statusChangedAt: number;
  score: number;
  scoreState: unknown;
  qualified: boolean;
  revision: number;
}

export async function loadLeadRow(db: D1Database, leadId: string): Promise<LeadRow | null> {
  const row = await db
    .prepare(
      `SELECT id, workspace_id AS workspaceId, status, status_changed_at AS statusChangedAt, score, score_state AS scoreState,
              qualified, revision FROM leads WHERE id = ?`,
    )
    .bind(leadId)
    .first<Omit<LeadRow, "scoreState" | "qualified"> & { scoreState: string | null; qualified: number }>();
  if (!row) return null;
  return { ...row, scoreState: row.scoreState ? JSON.parse(row.scoreState) : null, qualified: !!row.qualified };
}

const actorName = (e: HistoryEntry) => (e.actor.type === "system" ? "system" : e.actor.name ? `${e.actor.id}:${e.actor.name}` : e.actor.id);

const TRANSITION_INSERT = "INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, note, at)";

/** One transition row's values, in TRANSITION_INSERT's column order. */
function transitionValues(lead: { id: string; workspaceId: string }, e: HistoryEntry) {
  return [newId("tr"), lead.id, lead.workspaceId, e.from, e.to, actorName(e), e.reason ?? null, e.note ?? null, e.at];
}

/** The transition rows of a lifecycle change (who, when, why). */
export function transitionStatements(db: D1Database, lead: { id: string; workspaceId: string }, entries: readonly HistoryEntry[]) {
  return entries.map((e) => db.prepare(`${TRANSITION_INSERT} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).bind(...transitionValues(lead, e)));
}

/** What a guarded write needs to know of a lead: who it is, its lifecycle, its revision. */
export type LeadVersion = Pick<LeadRow, "id" | "workspaceId" | "status" | "statusChangedAt" | "qualified" | "revision">;

export interface ScoreChange {
  state: ScoreState;
  score: number;
  modelVersion: number;
  lifecycle: LifecycleLead;
  entries: HistoryEntry[];
  slaHours: number;
  now: number;
}

const CHANGE_VALUES = ["state", "score", "modelVersion", "qualified", "status", "since", "becameMql", "leftMql", "now", "slaDueAt", "id", "revision"] as const;
type ChangeValues = Record<(typeof CHANGE_VALUES)[number], string | number>;

/** The values of a guarded score write, by name (pure). */
function changeValues(row: LeadVersion, change: ScoreChange): ChangeValues {
  const { lifecycle, entries, now } = change;
  return {
    state: JSON.stringify(change.state),
    score: change.score,
    modelVersion: change.modelVersion,
    qualified: lifecycle.qualified ? 1 : 0,
    status: lifecycle.status,
    since: lifecycle.since,
    becameMql: entries.some((e) => e.to === "mql") ? 1 : 0,
    leftMql: entries.some((e) => e.from === "mql") ? 1 : 0,
    now,
    slaDueAt: now + change.slaHours * 3600_000,
    id: row.id,
    revision: row.revision,
  };
}

/**
 * The SET clause of a guarded score write, `v(name)` giving each value: a numbered parameter for one lead, a column
 * of a JSON row for many. One text for both, so that the single and the bulk write cannot drift apart.
 */
const changeSet = (v: (name: keyof ChangeValues) => string) =>
  `score_state = ${v("state")}, score = ${v("score")}, model_version = ${v("modelVersion")}, qualified = ${v("qualified")},
   status = ${v("status")}, status_changed_at = ${v("since")},
   mql_at = CASE WHEN ${v("becameMql")} THEN ${v("now")} ELSE leads.mql_at END,
   sla_due_at = CASE WHEN ${v("becameMql")} THEN ${v("slaDueAt")} WHEN ${v("leftMql")} THEN NULL ELSE leads.sla_due_at END,
   sla_overdue_at = CASE WHEN ${v("becameMql")} OR ${v("leftMql")} THEN NULL ELSE leads.sla_overdue_at END,
   revision = leads.revision + 1`;

const param = (name: keyof ChangeValues) => `?${CHANGE_VALUES.indexOf(name) + 1}`;
const SINGLE_UPDATE = `UPDATE leads SET ${changeSet(param)} WHERE id = ${param("id")} AND revision = ${param("revision")}`;

const BULK_UPDATE = `UPDATE leads SET ${changeSet((name) => `j.${name}`)}
  FROM (SELECT ${CHANGE_VALUES.map((name) => `json_extract(value, '$.${name}') AS ${name}`).join(", ")} FROM json_each(?1)) AS j
  WHERE leads.id = j.id AND leads.revision = j.revision RETURNING id`;
const BULK_TRANSITIONS = `${TRANSITION_INSERT} SELECT ${Array.from({ length: 9 }, (_, i) => `json_extract(value, '$[${i}]')`).join(", ")} FROM json_each(?1)`;

/** Bytes of JSON per bulk statement: D1 caps a string value at 2 MB, and score states vary in size. */
const BULK_JSON_BYTES = 1_000_000;

/**
 * Writes the new score state and status if nobody changed the lead since it was read (same revision), with the
 * transition rows, in one batch. Returns the saved row, or null when the revision moved (caller retries).
 */
export async function persistLeadChange(db: D1Database, row: LeadRow, change: ScoreChange): Promise<LeadRow | null> {
  const values = changeValues(row, change);
  const [res] = await db.batch([db.prepare(SINGLE_UPDATE).bind(...CHANGE_VALUES.map((name) => values[name]))]);
  if (!res?.meta.changes) return null;
  // Written after the guarded update so that a lost race records no transition twice.
  if (change.entries.length) await db.batch(transitionStatements(db, row, change.entries));
  return savedLeadRow(row, change);
}

/**
 * The statements of one attribution unit, to run in one D1 batch (one transaction): the guarded score write, then
 * — only if that write won (`write_id` is this write's random id) — the hits' claim, the transition rows and
 * whatever else the caller adds through `ifWon` (SQL ending in `{won}`). The score write itself also requires every hit of the unit to be
 * unclaimed, so two deliveries of one hit can never both score it. Nothing is written unless everything is.
 */
export function attributionStatements(
  db: D1Database,
  row: LeadRow,
  change: ScoreChange,
  unit: { writeId: string; hitIds: readonly string[]; undecidedContactId?: string | null },
): { statements: D1PreparedStatement[]; ifWon: (sql: string, ...binds: unknown[]) => D1PreparedStatement } {
  const values = changeValues(row, change);
  const n = CHANGE_VALUES.length;
  const hits = JSON.stringify(unit.hitIds);
  // Hits placed by their network while their contact's company is unknown: only if it is still unknown at commit,
  // so a company decided meanwhile (and its hits moved) never has a hit land behind it on the network's lead.
  const undecided = unit.undecidedContactId ? ` AND EXISTS (SELECT 1 FROM contacts WHERE id = ?${n + 3} AND siren IS NULL AND company_reason IS NULL)` : "";
  const write = db
    .prepare(
      `UPDATE leads SET ${changeSet(param)}, write_id = ?${n + 1}
        WHERE id = ${param("id")} AND revision = ${param("revision")}
          AND NOT EXISTS (SELECT 1 FROM hits WHERE id IN (SELECT value FROM json_each(?${n + 2})) AND lead_id IS NOT NULL)${undecided}`,
    )
    .bind(...CHANGE_VALUES.map((name) => values[name]), unit.writeId, hits, ...(unit.undecidedContactId ? [unit.undecidedContactId] : []));
  // `{won}` (last in the statement) is true only if the score write above committed in this batch.
  const won = "(SELECT write_id FROM leads WHERE id = ?) = ?";
  const ifWon = (sql: string, ...binds: unknown[]) => db.prepare(sql.replace("{won}", won)).bind(...binds, row.id, unit.writeId);
  const statements = [
    write,
    ifWon("UPDATE hits SET lead_id = ? WHERE id IN (SELECT value FROM json_each(?)) AND lead_id IS NULL AND {won}", row.id, hits),
    ...change.entries.map((e) => ifWon(`${TRANSITION_INSERT} SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE {won}`, ...transitionValues(row, e))),
  ];
  return { statements, ifWon };
}

/** The lead as saved by a won write (pure). */
export function savedLeadRow(row: LeadRow, change: ScoreChange): LeadRow {
  const { lifecycle } = change;
  return {
    ...row,
    status: lifecycle.status,
    statusChangedAt: lifecycle.since,
    score: change.score,
    scoreState: change.state,
    qualified: lifecycle.qualified,
    revision: row.revision + 1,
  };
}

/**
 * persistLeadChange for many leads: one guarded UPDATE per megabyte of new states, then their transition rows.
 * Returns the ids saved; the others moved on (revision) or are gone, and the caller decides whether to retry.
 */
export async function persistLeadChanges(db: D1Database, changes: readonly { row: LeadVersion; change: ScoreChange }[]): Promise<Set<string>> {
  const saved = new Set<string>();
  let chunk: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const { results } = await db
      .prepare(BULK_UPDATE)
      .bind(`[${chunk.join(",")}]`)
      .all<{ id: string }>();
    for (const r of results) saved.add(r.id);
    [chunk, bytes] = [[], 0];
  };
  for (const { row, change } of changes) {
    const json = JSON.stringify(changeValues(row, change));
    if (bytes + json.length > BULK_JSON_BYTES) await flush();
    chunk.push(json);
    bytes += json.length + 1;
  }
  await flush();
  // Written after the guarded update so that a lost race records no transition twice.
  const transitions = changes.filter((c) => saved.has(c.row.id)).flatMap((c) => c.change.entries.map((e) => transitionValues(c.row, e)));
  if (transitions.length) await db.prepare(BULK_TRANSITIONS).bind(JSON.stringify(transitions)).run();
  return saved;
}

/** The current versions of the given leads (those that still exist). */
export async function loadLeadVersions(db: D1Database, ids: readonly string[]): Promise<LeadVersion[]> {
  const { results } = await db
    .prepare(
      `SELECT id, workspace_id AS workspaceId, status, status_changed_at AS statusChangedAt, qualified, revision FROM leads
        WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(ids))
    .all<Omit<LeadVersion, "qualified"> & { qualified: number }>();
  return results.map((r) => ({ ...r, qualified: !!r.qualified }));
}
