/**
 * How long a salesperson waits for the overlay: from navigation start to the lead's panel rendered, in real
 * Chromium with the built extension, against the real worker (`wrangler dev`, local D1) holding leads made
 * from real collected hits. Prints figures, asserts nothing.
 *
 *   npx tsx test/bench/overlay.bench.ts [--runs 10]
 *
 * - cold: the background's look-up cache is emptied before each navigation (every look-up goes to the API);
 * - warm: the same page again within the cache's freshness (60 s): no API call.
 * The time is measured inside the page (performance.now(), whose origin is the navigation start) by polling
 * the overlay's open shadow root every animation frame.
 */
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import {
  clearLookupCache,
  configureExtension,
  copyWithApiOriginGranted,
  ensureExtensionBuilt,
  launchWithExtension,
  routePages,
  startWorkerWithRealVisits,
} from "./overlay.bench.harness";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" } } });
const RUNS = Number(values.runs);

const PAGES = {
  "LinkedIn company (3 keys: link, domain ✓)": {
    url: "https://www.linkedin.com/company/danone/about/",
    page: { file: "linkedin-company-about-en.html", replace: [["Doctolib", "Danone"], ["doctolib", "danone"]] as Array<[string, string]> },
    company: "DANONE",
  },
  "HubSpot company (SIREN ✓ first key)": {
    url: "https://app.hubspot.com/contacts/4415263/company/9876543210/",
    page: { file: "hubspot-company-fr-legacy.html" },
    company: "DANONE",
  },
};

/**
 * Records, in the page, when the overlay first shows a company heading and when the DOM was ready. A string,
 * not a function: tsx names inner functions with a helper that does not exist in the page.
 */
const MEASURE = `
  document.addEventListener("DOMContentLoaded", () => (window.__domReadyAt = performance.now()));
  const tick = () => {
    const host = document.querySelector("sillage-overlay");
    if (host && host.shadowRoot && host.shadowRoot.querySelector("h2.sl-company")) window.__overlayAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

async function timeOnce(page: Page, url: string): Promise<{ overlay: number; domReady: number }> {
  await page.goto(url);
  try {
    await page.waitForFunction(() => (window as unknown as { __overlayAt?: number }).__overlayAt !== undefined, undefined, { timeout: 30_000, polling: 50 });
  } catch (err) {
    // Say what the panel shows instead of a bare timeout.
    const shown = await page.locator("sillage-overlay .sl-dock").textContent().catch(() => "(no panel)");
    throw new Error(`no lead panel on ${url} after 30 s; the panel says: ${shown}`, { cause: err });
  }
  return page.evaluate(() => {
    const w = window as unknown as { __overlayAt: number; __domReadyAt: number };
    return { overlay: w.__overlayAt, domReady: w.__domReadyAt };
  });
}

function summary(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const f = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
  return `  ${label.padEnd(6)} median ${f(q(0.5))}   p90 ${f(q(0.9))}   min ${f(s[0]!)}   max ${f(s[s.length - 1]!)}   (n=${s.length})`;
}

console.log("overlay benchmark: preparing the worker (real visits → leads) and the built extension…");
const [built, worker] = await Promise.all([ensureExtensionBuilt(), startWorkerWithRealVisits()]);
const extensionDir = copyWithApiOriginGranted(built);
const chromium = await launchWithExtension(extensionDir);
try {
  await configureExtension(chromium.serviceWorker, { apiBaseUrl: worker.server.url, apiKey: worker.apiKey });
  await routePages(chromium.context, Object.fromEntries(Object.values(PAGES).map((p) => [p.url, p.page])));
  await chromium.context.addInitScript({ content: MEASURE });

  // The API alone, from Node, for scale: one look-up by SIREN.
  const api: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await fetch(`${worker.server.url}/api/v1/leads/lookup?siren=552032534`, { headers: { Authorization: `Bearer ${worker.apiKey}` } });
    await res.json();
    api.push(performance.now() - t);
  }
  console.log(`\nAPI look-up by SIREN, from Node (no browser)\n${summary("api", api)}`);

  const page = await chromium.context.newPage();
  await timeOnce(page, PAGES["HubSpot company (SIREN ✓ first key)"].url); // first run of the content script and worker: not counted
  for (const [label, { url }] of Object.entries(PAGES)) {
    const cold: number[] = [];
    const warm: number[] = [];
    const domReady: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await clearLookupCache(chromium.serviceWorker);
      const c = await timeOnce(page, url);
      cold.push(c.overlay);
      domReady.push(c.domReady);
      warm.push((await timeOnce(page, url)).overlay);
    }
    console.log(`\n${label} — navigation start → overlay rendered\n${summary("cold", cold)}\n${summary("warm", warm)}\n${summary("DOM", domReady)} (DOMContentLoaded, for reference)`);
  }
} finally {
  await chromium.close();
  await worker.stop();
}
