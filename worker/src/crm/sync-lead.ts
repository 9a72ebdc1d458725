import type { Env } from "../env";
import { linkLead } from "../leads/links";
import type { CrmClient } from "./client";
import { loadConnectionForSync, markConnectionBroken, type CrmConnection } from "./connection-store";
import { CrmAuthError, CrmRejected, CrmRetryLater } from "./errors";
import { mqlTask, taskRef } from "./field-values";
import { loadLeadFacts } from "./lead-facts";
import { acquireKeys, syncKeys } from "./locks";
import { openClient } from "./open-client";
import { planSync, type MatchedBy } from "./plan-sync";
import { rememberRecordStatements } from "./record-store";
import { readyConnection } from "./set-up";
import { insertLogStatement, type SyncLogEntry } from "./sync-log";
import { markEventsDone, markEventsFailed, noteAttempt, pendingEvents, saveTaskId, TASK_REQUESTED, type PendingEvent } from "./sync-events";

/** Tries of one lead's sync (each after the CRM's own wait) before its events are recorded as failed. */
export const MAX_SYNC_ATTEMPTS = 10;

export type SyncResult =
  | { outcome: "created" | "updated" | "unchanged"; recordId: string; matchedBy: MatchedBy | null; taskId: string | null; calls: number }
  /** Nothing pending (already synced: a repeated event), or the connection is disabled or broken (events wait). */
  | { outcome: "nothing_to_do" | "paused" }
  /** Another sync holds the lead or its company: try again shortly. */
  | { outcome: "busy" }
  | { outcome: "retry"; delayMs: number; reason: string }
  | { outcome: "failed" | "auth_failed"; reason: string };

/** The workspace's lead links are written by the sync itself, named after the CRM. */
const SYNC_ACTOR = { id: "crm-sync", name: "Synchronisation CRM" };

/**
 * Brings one lead up to date in one CRM: everything its pending events ask, in one pass (the lead's current
 * state is written, whatever number of events led to it). Serialised per lead and per company identity by D1
 * leases; idempotent (no pending event → nothing happens; a record once matched is found again without a search).
 */
export async function syncLead(env: Env, connectionId: string, leadId: string, now = Date.now()): Promise<SyncResult> {
  const conn = await loadConnectionForSync(env.DB, connectionId);
  if (!conn || !conn.enabled || conn.state === "broken") return { outcome: "paused" };
  if (!(await pendingEvents(env.DB, conn.id, leadId)).length) return { outcome: "nothing_to_do" };

  const facts = await loadLeadFacts(env.DB, conn.workspaceId, leadId, now);
  if (!facts) {
    const ids = (await pendingEvents(env.DB, conn.id, leadId)).map((e) => e.eventId);
    await env.DB.batch([markEventsFailed(env.DB, conn.id, ids, "the lead no longer exists", now)]);
    return { outcome: "failed", reason: "the lead no longer exists" };
  }
  const keys = syncKeys(facts.leadId, { siren: facts.siren, domain: facts.domain, name: facts.name });
  if (facts.leadId !== leadId) keys.push(`lead:${leadId}`);
  const lease = await acquireKeys(env.DB, conn.id, keys, now);
  if (!lease) return { outcome: "busy" };
  // Read again under the lease: a sync that just finished may have done them (and created the MQL task).
  const pending = await pendingEvents(env.DB, conn.id, leadId);
  if (!pending.length) {
    await lease.release();
    return { outcome: "nothing_to_do" };
  }
  const eventIds = pending.map((e) => e.eventId);

  let client: CrmClient | null = null;
  const log = (e: Partial<SyncLogEntry> & Pick<SyncLogEntry, "outcome">): SyncLogEntry => ({
    workspaceId: conn.workspaceId,
    connectionId: conn.id,
    leadId: facts.leadId,
    matchedBy: null,
    recordId: null,
    decisions: null,
    taskId: null,
    eventIds,
    calls: client?.http.calls ?? 0,
    httpStatus: client?.http.lastStatus ?? null,
    response: client?.http.lastResponse ?? null,
    at: now,
    ...e,
  });
  try {
    client = await openClient(env, conn);
    return await writeLead(env, client, conn, facts, pending, now, log);
  } catch (err) {
    return await recordFailure(env, conn, pending, err, now, log);
  } finally {
    await lease.release();
  }
}

