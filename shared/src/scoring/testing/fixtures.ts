/** Small builders for readable scoring tests. */
import type { CompanyEvent, ContactEvent, Firmographics, HitEvent } from "../events";

export const T0 = Date.UTC(2025, 2, 3, 9, 0, 0); // a Monday, 09:00 UTC
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let sessionSeq = 0;

/** A page view; each call opens a new session unless `sessionId` is given. */
export function pageview(at: number, path: string, opts: Partial<HitEvent> = {}): HitEvent {
  return { kind: "hit", at, visitorId: "v1", sessionId: `s${++sessionSeq}`, hitType: "pageview", path, ...opts };
}

export function download(at: number, asset: string, opts: Partial<HitEvent> = {}): HitEvent {
  return {
    kind: "hit",
    at,
    visitorId: "v1",
    sessionId: `s${++sessionSeq}`,
    hitType: "event",
    name: "download",
    props: { asset },
    path: "/ressources",
    ...opts,
  };
}

export function engagement(at: number, pageId: string, engagedMs: number, path: string, opts: Partial<HitEvent> = {}): HitEvent {
  return { kind: "hit", at, visitorId: "v1", sessionId: "engaged", hitType: "engagement", pageId, engagedMs, path, ...opts };
}

export function formSubmit(at: number, path: string, opts: Partial<HitEvent> = {}): HitEvent {
  return { kind: "hit", at, visitorId: "v1", sessionId: `s${++sessionSeq}`, hitType: "identify", path, ...opts };
}

export function contact(at: number, jobTitle: string, email = "jean.dupont@acme.fr", contactId = "c1"): ContactEvent {
  return { kind: "contact", at, contactId, jobTitle, email };
}

export function company(at: number, fields: Firmographics): CompanyEvent {
  return { kind: "company", at, company: fields };
}
