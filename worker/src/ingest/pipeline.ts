import type { DropReason } from "@sillage/shared/drop-reasons";
import { getDb } from "../db/client";
import type { CollectEnvelope } from "./envelope";
import { countDrop } from "./drops";
import { parse } from "./steps/parse";
import { validate } from "./steps/validate";
import { resolveSite } from "./steps/site";
import { dropBots } from "./steps/bots";
import { consent } from "./steps/consent";
import { isOptedOut } from "../privacy/opted-out";
import { resolveVisit } from "./steps/visit";
import { store } from "./steps/store";

export type IngestOutcome = { stored: true; hitId: string; siteId: string; workspaceId: string } | { stored: false; reason: DropReason };

/**
 * The ingestion pipeline, as named steps: parse → validate (shape, site, hostname) → drop bots → consent (and
 * opt-out) → visitor/session → store. Every request ends either stored or counted as dropped with one reason.
 * D1 failures throw, so that the queue retries the message: nothing is lost.
 */
export async function ingest(d1: D1Database, env: CollectEnvelope): Promise<IngestOutcome> {
  const dropped = async (reason: DropReason, siteKey = ""): Promise<IngestOutcome> => {
    await countDrop(d1, env.receivedAt, siteKey, reason);
    return { stored: false, reason };
  };

  const raw = parse(env);
  if (!raw.ok) return dropped(raw.reason);
  const hit = validate(raw.value);
  if (!hit.ok) return dropped(hit.reason);
  const site = await resolveSite(getDb(d1), hit.value, env.receivedAt);
  if (!site.ok) return dropped(site.reason, site.reason === "unknown_site" ? "" : hit.value.payload.site);
  const key = site.value.publicKey;
  const human = dropBots(env.headers);
  if (!human.ok) return dropped(human.reason, key);
  const allowed = consent(site.value, env.headers);
  if (!allowed.ok) return dropped(allowed.reason, key);
  // Only tracker ids can opt out: cookieless and pixel keys change every day.
  const vid = hit.value.payload.vid;
  if (vid && (await isOptedOut(d1, site.value.id, vid))) return dropped("opted_out", key);

  const visit = await resolveVisit(d1, site.value, hit.value, env);
  const hitId = await store(d1, site.value, hit.value, visit, env);
  return { stored: true, hitId, siteId: site.value.id, workspaceId: site.value.workspaceId };
}
