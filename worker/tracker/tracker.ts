/**
 * Sillage browser tracker, served as /t.js. It runs on customers' pages, so it must stay under 1 KB gzipped
 * (checked by worker/scripts/build-tracker.mjs), never throw into the page and never delay it.
 * Field names are the short ones of shared/src/collect-payload.ts.
 */
import type { HitType } from "@sillage/shared/hit-types";

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };

declare global {
  interface Window {
    sillage?: Stub;
  }
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
  interface Document {
    prerendering?: boolean;
  }
}

const w = window;
const d = document;
const n = navigator;
const l = location;
const script = d.currentScript as HTMLScriptElement | null;
const data = script ? script.dataset : {};
const site = data.site;
// A visitor who opted out on this site (sillage('optout')) is never tracked again from this browser.
let off: unknown;
try {
  off = localStorage.sillage_optout;
} catch {}

if (
  site &&
  !off &&
  // Honour the browser's privacy signals only when the site asked for it (data-respect-dnt).
  !(data.respectDnt != null && (n.doNotTrack == "1" || n.globalPrivacyControl)) &&
  // Automated browsers are not visitors, unless the site wants them (its own monitoring, tests).
  !(n.webdriver && data.allowWebdriver == null)
) {
  const origin = data.api || new URL(script!.src).origin;
  const endpoint = origin + "/collect";
  // 128 random bits as digits: getRandomValues works on http pages too, unlike randomUUID.
  const id = () => crypto.getRandomValues(new Uint32Array(4)).join("");
  let vid: string | undefined;
  if (data.cookieless == null) {
    // Storage can be blocked (privacy settings, sandboxed iframes): then this visit has no vid.
    try {
      vid = localStorage.sillage_vid || (localStorage.sillage_vid = id());
    } catch {}
  }

  // The current page view: its id and URL, the path/query it was counted for, and engaged time.
  let pid: string | undefined;
  let url: string;
  let path: string;
  let query: string;
  let ref = d.referrer;
  let shown = 0; // start of the current visible stretch; 0 while hidden
  let engaged = 0;
  let reported = 0;

  const send = (type: HitType, o: Record<string, unknown> = {}) => {
    if (off) return;
    const body = JSON.stringify({ ...o, type, site, vid, pid, url });
    // sendBeacon survives page unload; it returns false when its queue is full.
    n.sendBeacon?.(endpoint, body) || fetch(endpoint, { method: "POST", body, keepalive: true }).catch(() => {});
  };

  // Closes the current visible stretch and opens a new one if the page is (still) visible.
  const tick = (leaving?: unknown) => {
    if (shown) engaged += Date.now() - shown;
    shown = leaving || d.hidden ? 0 : Date.now();
  };

  // Reports the page's total engaged time; the collector keeps the largest report for a pid.
  // As the pagehide listener it receives the event: the page is leaving (maybe into the back/forward
  // cache), so time spent there until a restore must not count.
  const engagement = (leaving?: unknown) => {
    tick(leaving);
    if (pid && engaged > reported) send("engagement", { ms: (reported = engaged) });
  };

  const pageview = () => {
    engagement();
    pid = id();
    url = l.href;
    path = l.pathname;
    query = l.search;
    engaged = reported = shown = 0;
    tick();
    send("pageview", { ref, title: d.title.slice(0, 500) });
    // The next SPA page view was reached from this one, as a full page load would say.
    ref = url;
  };

  // SPA navigation: a new path, or a new query except on replaceState (routers rewrite filters with it).
  const navigate = (replace?: 1) => {
    if (l.pathname != path || (!replace && l.search != query)) pageview();
  };
  const h = history;
  const patch = (method: "pushState" | "replaceState", replace?: 1) => {
    const original = h[method];
    h[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
      original.apply(this, args);
      navigate(replace);
    };
  };

  const api = (cmd?: unknown, a?: unknown, b?: unknown) =>
    cmd == "pageview"
      ? pageview()
      : cmd == "event"
        ? send("event", { name: a, props: b })
        : cmd == "identify"
          ? send("identify", { traits: a })
          : cmd == "optout" && optout();

  // Public opt-out: recorded server-side for this browser's id, and remembered locally.
  const optout = () => {
    off = 1;
    try {
      localStorage.sillage_optout = 1;
    } catch {}
    n.sendBeacon?.(origin + "/opt-out", JSON.stringify({ site, vid }));
  };

  const start = () => {
    pageview();
    patch("pushState");
    patch("replaceState", 1);
    addEventListener("popstate", () => navigate());
    // Back/forward cache restores show the page again without reloading the script.
    addEventListener("pageshow", (e) => e.persisted && pageview());
    addEventListener("pagehide", engagement);
    d.addEventListener("visibilitychange", () => (d.hidden ? engagement() : tick()));
    // Calls made before the script loaded, queued by the snippet's stub.
    for (const args of w.sillage?.q || []) api(...(args as unknown[]));
    w.sillage = api;
  };

  // A prerendered page is not a visit until the user actually opens it.
  d.prerendering ? d.addEventListener("prerenderingchange", start) : start();
}
