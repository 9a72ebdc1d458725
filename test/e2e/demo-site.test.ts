import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchDesktopChromium } from "../support/desktop-chromium";
import { startDevServer, type DevServer } from "../support/dev-server.mjs";

// A visitor browses the demo site in real Chromium, with the real tracker, against the real worker; the
// hits must come out of the queue consumer into D1 as one visitor, one session, one identified contact.

const EMAIL = "camille.martin@exemple-industrie.fr";
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchDesktopChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Resolves when the tracker has sent a beacon of this type (its body is the JSON payload). */
function beacon(page: Page, type: string) {
  return page.waitForRequest((req) => req.url().endsWith("/collect") && JSON.parse(req.postData() ?? "{}").type === type);
}

/**
 * The queue consumer stores hits asynchronously: re-read until `done` holds, for at most 15 s. Not more
 * often than each second: every read from outside briefly locks the SQLite file the worker writes to.
 */
async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

interface HitRow {
  type: string;
  path: string;
  name: string | null;
  props: string | null;
  page_id: string | null;
  visitor_id: string;
  session_id: string;
  contact_id: string | null;
  engaged_ms: number | null;
}

test("a visit to the demo site is stored as one identified visitor's session", async () => {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const nav = page.locator("header nav");

  let sent = beacon(page, "pageview");
  await page.goto(`${server.url}/demo/`);
  expect(await page.evaluate(() => navigator.webdriver)).toBe(false);
  await sent;

  sent = beacon(page, "pageview");
  await nav.getByRole("link", { name: "Tarifs" }).click();
  await page.waitForURL("**/demo/tarifs/");
  await sent;

  // The SPA link swaps the content and pushes the URL: the marker survives because the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  sent = beacon(page, "pageview");
  await nav.getByRole("link", { name: "Fonctionnalités" }).click();
  await sent;
  expect(new URL(page.url()).pathname).toBe("/demo/fonctionnalites/");
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect.poll(() => page.locator("main h2").first().textContent()).toContain("équipes finance");

  sent = beacon(page, "pageview");
  await nav.getByRole("link", { name: "Livre blanc" }).click();
  await page.waitForURL("**/demo/livre-blanc/");
  await sent;

  await page.getByLabel("E-mail professionnel").fill(EMAIL);
  await page.getByLabel("Nom complet").fill("Camille Martin");
  await page.getByLabel("Fonction").fill("Directeur IT");
  await page.getByLabel("Téléphone").fill("+33 1 23 45 67 89");
  const identified = beacon(page, "identify");
  const downloaded = beacon(page, "event");
  await page.getByRole("button", { name: "Télécharger le livre blanc" }).click();
  await Promise.all([identified, downloaded]);
  await expect.poll(() => page.locator("#merci").isVisible()).toBe(true);
  expect(await page.locator("form[data-white-paper]").isVisible()).toBe(false);

  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: ARTIFACTS + "demo-site.png", fullPage: true });
  await context.close();

  const contacts = await poll(
    () => server.d1<{ id: string; email: string; name: string; job_title: string; phone: string }>("SELECT * FROM contacts"),
    (rows) => rows.length > 0,
  );
  expect(contacts).toEqual([expect.objectContaining({ email: EMAIL, name: "Camille Martin", job_title: "Directeur IT", phone: "+33 1 23 45 67 89" })]);
  const contactId = contacts[0]!.id;

  const hits = await poll(
    () => server.d1<HitRow>("SELECT * FROM hits ORDER BY occurred_at, rowid"),
    (rows) => rows.some((h) => h.type === "event") && rows.filter((h) => h.type === "pageview").every((h) => h.contact_id === contactId),
  );
  const pageviews = hits.filter((h) => h.type === "pageview");
  expect(pageviews.map((h) => h.path)).toEqual(["/demo/", "/demo/tarifs/", "/demo/fonctionnalites/", "/demo/livre-blanc/"]);
  expect(new Set(hits.map((h) => h.visitor_id)).size).toBe(1);
  expect(new Set(hits.map((h) => h.session_id)).size).toBe(1);
  // The anonymous pages seen before the form now belong to the contact.
  expect(pageviews.map((h) => h.contact_id)).toEqual(pageviews.map(() => contactId));

  const downloads = hits.filter((h) => h.type === "event");
  expect(downloads).toHaveLength(1);
  expect(downloads[0]).toMatchObject({ name: "download", path: "/demo/livre-blanc/", contact_id: contactId });
  expect(JSON.parse(downloads[0]!.props!)).toEqual({ asset: "livre-blanc" });

  // Leaving a page (full navigation or SPA) reported its visible time onto its page view.
  const engaged = await poll(
    () => server.d1<{ path: string; engaged_ms: number | null }>("SELECT path, engaged_ms FROM hits WHERE type = 'pageview' ORDER BY occurred_at"),
    (rows) => rows.slice(0, 3).every((r) => (r.engaged_ms ?? 0) > 0),
  );
  expect(engaged.slice(0, 3).map((r) => (r.engaged_ms ?? 0) > 0)).toEqual([true, true, true]);

  const [visitor] = await server.d1<{ contact_id: string }>("SELECT contact_id FROM visitors");
  expect(visitor?.contact_id).toBe(contactId);
  // Nothing was mistaken for a bot, a headless browser or a bad payload.
  expect(await server.d1("SELECT reason, count FROM drop_counters")).toEqual([]);
});
