import type { DropReason } from "@sillage/shared/drop-reasons";
import { getDb } from "../db/client";
import { optOutKey } from "../privacy/opted-out";
import { dropItem, type IngestItem, type IngestRun, type PipelineStep } from "./ingest-run";
import { readBatchState, usageKey } from "./batch-state";
import { utcDay } from "../lib/utc-day";
import { parse } from "./steps/parse";
import { validate } from "./steps/validate";
import { resolveSite } from "./steps/site";
import { dropBots } from "./steps/bots";
import { consent } from "./steps/consent";
import { afterHit, continueVisit, visitorIdFor, visitorKey } from "./steps/visit";
import { countVisitorHit } from "./steps/visitor-rate";
import { admitToQuota, hitStorageBytes, quotaBytesOf, withinPropsBudget } from "./steps/quota";
import { contactIdFor } from "./steps/contact";
import { hitIdFor, storeStatements } from "./steps/store";
import { quotaEventStatements } from "./quota-event";

/**
 * A step applied to each item still on its way, in the batch's order: returns a drop reason to end the item
 * there. Items of one visitor are met in order, so per-visitor state carried between them (sessions, rate
 * windows) evolves as if the requests had come one by one.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a step that only fills the item returns nothing at all.
type Verdict = DropReason | void;

function eachHit(name: string, fn: (item: IngestItem, run: IngestRun) => Verdict | Promise<Verdict>): PipelineStep {
  return {
    name,
    async run(run) {
      for (const item of run.items) {
        if (item.outcome) continue;
        const reason = await fn(item, run);
        if (reason) dropItem(run, item, reason);
      }
    },
  };
}

const live = (run: IngestRun) => run.items.filter((item) => !item.outcome);
const stateOf = (run: IngestRun) => run.state!;

/** The steps, in order. Names are what the timings (and the collect bench) report. */
export const PIPELINE_STEPS: readonly PipelineStep[] = [
  eachHit("parse", (item) => {
    const r = parse(item.env);
    if (!r.ok) return r.reason;
    item.raw = r.value;
  }),
  eachHit("validate", (item) => {
    const r = validate(item.raw!);
    if (!r.ok) return r.reason;
    item.hit = r.value;
  }),
  // The site's settings (cached per isolate for a minute): the key must exist, the page be on its hostnames.
  eachHit("site", async (item, run) => {
    const r = await resolveSite(getDb(run.d1), item.hit!, item.env.receivedAt);
    if (!r.ok) {
      if (r.reason === "hostname_not_allowed") item.siteKey = item.hit!.payload.site;
      return r.reason;
    }
    item.site = r.value;
    item.siteKey = r.value.publicKey;
  }),
  eachHit("bots", (item) => {
    const r = dropBots(item.env.headers);
    if (!r.ok) return r.reason;
  }),
  eachHit("consent", (item) => {
    const r = consent(item.site!, item.env.headers);
    if (!r.ok) return r.reason;
  }),
  eachHit("props-budget", (item) => {
    if (!withinPropsBudget(item.hit!.payload.props)) return "props_too_large";
  }),
  eachHit("visitor", async (item) => {
    item.visitorKey = await visitorKey(item.site!, item.hit!, item.env);
    item.visitorId = await visitorIdFor(item.site!.id, item.visitorKey);
  }),
  // One round trip: opt-outs, visitors and their latest sessions, sites' usage of the day, hits already stored.
  { name: "read", run: async (run) => void (run.state = await readBatchState(run.d1, live(run))) },
  // A redelivered message whose hit is stored must not count again (sessions, rate, quota).
  eachHit("redelivery", (item, run) => {
    const hitId = hitIdFor(item.env);
    if (stateOf(run).alreadyStored.has(hitId)) item.outcome = { stored: true, hitId, siteId: item.site!.id, workspaceId: item.site!.workspaceId };
  }),
  // Only tracker ids can opt out: cookieless and pixel keys change every day.
  eachHit("opt-out", (item, run) => {
    const vid = item.hit!.payload.vid;
    if (vid && stateOf(run).optedOut.has(optOutKey(item.site!.id, vid))) return "opted_out";
  }),
  eachHit("visitor-rate", (item, run) => {
    const windows = stateOf(run).rateWindows;
    const counted = countVisitorHit(windows.get(item.visitorId!), item.env.receivedAt);
    windows.set(item.visitorId!, counted.window);
    if (!counted.ok) return "visitor_rate_limited";
  }),
  eachHit("site-quota", (item, run) => {
    const site = item.site!;
    const day = utcDay(item.env.receivedAt);
    const usage = stateOf(run).usage.get(usageKey(site.id, day))!;
    if (admitToQuota(usage, hitStorageBytes(item.hit!, item.env), quotaBytesOf(site.dailyQuotaMb))) return;
    if (usage.quotaEventAt === null)
      run.quotaReached.set(usageKey(site.id, day), {
        siteId: site.id,
        workspaceId: site.workspaceId,
        siteKey: site.publicKey,
        day,
        quotaMb: site.dailyQuotaMb,
        at: item.env.receivedAt,
      });
    return "site_quota_exceeded";
  }),
  // Which session the hit joins, and whose it is: an identify names its contact.
  eachHit("session", async (item, run) => {
    const visitors = stateOf(run).visitors;
    const before = visitors.get(item.visitorId!);
    const visit = continueVisit(before, item.visitorId!, item.visitorKey!, item.env.receivedAt);
    const p = item.hit!.payload;
    const identified = p.type === "identify" && p.traits ? await contactIdFor(item.site!.workspaceId, p.traits.email.trim().toLowerCase()) : null;
    item.visit = visit;
    item.contactId = identified ?? visit.contactId;
    // Only a tracker id ties the browser to the contact (see store.ts): a cookieless visitor's next hit is no one's.
    visitors.set(item.visitorId!, afterHit(visit, item.env.receivedAt, identified && p.vid ? identified : visit.contactId, before));
  }),
  eachHit("store", (item, run) => {
    const site = item.site!;
    run.writes.push(
      ...storeStatements(run.d1, {
        site,
        hit: item.hit!,
        visit: item.visit!,
        env: item.env,
        contactId: item.contactId ?? null,
        rateWindow: stateOf(run).rateWindows.get(item.visitorId!)!,
      }),
    );
    item.outcome = { stored: true, hitId: hitIdFor(item.env), siteId: site.id, workspaceId: site.workspaceId };
  }),
  // One transaction: every hit, visitor, session, contact, the sites' usage, quota events and the drop counters.
  {
    name: "write",
    async run(run) {
      const usage = run.state ? [...run.state.usage.values()].filter((u) => u.addedHits > 0) : [];
      const writes = [
        ...run.writes,
        ...usage.map((u) =>
          run.d1
            .prepare(
              `INSERT INTO site_usage (site_id, day, hits, bytes) VALUES (?, ?, ?, ?)
               ON CONFLICT(site_id, day) DO UPDATE SET hits = hits + excluded.hits, bytes = bytes + excluded.bytes`,
            )
            .bind(u.siteId, u.day, u.addedHits, u.addedBytes),
        ),
        ...(await quotaEventStatements(run.d1, run.quotaReached.values())),
        ...run.drops.statements(run.d1),
      ];
      if (writes.length) await run.d1.batch(writes);
    },
  },
];
