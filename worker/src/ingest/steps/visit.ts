import { sha256Hex } from "@sillage/shared/api-key";
import type { CollectEnvelope } from "../envelope";
import type { SiteConfig } from "./site";
import type { ValidHit } from "./validate";
import { SESSION_TIMEOUT_MS } from "../../db/schema/sessions";
import { newId } from "../../lib/ids";
import type { RateWindow } from "./visitor-rate";
import { utcDay } from "../../lib/utc-day";

export interface Visit {
  visitorId: string;
  visitorKey: string;
  visitorExists: boolean;
  /** Session to attach the hit to; `isNew` when the previous one timed out or there was none. */
  sessionId: string;
  sessionIsNew: boolean;
  contactId: string | null;
}

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

/** What the database knows of a visitor: its contact, its latest session and its rate window. */
export interface VisitorState {
  contactId: string | null;
  sessionId: string | null;
  lastSeenAt: number | null;
  rateWindow?: RateWindow;
}

/** Pure: which session a hit at `receivedAt` joins (30 minutes of inactivity start a new one). */
export function continueVisit(state: VisitorState | undefined, visitorId: string, visitorKey: string, receivedAt: number): Visit {
  const current = state?.sessionId && state.lastSeenAt !== null && receivedAt - state.lastSeenAt < SESSION_TIMEOUT_MS;
  return {
    visitorId,
    visitorKey,
    visitorExists: state !== undefined,
    sessionId: current ? state!.sessionId! : newId("ses"),
    sessionIsNew: !current,
    contactId: state?.contactId ?? null,
  };
}

/** The state after a hit was stored: what the next hit of the same visitor in a batch must see. */
export function afterHit(visit: Visit, receivedAt: number, contactId: string | null, before: VisitorState | undefined): VisitorState {
  return { contactId, sessionId: visit.sessionId, lastSeenAt: Math.max(receivedAt, before?.lastSeenAt ?? 0) };
}

/** One query for the state of many visitors (a queue batch); absent ids are new visitors. */
export async function loadVisitorStates(d1: D1Database, visitorIds: readonly string[]): Promise<Map<string, VisitorState>> {
  const states = new Map<string, VisitorState>();
  if (visitorIds.length === 0) return states;
  const { results } = await d1
    .prepare(
      `SELECT v.id AS visitorId, v.contact_id AS contactId, s.id AS sessionId, s.last_seen_at AS lastSeenAt,
              v.rate_window_start AS windowStart, v.rate_window_hits AS windowHits
         FROM json_each(?1) j JOIN visitors v ON v.id = j.value
         LEFT JOIN sessions s ON s.id = (SELECT id FROM sessions WHERE visitor_id = v.id ORDER BY last_seen_at DESC LIMIT 1)`,
    )
    .bind(JSON.stringify(visitorIds))
    .all<Omit<VisitorState, "rateWindow"> & { visitorId: string; windowStart: number | null; windowHits: number }>();
  for (const { visitorId, windowStart, windowHits, ...state } of results)
    states.set(visitorId, { ...state, rateWindow: windowStart === null ? undefined : { start: windowStart, hits: windowHits } });
  return states;
}
