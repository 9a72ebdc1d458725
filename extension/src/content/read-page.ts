/**
 * LinkedIn and the CRMs are single-page apps: the URL changes first and the record renders later, in
 * pieces. A supported page that says nothing yet is read again as the DOM changes (throttled) until it
 * says something or the time is up; an unsupported page is answered at once.
 */
import type { PageReader } from "../extractors/reader";
import type { Extraction } from "../extractors/types";

export interface ReadPageOptions {
  /** Give up after this long (a deleted record or a 404 never renders a company). */
  timeoutMs?: number;
  /** At most one extraction per this interval while the page keeps changing. */
  throttleMs?: number;
  signal?: AbortSignal;
}

/** What a new record changes first: the document's title and its heading. */
const landmarkOf = (doc: Document) => `${doc.title}|${doc.querySelector("h1")?.textContent ?? ""}`;

export function readPageWhenReady(reader: PageReader, doc: Document, href: string, options: ReadPageOptions = {}): Promise<Extraction> {
  const { timeoutMs = 8_000, throttleMs = 150, signal } = options;
  const url = new URL(href);
  if (!reader.kindOf(url)) return Promise.resolve({ kind: "none", reason: "unsupported-page" });

  const first = reader.read(doc, url);
  if (first.kind !== "none" || first.reason !== "nothing-found") return Promise.resolve(first);

  return new Promise((resolve) => {
    let last: Extraction = first;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const view = doc.defaultView ?? globalThis;

    const finish = (result: Extraction) => {
      observer.disconnect();
      clearTimeout(pending);
      clearTimeout(deadline);
      clearInterval(poll);
      signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const attempt = () => {
      pending = undefined;
      last = reader.read(doc, url);
      if (last.kind !== "none" || last.reason !== "nothing-found") finish(last);
    };
    // A heading (or title) appearing is the record rendering: read it in the next task, not after the throttle.
    let seenLandmark = landmarkOf(doc);
    const schedule = () => {
      const now = landmarkOf(doc);
      if (now !== seenLandmark) {
        seenLandmark = now;
        clearTimeout(pending);
        pending = setTimeout(attempt, 0);
      } else if (pending === undefined) pending = setTimeout(attempt, throttleMs);
    };
    const onAbort = () => finish(last);

    const observer = new view.MutationObserver(schedule);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    // Belt and braces: some renders only swap attributes the observer options might miss.
    const poll = setInterval(schedule, 1_000);
    const deadline = setTimeout(() => finish(last), timeoutMs);
    signal?.addEventListener("abort", onAbort);
  });
}

export interface WatchPageOptions {
  /** Stop watching after this long at most: by then the record has rendered, and the page's own churn (feeds,
   * notifications) should not cost an extraction every few hundred milliseconds forever. */
  durationMs?: number;
  /** …and sooner, once the reading has not changed for this long (the record has settled). */
  settleMs?: number;
  throttleMs?: number;
  /** While the title and the heading stay the same, read again at most this often. */
  sameRecordEveryMs?: number;
  signal?: AbortSignal;
}

/** Runs `fn` when the page's main thread is idle (soon anyway): an extraction never competes with a scroll or a keystroke. */
function whenIdle(view: typeof globalThis, fn: () => void): void {
  if (typeof view.requestIdleCallback === "function") view.requestIdleCallback(fn, { timeout: 1_000 });
  else fn();
}

/**
 * Keeps reading the page for a while after a navigation and reports each extraction that differs from the
 * previous one. A router changes the URL before the new record renders, so the first read can come from the
 * previous record's DOM (or a half-rendered one); the next renders correct it. Stops once the reading has
 * settled, at the latest after `durationMs`, or on `signal` (the panel closed, the tab navigated).
 */
export function watchPage(
  reader: PageReader,
  doc: Document,
  href: string,
  first: Extraction,
  onChange: (extraction: Extraction) => void,
  options: WatchPageOptions = {},
): void {
  const { durationMs = 10_000, settleMs = 2_000, throttleMs = 300, sameRecordEveryMs = 1_000, signal } = options;
  if (signal?.aborted) return;
  const url = new URL(href);
  let last = JSON.stringify(first);
  let pending: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const view = (doc.defaultView ?? globalThis) as typeof globalThis;

  // What a new record changes first: its title and heading. While they stay, the page is re-read at most once
  // a second (a field rendering late), not on every batch of the page's own churn.
  const landmark = () => landmarkOf(doc);
  let lastLandmark = landmark();
  let lastReadAt = Date.now();
  const attempt = () => {
    pending = undefined;
    if (stopped) return;
    const now = landmark();
    if (now === lastLandmark && Date.now() - lastReadAt < sameRecordEveryMs) return;
    lastLandmark = now;
    lastReadAt = Date.now();
    const next = reader.read(doc, url);
    if (next.kind === "none") return; // a page emptied mid-render says nothing new
    const text = JSON.stringify(next);
    if (text === last) return;
    last = text;
    clearTimeout(settled);
    settled = setTimeout(stop, settleMs);
    onChange(next);
  };
  let soon = false;
  const observer = new view.MutationObserver(() => {
    // A new title or heading is a new record on screen: read it in the next task (the router's render has
    // finished by then), not after the throttle and an idle wait — that is the panel's latency on an in-page
    // navigation. Comparing two strings per batch of mutations costs the page nothing measurable.
    if (!soon && landmark() !== lastLandmark) {
      clearTimeout(pending);
      soon = true;
      pending = setTimeout(() => {
        soon = false;
        attempt();
      }, 0);
    } else if (pending === undefined) pending = setTimeout(() => whenIdle(view, attempt), throttleMs);
  });
  const stop = () => {
    stopped = true;
    observer.disconnect();
    clearTimeout(pending);
    clearTimeout(deadline);
    clearTimeout(settled);
  };
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const deadline = setTimeout(stop, durationMs);
  let settled = setTimeout(stop, settleMs);
  signal?.addEventListener("abort", stop, { once: true });
}
