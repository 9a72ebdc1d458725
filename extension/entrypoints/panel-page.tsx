/**
 * The lead panel page's script (public/panel.html), framed by the content script in the overlaid page
 * (web-accessible to those sites only). Being an extension page, its DOM is out of the page's reach; it gets the
 * page's context and refreshed look-ups from the background through its port, and sends every request itself.
 *
 * Built as an unlisted script: one classic file with everything it needs (Preact included), not a page of
 * Vite's shared chunks. The frame starts on every full page load, and a module graph (four files fetched and
 * linked before the first line runs) cost it 15–40 ms on this 2-core machine.
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { detectLang } from "../src/i18n/index";
import { sendRequest, type LookupOutcome } from "../src/messages";
import { overlayCss } from "../src/overlay/index";
import { takeEarlyPort } from "../src/panel/early-port";
import { PanelApp, type RefreshSubscription } from "../src/panel/panel-app";
import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";

// The overlay's styles, made for a fixed panel in a page, here fill the frame instead.
const PANEL_PAGE_CSS = `
html, body { margin: 0; background: transparent; }
.sl-dock { top: 0; }
.sl-panel { max-height: 100vh; }
`;

/** The height the panel's content needs, clipped or not: its bar, its body's whole scroll height, its borders. */
function contentHeight(): number {
  const panel = document.querySelector(".sl-panel:not([hidden])");
  const bar = panel?.querySelector(".sl-panel__bar");
  const body = panel?.querySelector(".sl-panel__body");
  if (!panel || !bar || !body) return 0;
  return bar.getBoundingClientRect().height + body.scrollHeight + 2;
}

/** Tells the content script the height the panel needs (once per frame at most, and only when it changed). */
function heightReporter(): () => void {
  let sent = -1;
  let measuring = false;
  return () => {
    if (measuring) return;
    measuring = true;
    requestAnimationFrame(() => {
      measuring = false;
      const height = Math.ceil(contentHeight());
      if (height > 0 && height !== sent) {
        sent = height;
        void sendRequest("panel-size", { height });
      }
    });
  };
}

export default defineUnlistedScript(() => {
  // For the benchmark's trace (test/bench/overlay.bench.ts): the panel's script has loaded and runs.
  performance.mark("sillage:panel-start");
  const lang = detectLang();
  const root = createRoot(document.getElementById("root")!);
  const refreshed = new Set<(outcome: LookupOutcome) => void>();
  const onRefreshed: RefreshSubscription = (fn) => {
    refreshed.add(fn);
    return () => refreshed.delete(fn);
  };
  const close = () => void sendRequest("close-panel", {});

  // The port the page's first script opened (panel-port.ts): the background's answer may be here already.
  takeEarlyPort(location.hash.slice(1)).listen((push) => {
    if (push.type === "page-context") {
      performance.mark("sillage:context"); // the benchmark's trace: the page's context arrived
      // Committed at once, not on the scheduler's next task: the pushed answer is painted in the coming frame.
      flushSync(() => root.render(<PanelApp page={push.context} known={push.lookup} lang={lang} onRefreshed={onRefreshed} onClose={close} />));
    } else for (const fn of refreshed) fn(push.outcome);
  });

  document.documentElement.lang = lang;
  const style = document.createElement("style");
  style.textContent = overlayCss.replace(":host", ":root") + PANEL_PAGE_CSS;
  document.head.append(style);
  // This frame runs in the extension's own process: watching its DOM costs the page nothing.
  new MutationObserver(heightReporter()).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
});
