/**
 * The content scripts' shared body: read the page, tell the background what it is about, and show the lead
 * panel's frame (or, once the salesperson closed it, the launcher); follow in-page navigations. It never sees a
 * lead: the panel (an extension page) asks the background for it. Small on purpose: no React, no schemas.
 */
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { pageReader } from "../extractors/reader";
import type { Extraction, PageExtractor } from "../extractors/types";
import { detectLang } from "../i18n/index";
import { planKey, sendRequest, type PageContext, type PagePush } from "../messages";
import { linkTarget, lookupPlan, searchHint } from "./lookup-plan";
import { mountPanelFrame, type PanelFrame } from "./panel-frame";
import { readPageWhenReady, watchPage } from "./read-page";

const domParsed = (): Promise<void> =>
  document.readyState !== "loading"
    ? Promise.resolve()
    : new Promise((resolve) => document.addEventListener("DOMContentLoaded", () => resolve(), { once: true }));

/** The launcher's name; the panel's own texts are in src/i18n, which the content script does not bundle. */
const OPEN_PANEL = { fr: "Ouvrir le panneau Sillage", en: "Open the Sillage panel" } as const;

/** Runs in a page of the site whose `extractors` are given (only those are bundled into that site's script). */
export function runOverlay(ctx: ContentScriptContext, extractors: readonly PageExtractor[]): void {
  const reader = pageReader(extractors);
  // The salesperson's language (the browser's), not the page's: LinkedIn may be in English for a French SDR.
  const lang = detectLang();
  let frame: PanelFrame | null = null;
  /** The salesperson closed the panel: nothing is read or watched until they open it again. */
  let closed = false;
  let reported: PageContext | null = null;
  let reading: AbortController | null = null;

  /** This document: the panel framed here is its, and a panel framed by the tab's previous document is not. */
  const doc = crypto.randomUUID();
  const report = (context: PageContext | null) => {
    reported = context;
    void sendRequest("page-context", { context, doc });
  };

  function removeFrame(): void {
    frame?.remove();
    frame = null;
  }

  /** The panel's frame, made hidden as soon as the URL is a page we read: the panel page loads while the page
   * itself renders, and is ready when the record is read. */
  function ensureFrame(): PanelFrame {
    if (frame && !frame.connected) removeFrame();
    frame ??= mountPanelFrame(document, { src: `${browser.runtime.getURL("/panel.html")}#${doc}`, launcherLabel: OPEN_PANEL[lang], onLaunch: open });
    return frame;
  }

  function showFrame(): void {
    if (closed) ensureFrame().showLauncher();
    else ensureFrame().showPanel();
  }

  function showExtraction(extraction: Extraction, href: string): void {
    const plan = lookupPlan(extraction, href);
    if (plan.length === 0) {
      // Nothing to look up (a deleted record, a 404): no panel rather than an empty one.
      removeFrame();
      if (reported) report(null);
      return;
    }
    const key = planKey(plan);
    // First the background (it starts the look-up), then the frame (it loads meanwhile).
    if (reported?.key !== key) report({ key, plan, link: linkTarget(extraction, href), hint: searchHint(extraction) });
    showFrame();
  }

  /** Reads the page at `href` (waiting for a single-page app to render it), then follows its next renders a while. */
  function follow(href: string): void {
    reading?.abort();
    reading = null;
    if (!reader.kindOf(new URL(href))) {
      removeFrame();
      if (reported) report(null);
      return;
    }
    if (closed) {
      frame?.showLauncher();
      return;
    }
    ensureFrame();
    const controller = new AbortController();
    reading = controller;
    const { signal } = controller;
    // The script starts with the document (to start the frame early); the page is read once it is parsed.
    void domParsed()
      .then(() => (signal.aborted ? null : readPageWhenReady(reader, document, href, { signal })))
      .then((extraction) => {
        if (!extraction || signal.aborted || !ctx.isValid) return;
        showExtraction(extraction, href);
        // The first read may have come from the previous record's DOM: follow the renders that come next.
        watchPage(reader, document, href, extraction, (next) => showExtraction(next, href), { signal });
      });
  }

  function close(): void {
    closed = true;
    reading?.abort(); // the page observer goes with it
    reading = null;
    frame?.showLauncher();
  }

  function open(): void {
    closed = false;
    follow(location.href);
  }

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background (no tab); pages cannot message content scripts (no externally_connectable).
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const push = message as PagePush;
    if (push?.type === "panel-closed") close();
    else if (push?.type === "report-context") void sendRequest("page-context", { context: reported, doc });
    else if (push?.type === "panel-size" && typeof push.height === "number") frame?.setContentHeight(push.height);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.addEventListener(window, "wxt:locationchange", ({ newUrl }) => follow(newUrl.href));
  ctx.onInvalidated(() => {
    reading?.abort();
    browser.runtime.onMessage.removeListener(onMessage);
    removeFrame();
  });
  follow(location.href);
}
