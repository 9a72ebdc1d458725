import type { DropReason } from "@sillage/shared/drop-reasons";
import { getDb } from "../db/client";
import type { CollectEnvelope } from "./envelope";
import { countDrop } from "./drops";
import { parse } from "./steps/parse";
import { validate, type ValidHit } from "./steps/validate";
import { resolveSite, type SiteConfig } from "./steps/site";
import { dropBots } from "./steps/bots";
import { consent } from "./steps/consent";
import { isOptedOut } from "../privacy/opted-out";
import { resolveVisit } from "./steps/visit";
import { store } from "./steps/store";

export type IngestOutcome = { stored: true; hitId: string; siteId: string; workspaceId: string } | { stored: false; reason: DropReason };

/**
 * What the first steps make of a request: a hit to store for a site, or a drop with its reason and site key
 * (and, for `hostname_not_allowed`, the page's hostname, which the installation check shows).
 */
export type Screened = { ok: true; site: SiteConfig; hit: ValidHit } | { ok: false; reason: DropReason; siteKey: string; hostname?: string };

/**
 * Steps 1–4: parse → validate (shape, site, hostname) → drop bots → consent. Reads only the site (cached per
 * isolate), so a queue batch screens all its messages before it touches the database.
 */
export async function screen(d1: D1Database, env: CollectEnvelope): Promise<Screened> {
  const raw = parse(env);
  if (!raw.ok) return { ok: false, reason: raw.reason, siteKey: "" };
  const hit = validate(raw.value);
  if (!hit.ok) return { ok: false, reason: hit.reason, siteKey: "" };
  const site = await resolveSite(getDb(d1), hit.value, env.receivedAt);
  if (!site.ok) {
    if (site.reason === "unknown_site") return { ok: false, reason: site.reason, siteKey: "" };
    return { ok: false, reason: site.reason, siteKey: hit.value.payload.site, hostname: hit.value.url?.hostname };
  }
  const key = site.value.publicKey;
  const human = dropBots(env.headers);
  if (!human.ok) return { ok: false, reason: human.reason, siteKey: key };
  const allowed = consent(site.value, env.headers);
  if (!allowed.ok) return { ok: false, reason: allowed.reason, siteKey: key };
  return { ok: true, site: site.value, hit: hit.value };
}

/**
 * The ingestion pipeline for one request, as named steps: screen (parse → validate → bots → consent) →
 * opt-out → visitor/session → store. Every request ends either stored or counted as dropped with one reason.
 * D1 failures throw, so that the queue retries the message: nothing is lost. `ingestBatch` runs the same
 * steps for a whole queue batch with grouped reads and writes.
 */
export async function ingest(d1: D1Database, env: CollectEnvelope): Promise<IngestOutcome> {
  const dropped = async (reason: DropReason, siteKey: string, hostname?: string): Promise<IngestOutcome> => {
    await countDrop(d1, env.receivedAt, siteKey, reason, 1, hostname);
    return { stored: false, reason };
  };
  const s = await screen(d1, env);
  if (!s.ok) return dropped(s.reason, s.siteKey, s.hostname);
  // Only tracker ids can opt out: cookieless and pixel keys change every day.
  const vid = s.hit.payload.vid;
  if (vid && (await isOptedOut(d1, s.site.id, vid))) return dropped("opted_out", s.site.publicKey);

  const visit = await resolveVisit(d1, s.site, s.hit, env);
  const hitId = await store(d1, s.site, s.hit, visit, env);
  return { stored: true, hitId, siteId: s.site.id, workspaceId: s.site.workspaceId };
}
