import type { Env } from "../env";
import { emitSiteEvent } from "../webhooks/emit";
import type { QuotaReached } from "./ingest-run";

/**
 * `site.quota_reached`, once per site per UTC day. Marked on the day's usage row only once emitted: a failed emit
 * is tried again by the next batch that meets the quota, and the event id (site, day) keeps repeats to one
 * delivery per endpoint.
 */
export async function announceQuotaReached(env: Env, reached: QuotaReached, now: number): Promise<void> {
  const site = await env.DB.prepare("SELECT name FROM sites WHERE id = ?").bind(reached.siteId).first<{ name: string }>();
  if (!site) return;
  await emitSiteEvent(env, {
    workspaceId: reached.workspaceId,
    event: "site.quota_reached",
    at: now,
    data: { site: { id: reached.siteId, name: site.name, publicKey: reached.siteKey }, day: reached.day, quotaMb: reached.quotaMb },
  });
  await env.DB.prepare("UPDATE site_usage SET quota_event_at = ? WHERE site_id = ? AND day = ? AND quota_event_at IS NULL")
    .bind(now, reached.siteId, reached.day)
    .run();
}
