import { optedOutAmong } from "../privacy/opted-out";
import type { BatchState, IngestItem } from "./ingest-run";
import type { DayUsage } from "./steps/quota";
import { hitIdFor } from "./steps/store";
import { loadVisitorStates } from "./steps/visit";
import type { RateWindow } from "./steps/visitor-rate";
import { utcDay } from "../lib/utc-day";

export const usageKey = (siteId: string, day: string) => `${siteId}|${day}`;

/**
 * Step "read" — everything the later steps need from the database, for every item still on its way, in one
 * round trip (the queries run side by side): opt-outs, visitors with their latest session and rate window,
 * the sites' storage used today, and the hits an earlier delivery already stored.
 */
export async function readBatchState(d1: D1Database, items: readonly IngestItem[]): Promise<BatchState> {
  const withVid = items.filter((i) => i.hit!.payload.vid);
  const days = new Map<string, { siteId: string; day: string }>();
  for (const i of items) {
    const day = utcDay(i.env.receivedAt);
    days.set(usageKey(i.site!.id, day), { siteId: i.site!.id, day });
  }
  const [optedOut, visitors, usageRows, alreadyStored] = await Promise.all([
    optedOutAmong(
      d1,
      withVid.map((i) => ({ siteId: i.site!.id, visitorKey: i.hit!.payload.vid! })),
    ),
    loadVisitorStates(d1, [...new Set(items.map((i) => i.visitorId!))]),
    loadUsage(d1, [...days.values()]),
    storedHitIds(
      d1,
      items.map((i) => hitIdFor(i.env)),
    ),
  ]);
  const usage = new Map<string, DayUsage>();
  for (const [key, { siteId, day }] of days) {
    const row = usageRows.get(key);
    usage.set(key, { siteId, day, bytes: row?.bytes ?? 0, quotaEventAt: row?.quotaEventAt ?? null, addedHits: 0, addedBytes: 0 });
  }
  const rateWindows = new Map<string, RateWindow>();
  for (const [id, state] of visitors) if (state.rateWindow) rateWindows.set(id, state.rateWindow);
  return { optedOut, visitors, rateWindows, usage, alreadyStored };
}

async function loadUsage(d1: D1Database, days: readonly { siteId: string; day: string }[]) {
  const rows = new Map<string, { bytes: number; quotaEventAt: number | null }>();
  if (days.length === 0) return rows;
  const { results } = await d1
    .prepare(
      `SELECT u.site_id AS siteId, u.day, u.bytes, u.quota_event_at AS quotaEventAt FROM json_each(?1) j
         JOIN site_usage u ON u.site_id = j.value ->> 0 AND u.day = j.value ->> 1`,
    )
    .bind(JSON.stringify(days.map((d) => [d.siteId, d.day])))
    .all<{ siteId: string; day: string; bytes: number; quotaEventAt: number | null }>();
  for (const r of results) rows.set(usageKey(r.siteId, r.day), r);
  return rows;
}

async function storedHitIds(d1: D1Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { results } = await d1.prepare("SELECT h.id FROM json_each(?1) j JOIN hits h ON h.id = j.value").bind(JSON.stringify(ids)).all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}
