/**
 * What the content script puts in the page: a host element with a CLOSED shadow root holding the lead panel's
 * iframe (an extension page: its DOM, the lead's data and its buttons live in the extension's origin, out of the
 * page's reach) and, once the panel is closed, a launcher button that shows nothing but the brand. No lead
 * data ever passes through here: the panel gets it from the background.
 */

/** The host's tag: what tests and the benchmark look for in the page. */
export const OVERLAY_HOST = "sillage-overlay";

const CSS = /* css */ `
:host { all: initial; }
iframe {
  display: block;
  width: 341px;
  height: calc(100vh - 104px);
  border: 0;
  background: transparent;
  color-scheme: normal;
}
button {
  all: initial;
  display: grid;
  place-items: center;
  width: 30px;
  height: 34px;
  border: 1px solid #e3e7ed;
  border-right: 0;
  border-radius: 8px 0 0 8px;
  background: #0f5c8c;
  color: #fff;
  font: 700 14px system-ui, sans-serif;
  cursor: pointer;
  box-shadow: 0 4px 14px rgba(16, 24, 40, 0.14);
}
button:focus-visible { outline: 2px solid #2f6fed; outline-offset: 2px; }
[hidden] { display: none !important; }
`;

export interface PanelFrame {
  /** Still in the page (a page that rebuilt its document took it with it). */
  readonly connected: boolean;
  showPanel(): void;
  /** Fits the frame to the panel's content (at most the viewport's height below the frame's top). */
  setContentHeight(height: number): void;
  showLauncher(): void;
  remove(): void;
}

export interface PanelFrameOptions {
  /** The panel page's address (`runtime.getURL`, the per-session URL of a web-accessible resource). */
  src: string;
  /** The launcher's accessible name. */
  launcherLabel: string;
  /** The salesperson clicked the launcher (a trusted click only: a page script cannot open it). */
  onLaunch: () => void;
}

export function mountPanelFrame(doc: Document, { src, launcherLabel, onLaunch }: PanelFrameOptions): PanelFrame {
  const host = doc.createElement(OVERLAY_HOST);
  // Fixed to the viewport: the page's layout never moves. After <body>, not inside it: single-page apps
  // re-render their body's content, never <html>'s children.
  host.style.cssText = "all: initial; position: fixed; top: 88px; right: 0; z-index: 2147483000;";
  const shadow = host.attachShadow({ mode: "closed" });
  const style = doc.createElement("style");
  style.textContent = CSS;
  const frame = doc.createElement("iframe");
  frame.title = "Sillage";
  frame.src = src;
  frame.hidden = true;
  const launcher = doc.createElement("button");
  launcher.type = "button";
  launcher.textContent = "S";
  launcher.title = launcherLabel;
  launcher.setAttribute("aria-label", launcherLabel);
  launcher.hidden = true;
  launcher.addEventListener("click", (e) => {
    if (e.isTrusted) onLaunch();
  });
  shadow.append(style, frame, launcher);
  doc.documentElement.append(host);

  return {
    get connected() {
      return host.isConnected;
    },
    showPanel() {
      frame.hidden = false;
      launcher.hidden = true;
    },
    setContentHeight(height: number) {
      frame.style.height = `min(${Math.ceil(height)}px, calc(100vh - 104px))`;
    },
    showLauncher() {
      frame.hidden = true;
      launcher.hidden = false;
    },
    remove() {
      host.remove();
    },
  };
}
