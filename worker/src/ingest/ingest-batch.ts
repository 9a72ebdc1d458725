import type { CollectEnvelope } from "./envelope";
import { DropTally } from "./drops";
import { screen, type IngestOutcome } from "./pipeline";
import type { SiteConfig } from "./steps/site";
import type { ValidHit } from "./steps/validate";
import { afterHit, continueVisit, loadVisitorStates, visitorIdFor, visitorKey } from "./steps/visit";
import { hitIdFor, storeStatements } from "./steps/store";
import { optedOutAmong, optOutKey } from "../privacy/opted-out";

interface Candidate {
  index: number;
  env: CollectEnvelope;
  site: SiteConfig;
  hit: ValidHit;
  visitorKey: string;
  visitorId: string;
}

/**
 * The ingestion pipeline for a whole queue batch, with the same steps and outcomes as `ingest`, message by
 * message, but two database round trips in all: one read (opt-outs, visitors and their latest sessions, hits
 * already stored by an earlier delivery) and one write transaction (every hit, visitor, session, contact and
 * drop counter of the batch). Hits are placed in order, so that a visitor's hits in one batch share their
 * session exactly as if they had come one by one. Throws when a read or the write fails: nothing of the batch
 * is then written, and the caller falls back to message-by-message ingestion.
 */
export async function ingestBatch(d1: D1Database, envelopes: readonly CollectEnvelope[]): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(envelopes.length);
  const drops = new DropTally();
  const candidates: Candidate[] = [];

  for (const [index, env] of envelopes.entries()) {
    const s = await screen(d1, env);
    if (!s.ok) {
      drops.add(env.receivedAt, s.siteKey, s.reason, s.hostname);
      outcomes[index] = { stored: false, reason: s.reason };
      continue;
    }
    const key = await visitorKey(s.site, s.hit, env);
    candidates.push({ index, env, site: s.site, hit: s.hit, visitorKey: key, visitorId: await visitorIdFor(s.site.id, key) });
  }

  // Only tracker ids can opt out: cookieless and pixel keys change every day.
  const withVid = candidates.filter((c) => c.hit.payload.vid);
  const [optedOut, states, alreadyStored] = await Promise.all([
    optedOutAmong(d1, withVid.map((c) => ({ siteId: c.site.id, visitorKey: c.hit.payload.vid! }))),
    loadVisitorStates(d1, [...new Set(candidates.map((c) => c.visitorId))]),
    storedHitIds(d1, candidates.map((c) => hitIdFor(c.env))),
  ]);

  const writes: D1PreparedStatement[] = [];
  for (const c of candidates) {
    const { env, site, hit } = c;
    if (hit.payload.vid && optedOut.has(optOutKey(site.id, hit.payload.vid))) {
      drops.add(env.receivedAt, site.publicKey, "opted_out");
      outcomes[c.index] = { stored: false, reason: "opted_out" };
      continue;
    }
    const outcome = { stored: true as const, hitId: hitIdFor(env), siteId: site.id, workspaceId: site.workspaceId };
    outcomes[c.index] = outcome;
    // A redelivered message whose hit is already stored must not count its session's hits twice.
    if (alreadyStored.has(outcome.hitId)) continue;
    const before = states.get(c.visitorId);
    const visit = continueVisit(before, c.visitorId, c.visitorKey, env.receivedAt);
    const stored = await storeStatements(d1, site, hit, visit, env);
    writes.push(...stored.stmts);
    states.set(c.visitorId, afterHit(visit, env.receivedAt, stored.contactId, before));
  }

  writes.push(...drops.statements(d1));
  if (writes.length) await d1.batch(writes);
  return outcomes;
}

async function storedHitIds(d1: D1Database, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { results } = await d1
    .prepare("SELECT h.id FROM json_each(?1) j JOIN hits h ON h.id = j.value")
    .bind(JSON.stringify(ids))
    .all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}
