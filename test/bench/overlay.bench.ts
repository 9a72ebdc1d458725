/**
 * What the extension costs a salesperson, in real Chromium with the built extension against the real worker
 * (`wrangler dev`, local D1) holding leads made from real collected hits. Prints figures, asserts nothing.
 *
 *   npx tsx test/bench/overlay.bench.ts [--runs 10]
 *
 * - weight: each content script (what every overlaid page loads) and the panel page (loaded in its frame);
 * - latency: from the page's heading on screen to the lead on screen in the panel, cold (the background's
 *   look-up cache emptied before each navigation: every look-up goes to the API) and warm (the same page again
 *   within the cache's freshness). Both ends are read as wall-clock times: the page's when its `<h1>` is first
 *   there (an init script polling every animation frame), the panel's from its `sillage:lead-shown` mark (the
 *   frame after the lead rendered), each frame's `performance.timeOrigin + now`. Where the time goes: the
 *   panel frame's own steps (made, HTML in, script runs, page context in, lead on screen);
 * - the isolation's floor: the same page with a panel.html of one line of script, in turns with the real one;
 * - in-page navigation: LinkedIn's router moving from one profile to another (pushState, then the new profile
 *   renders): from the new heading to the new person's lead in the panel, cold and warm;
 * - long tasks: on a real captured LinkedIn page (1.3 MB, ../shared/fixtures/linkedin-captures), loading it,
 *   scrolling, typing and LinkedIn-like DOM churn, with and without the extension (PerformanceObserver
 *   `longtask`, which counts every script on the page's main thread, content scripts included);
 * - reading a real page: the LinkedIn extractors on each capture, in the page's main thread.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import { chromium as playwright, type BrowserContext, type Page } from "playwright-core";
import {
  clearLookupCache,
  configureExtension,
  copyWithApiOriginGranted,
  ensureExtensionBuilt,
  isPanelFrame,
  launchWithExtension,
  ROOT,
  routePages,
  savedPageHtml,
  startWorkerWithRealVisits,
  type ChromiumWithExtension,
  type WorkerWithLeads,
} from "./overlay.bench.harness";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" } } });
const RUNS = Number(values.runs);

const PAGES = {
  "LinkedIn company (3 keys: link, domain ✓)": {
    url: "https://www.linkedin.com/company/danone/about/",
    page: {
      file: "linkedin-company-about-en.html",
      replace: [
        ["Doctolib", "Danone"],
        ["doctolib", "danone"],
      ] as Array<[string, string]>,
    },
  },
  "HubSpot company (SIREN ✓ first key)": {
    url: "https://app.hubspot.com/contacts/4415263/company/9876543210/",
    page: { file: "hubspot-company-fr-legacy.html" },
  },
};

/** Records, in the page, when its heading was first there (wall clock). A string, not a function: tsx names
 * inner functions with a helper that does not exist in the page. */
