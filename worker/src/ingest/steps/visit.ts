import { sha256Hex } from "@sillage/shared/api-key";
import type { CollectEnvelope } from "../envelope";
import type { SiteConfig } from "./site";
import type { ValidHit } from "./validate";
import { SESSION_TIMEOUT_MS } from "../../db/schema/sessions";
import { newId } from "../../lib/ids";

export interface Visit {
  visitorId: string;
  visitorKey: string;
  visitorExists: boolean;
  /** Session to attach the hit to; `isNew` when the previous one timed out or there was none. */
  sessionId: string;
  sessionIsNew: boolean;
  contactId: string | null;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The visitor's key: the tracker's random id, or — cookieless mode and pixel — a hash of site, UTC day, IP
 * and user agent, which changes every day so that it cannot follow a person over time.
 */
export async function visitorKey(site: SiteConfig, hit: ValidHit, env: CollectEnvelope): Promise<string> {
  if (hit.payload.vid) return hit.payload.vid;
  const material = `${site.id}|${utcDay(env.receivedAt)}|${env.ip ?? ""}|${env.headers.userAgent}`;
  return "h_" + (await sha256Hex(material)).slice(0, 32);
}

/** Visitor ids derive from (site, key) so that concurrent consumers agree on them without a read. */
export async function visitorIdFor(siteId: string, key: string): Promise<string> {
  return "vis_" + (await sha256Hex(`${siteId}|${key}`)).slice(0, 24);
}

/** Step 5 — who is this and which visit is it (30 minutes of inactivity start a new session). */
export async function resolveVisit(d1: D1Database, site: SiteConfig, hit: ValidHit, env: CollectEnvelope): Promise<Visit> {
  const key = await visitorKey(site, hit, env);
  const visitorId = await visitorIdFor(site.id, key);
  const row = await d1
    .prepare(
      `SELECT v.contact_id AS contactId, s.id AS sessionId, s.last_seen_at AS lastSeenAt
         FROM visitors v LEFT JOIN sessions s ON s.visitor_id = v.id
        WHERE v.id = ? ORDER BY s.last_seen_at DESC LIMIT 1`,
    )
    .bind(visitorId)
    .first<{ contactId: string | null; sessionId: string | null; lastSeenAt: number | null }>();
  const current = row?.sessionId && row.lastSeenAt !== null && env.receivedAt - row.lastSeenAt < SESSION_TIMEOUT_MS;
  return {
    visitorId,
    visitorKey: key,
    visitorExists: row !== null,
    sessionId: current ? row!.sessionId! : newId("ses"),
    sessionIsNew: !current,
    contactId: row?.contactId ?? null,
  };
}
