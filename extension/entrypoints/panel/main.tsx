/**
 * The lead panel page, framed by the content script in the overlaid page (web-accessible to those sites only).
 * Being an extension page, its DOM is out of the page's reach; it gets the page's context and refreshed look-ups
 * from the background through its port, and sends every request itself.
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { detectLang } from "../../src/i18n/index";
import { connectPanel, sendRequest, type LookupOutcome } from "../../src/messages";
import { overlayCss } from "../../src/overlay/index";
import { PanelApp, type RefreshSubscription } from "../../src/panel/panel-app";

// For the benchmark's trace (test/bench/overlay.bench.ts): the panel's script has loaded and runs.
performance.mark("sillage:panel-start");

// The overlay's styles, made for a fixed panel in a page, here fill the frame instead.
const PANEL_PAGE_CSS = `
html, body { margin: 0; background: transparent; }
.sl-dock { top: 0; }
.sl-panel { max-height: 100vh; }
`;

const lang = detectLang();
document.documentElement.lang = lang;
const style = document.createElement("style");
style.textContent = overlayCss.replace(":host", ":root") + PANEL_PAGE_CSS;
document.head.append(style);

const refreshed = new Set<(outcome: LookupOutcome) => void>();
const onRefreshed: RefreshSubscription = (fn) => {
  refreshed.add(fn);
  return () => refreshed.delete(fn);
};
const close = () => void sendRequest("close-panel", {});
const root = createRoot(document.getElementById("root")!);

/** The height the panel's content needs, clipped or not: its bar, its body's whole scroll height, its borders. */
function contentHeight(): number {
  const panel = document.querySelector(".sl-panel:not([hidden])");
  const bar = panel?.querySelector(".sl-panel__bar");
  const body = panel?.querySelector(".sl-panel__body");
  if (!panel || !bar || !body) return 0;
  return bar.getBoundingClientRect().height + body.scrollHeight + 2;
}
let sentHeight = -1;
let measuring = false;
const reportHeight = () => {
  if (measuring) return;
  measuring = true;
  requestAnimationFrame(() => {
    measuring = false;
    const height = Math.ceil(contentHeight());
    if (height > 0 && height !== sentHeight) {
      sentHeight = height;
      void sendRequest("panel-size", { height });
    }
  });
};
// This frame runs in the extension's own process: watching its DOM costs the page nothing.
new MutationObserver(reportHeight).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });

// The content script names its document in the frame's URL fragment: this panel is that document's only.
connectPanel((push) => {
  if (push.type === "page-context") {
    performance.mark("sillage:context"); // the benchmark's trace: the page's context arrived
    // Committed at once, not on the scheduler's next task: the pushed answer is painted in the coming frame.
    flushSync(() => root.render(<PanelApp page={push.context} known={push.lookup} lang={lang} onRefreshed={onRefreshed} onClose={close} />));
  } else for (const fn of refreshed) fn(push.outcome);
}, location.hash.slice(1));