const MEASURE_HEADING = `
  const tick = () => {
    if (document.querySelector("h1")) window.__headingAt = performance.timeOrigin + performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** In the panel's frame: when the lead was first on screen, and the steps before it (wall clock): the frame's
 * navigation started (the content script made it), its HTML arrived, its script ran, the page's context
 * arrived. A string for the same reason as MEASURE_HEADING. */
const PANEL_PHASES = `(() => {
  const mark = performance.getEntriesByName("sillage:lead-shown")[0];
  if (!mark) return null;
  const at = (name) => {
    const m = performance.getEntriesByName(name)[0];
    return m ? performance.timeOrigin + m.startTime : NaN;
  };
  return {
    "frame made": performance.timeOrigin,
    "panel HTML in": performance.timeOrigin + performance.getEntriesByType("navigation")[0].responseEnd,
    "panel script runs": at("sillage:panel-start"),
    "page context in": at("sillage:context"),
    "lead on screen": performance.timeOrigin + mark.startTime,
  };
})()`;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function weights(built: string): void {
  const dir = path.join(built, "content-scripts");
  console.log("\nweight (minified; gzip in brackets)");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const body = readFileSync(path.join(dir, file));
    console.log(`  content script ${file.padEnd(15)} ${kb(body.length).padStart(9)}  (${kb(gzipSync(body).length)})`);
  }
  const html = readFileSync(path.join(built, "panel.html"), "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const total = scripts.reduce((n, f) => n + statSync(path.join(built, f)).size, 0);
  const gz = scripts.reduce((n, f) => n + gzipSync(readFileSync(path.join(built, f))).length, 0);
  console.log(
    `  panel page (${scripts.length} script${scripts.length === 1 ? "" : "s"}, Preact included)  ${kb(total)}  (${kb(gz)}), loaded in its frame only where a record is shown`,
  );
}

interface Shown {
  heading: number;
  panel: number;
  navigationStart: number;
  /** The panel's steps, in ms from the page's heading. */
  phases: Record<string, number>;
}

async function panelShownAt(page: Page, url: string): Promise<Shown> {
  await page.goto(url);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const frame = page.frames().find(isPanelFrame);
    const shown = frame ? ((await frame.evaluate(PANEL_PHASES).catch(() => null)) as Record<string, number> | null) : null;
    if (shown !== null) {
      const { heading, navigationStart } = await page.evaluate(() => ({
        heading: (window as unknown as { __headingAt: number }).__headingAt,
        navigationStart: performance.timeOrigin,
      }));
      const phases = Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, v - heading]));
      return { heading, panel: shown["lead on screen"]!, navigationStart, phases };
    }
    if (Date.now() > deadline) throw new Error(`no lead in the panel on ${url} after 30 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median of each step, page heading = 0. */
function trace(label: string, samples: Shown[]): string {
  const steps = Object.keys(samples[0]!.phases);
  return `  ${label.padEnd(24)} ${steps.map((s) => `${s} ${median(samples.map((x) => x.phases[s]!)).toFixed(0)}`).join(" → ")} ms`;
}

function summary(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const f = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
  return `  ${label.padEnd(24)} median ${f(q(0.5))}   p90 ${f(q(0.9))}   min ${f(s[0]!)}   max ${f(s[s.length - 1]!)}   (n=${s.length})`;
}

// ---------------------------------------------------------------------------------- in-page navigation

/** Two profiles LinkedIn's router moves between without loading a document: Nadia Benali (BNP Paribas, as
 * saved) and Camille Laurent (saved at Doctolib, re-targeted at Danone: the visits identified Danone). */
const SPA = {
  nadia: { url: "https://www.linkedin.com/in/nadia-benali/", page: { file: "linkedin-profile-grouped-fr.html" }, lead: "BNP PARIBAS S.A." },
  camille: {
    url: "https://www.linkedin.com/in/camille-laurent-4b2a1b123/",
    page: {
      file: "linkedin-profile-en.html",
      replace: [
        ["Doctolib", "Danone"],
        ["doctolib", "danone"],
      ] as Array<[string, string]>,
    },
    lead: "DANONE",
  },
};

/**
 * LinkedIn's router: the URL changes first (history.pushState), the new profile renders a moment later (here
 * 300 ms, the whole <main> replaced at once, the title with it). Measured from that render (when the new
 * heading is in the DOM; it is painted at the next frame) to the panel's mark for the new person's lead.
 */
