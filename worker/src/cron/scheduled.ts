import type { Env } from "../env";
import { purgeExpiredHits } from "./purge-expired-hits";
import { requeueDeferredContacts, requeuePendingEnrichment } from "./requeue-pending-enrichment";
import { reviveFailedEnrichment } from "./revive-failed-enrichment";
import { flagOverdueMqls } from "./flag-overdue-mqls";
import { recheckDecayedMqls } from "./recheck-decayed-mqls";
import { requeueStalledDeliveries } from "../webhooks/requeue-stalled";
import { requeueStalledCrmSyncs } from "../crm/resume";
import { purgeConsoleSessions } from "../auth/console-sessions-store";
import { dispatchOutbox } from "../webhooks/outbox";
import { purgeSiteUsage } from "../privacy/purge-expired-hits";
import { eraseRawIps } from "../privacy/erase-raw-ips";
import { purgeDeliveryRecords } from "./purge-delivery-records";

/** Outbox rows sent per run: 3 queries per 100, so a backlog of 5,000 overdue MQLs goes out in one run. */
const DISPATCH_PER_RUN = 5000;

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Every 5 minutes (wrangler.toml). Each task is independent: one failing does not stop the others. */
export async function runScheduled(env: Env, now: number): Promise<Record<string, number | string>> {
  const tasks: Record<string, (env: Env, now: number) => Promise<number>> = {
    requeuedEnrichment: requeuePendingEnrichment,
    requeuedContacts: requeueDeferredContacts,
    revivedEnrichment: reviveFailedEnrichment,
    purgedHits: purgeExpiredHits,
    purgedSiteUsage: (env, now) => purgeSiteUsage(env.DB, now),
    erasedRawIps: async (env, now) => (await eraseRawIps(env.DB, now)).changed,
    overdueMqls: flagOverdueMqls,
    decayedMqls: recheckDecayedMqls,
    // After the tasks that write lead events: what they committed is sent in the same run.
    dispatchedEvents: (env, now) => dispatchOutbox(env, now, { limit: DISPATCH_PER_RUN }),
    requeuedWebhooks: requeueStalledDeliveries,
    requeuedCrmSyncs: requeueStalledCrmSyncs,
    purgedConsoleSessions: (env, now) => purgeConsoleSessions(env.DB, now),
    purgedDeliveryRecords: async (env, now) => sum(await purgeDeliveryRecords(env.DB, now)),
  };
  const report: Record<string, number | string> = {};
  for (const [name, task] of Object.entries(tasks)) {
    try {
      report[name] = await task(env, now);
    } catch (err) {
      console.error(`cron task ${name} failed`, err);
      report[name] = `failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return report;
}
