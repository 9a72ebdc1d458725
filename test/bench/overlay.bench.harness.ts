/**
 * What the extension's end-to-end test (test/e2e/extension.test.ts) and the overlay benchmark
 * (overlay.bench.ts) share: the BUILT extension in real Chromium, the real worker under `wrangler dev` fed
 * with real collected hits, and the saved LinkedIn/CRM pages served by Playwright. Nothing here reaches
 * the internet: the register is a local fake, external hosts do not resolve, pages are routed.
 */
import { execFile } from "node:child_process";
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from "playwright-core";
import { parseAsnCsvLine } from "../../worker/src/identify/ip-range-rows";
import { parseIp } from "../../shared/src/network/ip";
import { QUIET_CHROMIUM_ARGS } from "../support/desktop-chromium";
import { startDevServer, type DevServer } from "../support/dev-server.mjs";
import { startRechercheEntreprisesFake, type RechercheEntreprisesFake } from "../fakes/recherche-entreprises";

const run = promisify(execFile);

/** The extension APIs used inside `serviceWorker.evaluate` (they run in the extension, not in Node). */
declare const chrome: {
  storage: { local: { get(keys: string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

interface DemoVisit {
  who: string;
  ip: string;
  vid: string;
  hits: Array<Record<string, unknown> & { url: string }>;
}
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const EXTENSION = path.join(ROOT, "extension");
const BUILT = path.join(EXTENSION, ".output/chrome-mv3");
const TEST_PAGES = path.join(EXTENSION, "test-pages");
const WRANGLER = path.join(ROOT, "node_modules/.bin/wrangler");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const QUIET = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

// ---------------------------------------------------------------------------------------------- extension

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm run build -w extension` when the build is missing or older than any source file. */
export async function ensureExtensionBuilt(): Promise<string> {
  const manifest = path.join(BUILT, "manifest.json");
  const sources = Math.max(
    newestMtime(path.join(EXTENSION, "src")),
    newestMtime(path.join(EXTENSION, "entrypoints")),
    newestMtime(path.join(EXTENSION, "public")),
    statSync(path.join(EXTENSION, "wxt.config.ts")).mtimeMs,
    newestMtime(path.join(ROOT, "shared/src")),
  );
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < sources) {
    // Not vitest's NODE_ENV=test: the build must be the production one users load.
    await run("npm", ["run", "build", "-w", "extension", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      maxBuffer: 32 * 1024 * 1024,
    });
  }
  return BUILT;
}

/**
 * A copy of the built extension whose manifest already holds the local API's host permission. In real use the
 * options page asks for it (`permissions.request`) and the user accepts the browser's prompt; automation
 * cannot click that prompt (browser UI, not page content). With the origin granted up front, the same
 * request resolves at once without a prompt, so the options page's code path still runs.
 */
export function copyWithApiOriginGranted(builtDir: string, originPattern = "http://127.0.0.1/*"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sillage-ext-"));
  cpSync(builtDir, dir, { recursive: true });
  const manifestPath = path.join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), originPattern];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionDir: string, { locale = "fr-FR" } = {}): Promise<ChromiumWithExtension> {
  const context = await chromium.launchPersistentContext("", {
    executablePath: "/usr/bin/chromium",
    headless: true,
    locale,
    viewport: { width: 1366, height: 900 },
    args: [
      "--headless=new",
      ...QUIET_CHROMIUM_ARGS,
      // No host but the local worker resolves: a request that escaped the routes below fails instead of
      // reaching the internet.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  // Saved pages reference LinkedIn's CDN and sites of their own; nothing but the routed pages is served.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort("blockedbyclient"));
  return { context, extensionId, serviceWorker, close: () => context.close() };
}

/** Settings written the way the options page writes them (the options page itself is tested separately). */
export async function configureExtension(sw: Worker, settings: { apiBaseUrl: string; apiKey: string }): Promise<void> {
  await sw.evaluate(async (s) => {
    await chrome.storage.local.set({ "sillage.apiBaseUrl": s.apiBaseUrl, "sillage.apiKey": s.apiKey });
  }, settings);
}

/** What the extension keeps in `storage.local`. */
export function readStorage(sw: Worker): Promise<Record<string, unknown>> {
  return sw.evaluate(() => chrome.storage.local.get(null));
}

/** Empties the background's look-up cache (in memory and its session mirror): the next page is a cold look-up. */
export async function clearLookupCache(sw: Worker): Promise<void> {
  // Rewriting the settings is what the options page does; the background drops its cache on any change.
  await sw.evaluate(async () => {
    const s = await chrome.storage.local.get(["sillage.apiBaseUrl", "sillage.apiKey"]);
    await chrome.storage.local.set({ "sillage.apiBaseUrl": s["sillage.apiBaseUrl"] + "/" });
    await chrome.storage.local.set({ "sillage.apiBaseUrl": String(s["sillage.apiBaseUrl"]).replace(/\/+$/, "") });
  });
}

// ----------------------------------------------------------------------------------------------- pages

export interface SavedPage {
  /** File in extension/test-pages. */
  file: string;
  /** Company identity swaps, applied to the whole HTML (see `retarget`). */
  replace?: Array<[string | RegExp, string]>;
}

/**
 * The saved page's HTML. `replace` re-targets a saved page at another company (name, domain, LinkedIn slug,
 * SIREN): the page's structure — what the extractors read — stays the saved one, only the identity changes.
 * Used where the saved pages' companies (Doctolib, Groupe Beaumanoir…) are ones no offline network identifies.
 */
export function savedPageHtml(page: SavedPage): string {
  let html = readFileSync(path.join(TEST_PAGES, page.file), "utf8");
  for (const [from, to] of page.replace ?? []) html = html.replaceAll(from as string, to);
  return html;
}

/** Serves saved pages at their URLs (registered after the catch-all abort, so they take precedence). */
export async function routePages(context: BrowserContext, pages: Record<string, SavedPage>): Promise<void> {
  for (const [url, page] of Object.entries(pages)) {
    const body = savedPageHtml(page);
    const target = new URL(url);
    await context.route(
      (u) => u.origin === target.origin && u.pathname === target.pathname,
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }),
    );
  }
}

/** The lead panel's frame: an extension page (panel.html) inside the closed shadow root of `<sillage-overlay>`. */
export const isPanelFrame = (frame: Frame) => frame.url().startsWith("chrome-extension://") && new URL(frame.url()).pathname === "/panel.html";

/**
 * The lead panel in `page`. Neither the page nor a selector can reach it (closed shadow root, another origin);
 * Playwright drives the browser itself, which sees every frame.
 */
export async function overlay(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find(isPanelFrame);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no Sillage panel in ${page.url()} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---------------------------------------------------------------------------------------------- worker

/** Corporate networks used by the visits, and the real @ip-location-db/asn lines that cover them. */
export const BNP_VISIT: DemoVisit = {
  who: "BNP Paribas (corporate network)",
  ip: "79.170.56.20",
  vid: "e2e-visitor-bnp",
  hits: [
    { url: "/demo/", title: "Accueil" },
    { url: "/demo/fonctionnalites/", title: "Fonctionnalités" },
  ],
};

/** `npm start`'s simulated visits (scripts/demo-visits.mjs, untyped JS: typed here). */
async function demoVisits(): Promise<{ DEMO_VISITS: DemoVisit[]; sendDemoVisits(baseUrl: string): Promise<number> }> {
  return import(pathToFileURL(path.join(ROOT, "scripts/demo-visits.mjs")).href);
}

/** The real lines of the IPv4 table that contain the visits' addresses (read from the npm package). */
async function realRangesFor(ips: string[]): Promise<string[]> {
  const csv = path.join(path.dirname(fileURLToPath(import.meta.resolve("@ip-location-db/asn/package.json"))), "asn-ipv4.csv");
  const wanted = ips.map((ip) => parseIp(ip)!.hex);
  // Cheap pre-filter on the first octet of the range's ends (400k lines), then the exact comparison.
  const octets = ips.map((ip) => Number(ip.split(".")[0]));
  const found: string[] = [];
  for await (const line of createInterface({ input: createReadStream(csv) })) {
    const from = Number(line.slice(0, line.indexOf(".")));
    const to = Number(line.slice(line.indexOf(",") + 1, line.indexOf(".", line.indexOf(","))));
    if (!octets.some((o) => from <= o && o <= to)) continue;
    const row = parseAsnCsvLine(line, 4);
    if (row && wanted.some((hex) => row.start <= hex && hex <= row.end)) found.push(line);
  }
  return found;
}

const sql = (s: string | number) => (typeof s === "number" ? String(s) : `'${s.replaceAll("'", "''")}'`);

export interface WorkerWithLeads {
  server: DevServer;
  register: RechercheEntreprisesFake;
  apiKey: string;
  stop(): Promise<void>;
}

/**
 * The real worker on a fresh local D1: migrations, the shipped SIRENE sample (sirene-local provider), the real
 * IP ranges of the visits' networks, the demo workspace; then the demo's simulated visits (Danone reaching
 * MQL, La Poste, consumer ISPs) plus a BNP Paribas visit, sent to /collect with X-Sillage-Client-IP, and
 * waited for until the queues have identified, enriched and scored them into leads.
 */
export async function startWorkerWithRealVisits({ log = (_: string) => {} } = {}): Promise<WorkerWithLeads> {
  const t0 = Date.now();
  const step = (what: string) => log(`${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const persistTo = mkdtempSync(path.join(tmpdir(), "sillage-ext-e2e-"));
  const register = await startRechercheEntreprisesFake();
  try {
    await run(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { cwd: ROOT, env: QUIET });
    step("migrations applied");
    await run(TSX, ["worker/scripts/import-sirene.ts", "--persist-to", persistTo, "--quiet"], { cwd: ROOT, env: QUIET });
    step("SIRENE sample imported");
    const apiKey = process.env.SILLAGE_DEMO_KEY ?? "slg_" + "e2e0".repeat(10);
    process.env.SILLAGE_DEMO_KEY = apiKey; // seedDemo (inside startDevServer) registers this key
    const server = await startDevServer({ persistTo, vars: { RECHERCHE_ENTREPRISES_URL: register.url } });
    step("worker started");
    const { DEMO_VISITS, sendDemoVisits } = await demoVisits();
    const ranges = (await realRangesFor([...DEMO_VISITS.map((v) => v.ip), BNP_VISIT.ip])).map((l) => parseAsnCsvLine(l, 4)!);
    await server.d1(
      ranges
        .map(
          (r) =>
            `INSERT OR REPLACE INTO ip_ranges (family, start, "end", asn, organization) VALUES (4, ${sql(r.start)}, ${sql(r.end)}, ${r.asn}, ${sql(r.organization)});`,
        )
        .join("\n"),
    );

    step("IP ranges of the visits' networks loaded");
    await sendDemoVisits(server.url);
    await sendVisit(server.url, BNP_VISIT);
    await waitFor(
      async () => {
        const [pending] = await server.d1<{ n: number }>("SELECT count(*) AS n FROM hits WHERE enrichment_status = 'pending'");
        const leads = await server.d1<{ name: string }>("SELECT name FROM leads");
        return pending!.n === 0 && leads.length >= 3;
      },
      60_000,
      "the visits to become leads",
    );
    step("visits collected, identified and scored");
    return {
      server,
      register,
      apiKey,
      stop: async () => {
        await server.stop();
        await register.close();
        rmSync(persistTo, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await register.close();
    throw err;
  }
}

const UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function sendVisit(baseUrl: string, visit: DemoVisit): Promise<void> {
  for (const hit of visit.hits) {
    const res = await fetch(`${baseUrl}/collect`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", "User-Agent": UA, "X-Sillage-Client-IP": visit.ip },
      body: JSON.stringify({ site: "demo-site-key", vid: visit.vid, type: "pageview", ...hit, url: new URL(hit.url, baseUrl).href }),
    });
    if (res.status !== 204) throw new Error(`collect answered ${res.status}`);
  }
}

/** Polls at most once a second: every read from outside briefly locks the SQLite file the worker writes to. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