async function spaNavigationShown(page: Page, to: (typeof SPA)[keyof typeof SPA], leadId: string): Promise<number> {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(savedPageHtml(to.page))![1]!;
  const path = new URL(to.url).pathname;
  await page.evaluate(
    ({ body, path, title }) => {
      history.pushState({}, "", path);
      setTimeout(() => {
        document.title = title;
        document.body.innerHTML = body;
        (window as unknown as { __spaHeadingAt: number }).__spaHeadingAt = performance.timeOrigin + performance.now();
      }, 300);
    },
    { body, path, title: `${to.lead} | LinkedIn` },
  );
  const frame = page.frames().find(isPanelFrame)!;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const headingAt = await page.evaluate(() => (window as unknown as { __spaHeadingAt?: number }).__spaHeadingAt ?? null);
    const shownAt =
      headingAt === null
        ? null
        : await frame.evaluate(
            ({ leadId, after }) => {
              const marks = performance.getEntriesByName("sillage:lead-shown") as PerformanceMark[];
              const mine = marks.filter((m) => m.detail === leadId && performance.timeOrigin + m.startTime > after);
              return mine.length ? performance.timeOrigin + mine[0]!.startTime : null;
            },
            { leadId, after: headingAt - 300 },
          );
    if (headingAt !== null && shownAt !== null) {
      await page.evaluate(() => delete (window as unknown as { __spaHeadingAt?: number }).__spaHeadingAt);
      return shownAt - headingAt;
    }
    if (Date.now() > deadline) throw new Error(`the panel did not follow to ${to.url} within 30 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function spaNavigation(chromium: ChromiumWithExtension, worker: WorkerWithLeads): Promise<void> {
  await routePages(chromium.context, { [SPA.nadia.url]: SPA.nadia.page, [SPA.camille.url]: SPA.camille.page });
  const rows = await worker.server.d1<{ id: string; name: string }>("SELECT id, name FROM leads");
  const leadOf = (p: (typeof SPA)[keyof typeof SPA]) => rows.find((r) => r.name === p.lead)!.id;
  const page = await chromium.context.newPage();
  await panelShownAt(page, SPA.nadia.url);
  const cold: number[] = [];
  const warm: number[] = [];
  // Back and forth: first with the look-up cache emptied before each move, then (after one move each way,
  // not counted) with both answers cached.
  let at = SPA.nadia;
  const move = async () => {
    at = at === SPA.nadia ? SPA.camille : SPA.nadia;
    return spaNavigationShown(page, at, leadOf(at));
  };
  for (let i = 0; i < RUNS; i++) {
    await clearLookupCache(chromium.serviceWorker);
    cold.push(await move());
  }
  await move();
  await move();
  for (let i = 0; i < RUNS; i++) warm.push(await move());
  await page.close();
  console.log(
    `\nLinkedIn profile → another profile in the same document (history.pushState, then the new profile renders) — the new heading in the DOM → the new person's lead on screen\n${summary("cold", cold)}\n${summary("warm", warm)}`,
  );
}

// ------------------------------------------------------------------------------------ isolation's floor

/**
 * What the isolation itself costs: the same extension, except that panel.html holds one line of script (it
 * marks when it runs). Sampled in turns with the real panel on the same page, so the machine's load falls on
 * both alike; the difference is what the panel's own code adds (its bundle, the message, the render).
 */