async function writeLead(
  env: Env,
  client: CrmClient,
  conn: CrmConnection,
  facts: NonNullable<Awaited<ReturnType<typeof loadLeadFacts>>>,
  pending: PendingEvent[],
  now: number,
  log: (e: Partial<SyncLogEntry> & Pick<SyncLogEntry, "outcome">) => SyncLogEntry,
): Promise<SyncResult> {
  const db = env.DB;
  const { account, keys } = await readyConnection(db, client, conn, now);
  const plan = await planSync(db, client, conn, keys, facts, { forgetMissing: true });

  // Sillage now "owns" the values it wrote and those the CRM already had equal to its own.
  const written = { ...plan.written };
  for (const d of plan.decisions) if (d.action === "same" && keys[d.field]) written[keys[d.field]!] = d.sillage!;
  Object.assign(written, plan.toWrite);
  const remember = (recordId: string, created: boolean) =>
    rememberRecordStatements(db, {
      connectionId: conn.id,
      workspaceId: conn.workspaceId,
      leadId: facts.leadId,
      recordId,
      identity: plan.identity,
      written,
      created,
      now,
    });

  let recordId: string;
  let ownerId: string | null;
  let outcome: "created" | "updated" | "unchanged";
  if (!plan.current) {
    const created = await client.create(plan.toWrite, keys);
    recordId = created.id;
    ownerId = created.ownerId;
    outcome = "created";
    // Remembered at once: if anything below fails, the retry finds this company instead of creating another.
    await db.batch(remember(recordId, true));
  } else {
    recordId = plan.current.id;
    ownerId = plan.current.ownerId;
    outcome = Object.keys(plan.toWrite).length ? "updated" : "unchanged";
    if (outcome === "updated") await client.update(recordId, plan.toWrite, keys);
  }

  // The log keeps the CRM's answer to the company write (the task's answer would hide it).
  const answer = { httpStatus: client.http.lastStatus, response: client.http.lastResponse };

  // The MQL task, once per MQL event, only while the lead is still an MQL when the sync runs.
  // A try that died or lost the answer after asking for the task left TASK_REQUESTED: look for the task first.
  let taskId: string | null = null;
  const mqlEvent = pending.find((e) => e.kind === "lead.mql");
  if (mqlEvent?.taskId && mqlEvent.taskId !== TASK_REQUESTED) taskId = mqlEvent.taskId;
  else if (mqlEvent && facts.status === "mql") {
    const ref = taskRef(mqlEvent.eventId);
    if (mqlEvent.taskId === TASK_REQUESTED) taskId = await client.findTask(recordId, ref);
    if (!taskId) {
      await saveTaskId(db, conn.id, mqlEvent.eventId, TASK_REQUESTED);
      taskId = await client.createTask(recordId, conn.taskOwnerId ?? ownerId, mqlTask(facts, ref));
    }
    await saveTaskId(db, conn.id, mqlEvent.eventId, taskId);
  }

  const ref = client.recordRef(account, recordId);
  await linkLead(db, { id: facts.leadId, workspaceId: conn.workspaceId }, "crm-record", ref, SYNC_ACTOR, now);
  await db.batch([
    ...remember(recordId, outcome === "created"),
    markEventsDone(
      db,
      conn.id,
      pending.map((e) => e.eventId),
      now,
    ),
    insertLogStatement(db, log({ outcome, matchedBy: plan.matchedBy, recordId: ref, decisions: plan.decisions, taskId, ...answer })),
  ]);
  return { outcome, recordId: ref, matchedBy: plan.matchedBy, taskId, calls: client.http.calls };
}

/** What a failure means for the lead's events: wait for a fixed token, retry later, or give up with the CRM's reason. */
async function recordFailure(
  env: Env,
  conn: CrmConnection,
  pending: PendingEvent[],
  err: unknown,
  now: number,
  log: (e: Partial<SyncLogEntry> & Pick<SyncLogEntry, "outcome">) => SyncLogEntry,
): Promise<SyncResult> {
  const db = env.DB;
  const ids = pending.map((e) => e.eventId);
  if (err instanceof CrmAuthError) {
    // The events stay pending: fixing the token (PATCH + test) re-queues them.
    await markConnectionBroken(db, conn.id, `the CRM refused the token: ${err.message}`, now);
    await db.batch([
      noteAttempt(db, conn.id, ids, err.message),
      insertLogStatement(db, log({ outcome: "auth_failed", httpStatus: err.status, response: err.response || err.message })),
    ]);
    return { outcome: "auth_failed", reason: err.message };
  }
  if (!(err instanceof CrmRejected) && !(err instanceof CrmRetryLater)) {
    // Our own failure (D1, a bug): retried like a CRM outage, the events stay pending until the last attempt.
    console.error("crm sync", conn.id, err);
    err = new CrmRetryLater(err instanceof Error ? err.message : String(err), 60_000, null, "");
  }
  if (err instanceof CrmRetryLater) {
    const attempts = Math.max(...pending.map((e) => e.attempts)) + 1;
    if (attempts < MAX_SYNC_ATTEMPTS) {
      await db.batch([noteAttempt(db, conn.id, ids, err.message), insertLogStatement(db, log({ outcome: "retry", response: err.response || err.message }))]);
      return { outcome: "retry", delayMs: err.delayMs, reason: err.message };
    }
    const reason = `gave up after ${attempts} attempts: ${err.message}`;
    await db.batch([markEventsFailed(db, conn.id, ids, reason, now), insertLogStatement(db, log({ outcome: "failed", response: err.response || reason }))]);
    return { outcome: "failed", reason };
  }
  if (err instanceof CrmRejected) {
    await db.batch([
      markEventsFailed(db, conn.id, ids, err.message, now),
      insertLogStatement(db, log({ outcome: "failed", httpStatus: err.status, response: err.response || err.message })),
    ]);
    return { outcome: "failed", reason: err.message };
  }
  throw err;
}
