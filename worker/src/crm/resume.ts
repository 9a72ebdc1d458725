import type { Env } from "../env";
import { sendSyncs } from "./queue-syncs";
import { pendingLeadsOf, stalledSyncs } from "./sync-events";

/** Leads re-queued at once when a connection works again; the cron job takes the rest. */
const RESUME_LIMIT = 1000;
/** A pending event older than this was lost by the queue (or waits on a long Retry-After: running it again is harmless). */
const STALLED_AFTER_MS = 15 * 60_000;

/** After the token was fixed or the connection enabled: every lead with pending events is queued again. */
export async function resumeConnection(env: Env, connectionId: string): Promise<number> {
  const leads = await pendingLeadsOf(env.DB, connectionId, RESUME_LIMIT);
  await sendSyncs(
    env,
    leads.map((leadId) => ({ connectionId, leadId })),
  );
  return leads.length;
}

/** Cron: pending syncs of healthy connections that nothing is processing any more. */
export async function requeueStalledCrmSyncs(env: Env, now: number): Promise<number> {
  const stalled = await stalledSyncs(env.DB, now - STALLED_AFTER_MS, 500);
  await sendSyncs(env, stalled);
  return stalled.length;
}
