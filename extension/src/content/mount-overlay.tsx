/**
 * The content scripts' shared body: read the page, mount the panel in a shadow root, and follow in-page
 * navigations. The entrypoints only say on which sites it runs.
 */
import { createRoot, type Root } from "react-dom/client";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi, type ShadowRootContentScriptUi } from "wxt/utils/content-script-ui/shadow-root";
import { pageKindOf } from "../extractors/index";
import { detectLang } from "../i18n/index";
import { planKey } from "../messages";
import { overlayCss } from "../overlay/index";
import { linkTarget, lookupPlan, searchHint } from "./lookup-plan";
import { OverlayApp, type PageContext } from "./overlay-app";
import { readPageWhenReady, watchPage } from "./read-page";
import type { Extraction } from "../extractors/types";

/** The shadow host's tag, also what tests and the benchmark look for. */
export const OVERLAY_HOST = "sillage-overlay";

export async function runOverlay(ctx: ContentScriptContext): Promise<void> {
  // The salesperson's language (the browser's), not the page's: LinkedIn may be in English for a French SDR.
  const lang = detectLang();
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let shown: string | null = null;
  let reading: AbortController | null = null;

  const render = (page: PageContext | null) => ui?.mounted?.render(<OverlayApp page={page} lang={lang} />);

  async function ensureUi(): Promise<void> {
    // A page that rebuilt its document took the panel with it: mount a fresh one.
    if (ui && !ui.shadowHost.isConnected) remove();
    if (ui) return;
    const created = await createShadowRootUi(ctx, {
      name: OVERLAY_HOST,
      // After <body>, not inside it: single-page apps re-render their body's content, never <html>'s children.
      anchor: "html",
      append: "last",
      // Fixed to the viewport by its own CSS: the host page's layout never moves.
      position: "overlay",
      zIndex: 2147483000,
      css: overlayCss,
      // Keystrokes typed in the panel (a note, the search box) must not reach LinkedIn's or the CRM's shortcuts.
      isolateEvents: true,
      onMount: (container) => createRoot(container),
      onRemove: (root) => root?.unmount(),
    });
    if (ui || !ctx.isValid) return; // another navigation mounted it meanwhile, or the script was invalidated
    ui = created;
    ui.mount();
  }

  function remove(): void {
    ui?.remove();
    ui = null;
    shown = null;
  }

  async function show(href: string): Promise<void> {
    reading?.abort();
    const controller = new AbortController();
    reading = controller;
    const url = new URL(href);
    if (!pageKindOf(url)) {
      remove();
      return;
    }
    // Moving to another record: say we are on it at once rather than leave the previous company up.
    if (ui && shown !== null) render(null);

    const extraction = await readPageWhenReady(document, href, { signal: controller.signal });
    if (controller.signal.aborted || !ctx.isValid) return;
    await showExtraction(extraction, href, controller.signal);
    // The first read may have come from the previous record's DOM: follow the renders that come next.
    watchPage(document, href, extraction, (next) => void showExtraction(next, href, controller.signal), { signal: controller.signal });
  }

  async function showExtraction(extraction: Extraction, href: string, signal: AbortSignal): Promise<void> {
    const plan = lookupPlan(extraction, href);
    if (plan.length === 0) {
      // Nothing to look up (a deleted record, a 404): no panel rather than an empty one.
      remove();
      return;
    }
    const key = planKey(plan);
    await ensureUi();
    if (signal.aborted) return;
    shown = key;
    render({ key, plan, link: linkTarget(extraction, href), hint: searchHint(extraction) });
  }

  ctx.addEventListener(window, "wxt:locationchange", ({ newUrl }) => void show(newUrl.href));
  ctx.onInvalidated(() => {
    reading?.abort();
    remove();
  });
  await show(location.href);
}