async function isolationFloor(builtDir: string, realPage: Page, url: string): Promise<void> {
  const dir = copyWithApiOriginGranted(builtDir);
  writeFileSync(
    path.join(dir, "floor.js"),
    `performance.mark("sillage:panel-start"); performance.mark("sillage:context"); performance.mark("sillage:lead-shown");`,
  );
  writeFileSync(path.join(dir, "panel.html"), `<!doctype html><html><head><meta charset="UTF-8"></head><body><script src="/floor.js"></script></body></html>`);
  const floor = await launchWithExtension(dir);
  try {
    await routePages(floor.context, Object.fromEntries(Object.values(PAGES).map((p) => [p.url, p.page])));
    await floor.context.addInitScript({ content: MEASURE_HEADING });
    const floorPage = await floor.context.newPage();
    await panelShownAt(floorPage, url);
    const empty: Shown[] = [];
    const real: Shown[] = [];
    for (let i = 0; i < RUNS; i++) {
      empty.push(await panelShownAt(floorPage, url));
      real.push(await panelShownAt(realPage, url));
    }
    const at = (xs: Shown[], step: string) => median(xs.map((x) => x.phases[step]!)).toFixed(0);
    console.log(
      `\nthe isolation's floor (LinkedIn company, warm; medians from the page's heading, n=${RUNS} each, in turns)` +
        `\n  an extension frame whose page is one line of script: frame made ${at(empty, "frame made")} → its script runs ${at(empty, "panel script runs")} ms` +
        `\n  the panel:                                          frame made ${at(real, "frame made")} → its script runs ${at(real, "panel script runs")} → lead on screen ${at(real, "lead on screen")} ms`,
    );
  } finally {
    await floor.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------- long tasks

const CAPTURE = path.join(ROOT, "../shared/fixtures/linkedin-captures/li-company-loggedin-amex-people-2025.html");
const CAPTURE_URL = "https://www.linkedin.com/company/american-express/people/";

/** Long tasks seen by the page from its start, and what the page's own scripts would do meanwhile. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: "longtask", buffered: true });
`;

const CHURN = `(() => {
  let n = 0;
  const timer = setInterval(() => {
    const box = document.createElement("div");
    for (let i = 0; i < 20; i++) {
      const item = document.createElement("span");
      item.textContent = "item " + n++;
      box.append(item);
    }
    (document.querySelector("main") || document.body).append(box);
  }, 100);
  setTimeout(() => clearInterval(timer), 4000);
})()`;

interface LongTasks {
  count: number;
  totalMs: number;
  /** Of which after the page's `load` event: while scrolling, typing and churning. */
  afterLoadMs: number;
}

async function longTasks(context: BrowserContext): Promise<LongTasks> {
  const page = await context.newPage();
  await page.goto(CAPTURE_URL);
  await page.waitForLoadState("load");
  const loaded = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd);
  // LinkedIn keeps changing its DOM (feed items, presence dots, notifications): 20 nodes every 100 ms for 4 s,
  // while the salesperson scrolls and types in the search box.
  await page.evaluate(CHURN);
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(50);
  }
  const input = page.locator("input").first();
  if (await input.count()) await input.pressSequentially("american express people", { delay: 30 }).catch(() => {});
  await page.waitForTimeout(1_500);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks);
  await page.close();
  const total = (xs: Array<[number, number]>) => xs.reduce((n, [, d]) => n + d, 0);
  return { count: tasks.length, totalMs: total(tasks), afterLoadMs: total(tasks.filter(([start]) => start >= loaded)) };
}

async function plainChromium(): Promise<BrowserContext> {
  const context = await playwright.launchPersistentContext("", {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort("blockedbyclient"));
  return context;
}

async function routeCapture(context: BrowserContext): Promise<void> {
  const body = readFileSync(CAPTURE);
  await context.route(
    (u) => u.href.startsWith(CAPTURE_URL),
    (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }),
  );
  await context.addInitScript({ content: OBSERVE_LONG_TASKS });
}

// ------------------------------------------------------------------------------- reading a real page

const CAPTURES = path.join(ROOT, "../shared/fixtures/linkedin-captures");

/**
 * What one reading of a real LinkedIn page costs the page's main thread: the LinkedIn content script's
 * extractors (bundled as it bundles them) on each capture, first reading (cold code) and the median of five.
 */
async function extractionCost(): Promise<void> {
  if (!existsSync(path.join(CAPTURES, "manifest.json"))) {
    console.log(`\nreading real pages: skipped, ${CAPTURES} is absent`);
    return;
  }
  const bundled = await esbuild({
    stdin: {
      contents: `import { pageReader } from "./reader"; import { linkedInCompanyPage } from "./linkedin-company"; import { linkedInProfilePage } from "./linkedin-profile";
        const reader = pageReader([linkedInCompanyPage, linkedInProfilePage]);
        window.__read = (href) => { const t = performance.now(); reader.read(document, new URL(href)); return performance.now() - t; };`,
      resolveDir: path.join(ROOT, "extension/src/extractors"),
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "iife",
    write: false,
  });
  const script = bundled.outputFiles[0]!.text;
  const pages = (JSON.parse(readFileSync(path.join(CAPTURES, "manifest.json"), "utf8")) as { pages: Array<{ file: string; url: string }> }).pages;
  const context = await playwright.launchPersistentContext("", {
    executablePath: "/usr/bin/chromium",
    headless: true,
    bypassCSP: true,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"],
  });
  console.log("\nreading a real LinkedIn page (the content script's extractors; first reading, then median of 5)");
  try {
    for (const { file, url } of pages) {
      const body = readFileSync(path.join(CAPTURES, file));
      const page = await context.newPage();
      await page.route("**/*", (route) => (route.request().url() === url ? route.fulfill({ body, contentType: "text/html; charset=utf-8" }) : route.abort()));
      await page.goto(url);
      await page.addScriptTag({ content: script });
      const times: number[] = [];
      for (let i = 0; i < 6; i++) times.push(await page.evaluate((u) => (window as unknown as { __read(u: string): number }).__read(u), url));
      const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
      console.log(
        `  ${file.padEnd(54)} ${kb(body.length).padStart(9)}, ${String(elements).padStart(5)} elements: ${times[0]!.toFixed(1).padStart(5)} ms, then ${median(times.slice(1)).toFixed(1)} ms`,
      );
      await page.close();
    }
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------------- run

console.log("overlay benchmark: preparing the worker (real visits → leads) and the built extension…");
const [built, worker] = await Promise.all([ensureExtensionBuilt(), startWorkerWithRealVisits()]);
weights(built);
const extensionDir = copyWithApiOriginGranted(built);
const chromium = await launchWithExtension(extensionDir);
try {
  await configureExtension(chromium.serviceWorker, { apiBaseUrl: worker.server.url, apiKey: worker.apiKey });
  await routePages(chromium.context, Object.fromEntries(Object.values(PAGES).map((p) => [p.url, p.page])));
  await chromium.context.addInitScript({ content: MEASURE_HEADING });

  const page = await chromium.context.newPage();
  await panelShownAt(page, PAGES["HubSpot company (SIREN ✓ first key)"].url); // first run of the scripts and the worker: not counted
  for (const [label, { url }] of Object.entries(PAGES)) {
    const cold: Shown[] = [];
    const warm: Shown[] = [];
    for (let i = 0; i < RUNS; i++) {
      await clearLookupCache(chromium.serviceWorker);
      cold.push(await panelShownAt(page, url));
      warm.push(await panelShownAt(page, url));
    }
    const fromHeading = (xs: Shown[]) => xs.map((x) => x.panel - x.heading);
    const fromNavigation = (xs: Shown[]) => xs.map((x) => x.panel - x.navigationStart);
    console.log(
      `\n${label} — the page's heading on screen → the lead on screen in the panel\n${summary("cold", fromHeading(cold))}\n${summary("warm", fromHeading(warm))}` +
        `\n${summary("cold, from navigation", fromNavigation(cold))}\n${summary("warm, from navigation", fromNavigation(warm))}` +
        `\n where the time goes (medians, the page's heading = 0):\n${trace("cold", cold)}\n${trace("warm", warm)}`,
    );
  }
  await isolationFloor(built, page, PAGES["LinkedIn company (3 keys: link, domain ✓)"].url);
  await page.close();

  await spaNavigation(chromium, worker);

  if (existsSync(CAPTURE)) {
    await routeCapture(chromium.context);
    const plain = await plainChromium();
    await routeCapture(plain);
    const withExt: LongTasks[] = [];
    const without: LongTasks[] = [];
    // Interleaved, so that the machine's other load falls on both alike.
    for (let i = 0; i < Math.min(RUNS, 7); i++) {
      without.push(await longTasks(plain));
      withExt.push(await longTasks(chromium.context));
    }
    await plain.close();
    const line = (label: string, runs: LongTasks[]) =>
      `  ${label.padEnd(22)} median ${String(median(runs.map((r) => r.count))).padStart(3)} long tasks, ${median(runs.map((r) => r.totalMs))
        .toFixed(0)
        .padStart(5)} ms in all per run (n=${runs.length}; totals ${runs.map((r) => r.totalMs.toFixed(0)).join(", ")} ms)` +
      `\n  ${"".padEnd(22)} of which after the page's load (scrolling, typing, churn): ${runs.map((r) => r.afterLoadMs.toFixed(0)).join(", ")} ms`;
    console.log(
      `\nlong tasks on a real LinkedIn page (load, scroll, typing, DOM churn)\n${line("without the extension", without)}\n${line("with the extension", withExt)}`,
    );
  } else {
    console.log(`\nlong tasks: skipped, ${CAPTURE} is absent`);
  }
} finally {
  await chromium.close();
  await worker.stop();
}
await extractionCost();
