import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchDesktopChromium } from "../support/desktop-chromium";
import { startWorkerWithRealVisits, waitFor, type WorkerWithLeads } from "../bench/overlay.bench.harness";

// The console (/app/) in real Chromium against `wrangler dev`, on a workspace whose leads came from real
// visits through the real pipeline (Danone reaches MQL). A marketer signs in, installs the snippet on a new
// site and watches the installation check; a salesperson accepts the MQL and the funnel moves; an admin
// changes the scoring model after a dry run. Screenshots of every screen go to test/artifacts/.

const ARTIFACTS = "test/artifacts";

let worker: WorkerWithLeads;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;

beforeAll(async () => {
  worker = await startWorkerWithRealVisits();
  base = worker.server.url; // http://127.0.0.1:PORT
  browser = await launchDesktopChromium([
    // The customer's pages below come from Playwright's router, which Local Network Access counts as the
    // public internet; a real site reaching a deployed worker is public to public.
    "--disable-features=LocalNetworkAccessChecks",
    // Nothing but the local worker resolves: nothing can reach the internet.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
  ]);
  context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  page = await context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const shot = (name: string, p: Page = page) => p.screenshot({ path: `${ARTIFACTS}/console-${name}.png`, fullPage: true });
const nav = (name: string) => page.getByRole("navigation").getByRole("link", { name });

test("sign in: the key becomes an HttpOnly, Secure, SameSite=Strict cookie; the page keeps no key", async () => {
  const cspViolations: string[] = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && cspViolations.push(m.text()));
  await page.goto(`${base}/app/`);
  await expect.poll(() => page.getByRole("heading", { name: "Connexion à la console" }).isVisible()).toBe(true);
  await shot("sign-in");

  await page.getByLabel("Clé API").fill("slg_" + "0".repeat(40));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect.poll(() => page.getByRole("alert").textContent()).toContain("Unknown or revoked API key");

  await page.getByLabel("Clé API").fill(worker.apiKey);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Tableau de bord");

  const cookies = await context.cookies(`${base}/api/v1/me`);
  expect(cookies).toEqual([expect.objectContaining({ name: "sillage_console", path: "/api/v1", httpOnly: true, secure: true, sameSite: "Strict" })]);
  expect(await page.evaluate(() => document.cookie)).toBe("");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(worker.apiKey);
  // A reload keeps the session: the cookie alone signs the console in.
  await page.reload();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Tableau de bord");
  expect(cspViolations).toEqual([]);
});

test("dashboard: the funnel of the period next to the seeds' references", async () => {
  const funnel = page.getByTestId("funnel");
  await expect.poll(() => funnel.getByRole("img").getAttribute("aria-label")).toMatch(/MQL 1, SQL 0/);
  await expect.poll(() => page.getByText("référence : 15–25 %").isVisible()).toBe(true);
  await expect.poll(() => page.getByText("référence : ~13 %").isVisible()).toBe(true);
  await shot("dashboard");
});

test("sites: create a site, copy its snippet, watch the installation check turn green and explain a drop", async () => {
  await nav("Sites et snippet").click();
  await page.getByRole("button", { name: /Nouveau site/ }).click();
  await page.getByLabel("Nom du site").fill("Acme — site vitrine");
  await page.getByLabel("Domaines autorisés").fill("localhost");
  await page.getByRole("button", { name: "Créer le site" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Acme — site vitrine" }).isVisible()).toBe(true);
  await expect.poll(() => page.getByTestId("installation-state").textContent()).toContain("En attente d’une première visite");

  await page.getByRole("button", { name: "Copier le snippet" }).click();
  await expect.poll(() => page.getByRole("button", { name: /Copié/ }).isVisible()).toBe(true);
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const siteKey = /data-site="(pk_[a-z0-9_]+)"/.exec(snippet)?.[1];
  expect(siteKey).toBeTruthy();
  expect(snippet).toContain(`<script async src="${base}/t.js" data-site="${siteKey}"></script>`);
  await shot("sites-waiting");

  // The customer's site: one page on an allowed hostname (localhost), one on another (127.0.0.1), both with
  // the copied snippet, served by the browser's router and tracked by the real worker.
  const landing = (title: string) =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${snippet}</head><body><h1>${title}</h1></body></html>`;
  const port = new URL(base).port;
  const visitor = await browser.newContext({ locale: "fr-FR" });
  await visitor.route(`http://localhost:${port}/acme/**`, (r) => r.fulfill({ contentType: "text/html; charset=utf-8", body: landing("Acme — Tarifs") }));
  await visitor.route(`${base}/acme-blog/**`, (r) => r.fulfill({ contentType: "text/html; charset=utf-8", body: landing("Blog Acme") }));
  const visit = await visitor.newPage();
  for (const url of [`http://localhost:${port}/acme/tarifs/`, `${base}/acme-blog/`]) {
    const sent = visit.waitForRequest((req) => req.url() === `${base}/collect`);
    await visit.goto(url);
    await sent;
  }
  await visitor.close();

  // The check polls every 3 s: it turns green and shows the page, then the drop with what to fix.
  await expect.poll(() => page.getByTestId("installation-state").textContent(), { timeout: 30_000 }).toContain("Installé");
  await expect.poll(() => page.getByText("localhost/acme/tarifs/").first().isVisible(), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => page.getByText("Domaine non autorisé", { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
  await expect
    .poll(() => page.getByText("Si ces pages sont les vôtres, ajoutez leur domaine aux domaines autorisés (autorisés : localhost).").isVisible())
    .toBe(true);
  await expect.poll(() => page.getByRole("button", { name: "Autoriser 127.0.0.1" }).isVisible(), { timeout: 30_000 }).toBe(true);
  await shot("sites-installed");
  // One click adds the refused hostname to the site.
  await page.getByRole("button", { name: "Autoriser 127.0.0.1" }).click();
  await expect.poll(() => page.getByRole("button", { name: /Acme — site vitrine/ }).textContent()).toContain("localhost, 127.0.0.1");
});

test("leads: filter the MQLs, open Danone, accept it; the funnel counts one SQL", async () => {
  await nav("Leads").click();
  await page.getByLabel("Statut").selectOption("mql");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await page.waitForURL(/\/app\/leads\?status=mql/);
  const row = page.getByRole("link", { name: "DANONE" });
  await expect.poll(() => row.isVisible()).toBe(true);
  await page.getByLabel("Nom de la vue").fill("MQL à traiter");
  await page.getByRole("button", { name: "Enregistrer cette vue" }).click();
  await expect.poll(() => page.getByRole("link", { name: "MQL à traiter" }).isVisible()).toBe(true);
  await shot("leads");

  await row.click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("DANONE");
  await expect.poll(() => page.getByText("Page Tarifs").first().isVisible()).toBe(true);
  await expect.poll(() => page.getByText(/^Reste \d/).isVisible()).toBe(true);
  // The visitor's office, from where the visits came (the demo's visits come from Paris): the establishment and its SIRET.
  await expect.poll(() => page.getByText("Établissement du visiteur").isVisible()).toBe(true);
  await expect.poll(() => page.getByText(/^DANONE — (établissement|siège)( de [^,]+)?, SIRET 552032534\d{5}$/).isVisible()).toBe(true);
  await shot("lead");

  await page.getByLabel("Nouvelle note").fill("Rappeler Claire mardi");
  await page.getByRole("button", { name: "Ajouter la note" }).click();
  await expect.poll(() => page.getByText("Rappeler Claire mardi").isVisible()).toBe(true);

  await page.getByRole("button", { name: /Accepter en SQL/ }).click();
  await expect.poll(() => page.getByText("C’est fait : SQL.").isVisible()).toBe(true);
  const [{ status }] = (await worker.server.d1<{ status: string }>("SELECT status FROM leads WHERE name = 'DANONE'")) as [{ status: string }];
  expect(status).toBe("sql");
  await shot("lead-accepted");

  await nav("Tableau de bord").click();
  await expect.poll(() => page.getByTestId("funnel").getByRole("img").getAttribute("aria-label")).toMatch(/MQL 1, SQL 1/);
  await shot("dashboard-after");
});

test("scoring: add a rule from a template, dry run, save, and follow the rescoring", async () => {
  await nav("Scoring").click();
  await expect.poll(() => page.getByRole("row", { name: /Page Tarifs/ }).isVisible()).toBe(true);
  // Saving is refused until a dry run of exactly this model.
  await page.getByLabel("Modèle de règle").selectOption("page");
  await page.getByLabel("Valeur").fill("/demo/cas-client*");
  await page.getByLabel("Libellé").fill("Page Cas client");
  await page.getByLabel("Points", { exact: true }).fill("70");
  await page.getByRole("button", { name: "+ Ajouter" }).click();
  await expect.poll(() => page.getByRole("row", { name: /Page Cas client/ }).isVisible()).toBe(true);
  expect(await page.getByRole("button", { name: "Enregistrer le modèle" }).isDisabled()).toBe(true);

  await page.getByRole("button", { name: "Simuler" }).click();
  // La Poste read the customer case: it would become an MQL.
  await expect.poll(() => page.getByTestId("dry-run").textContent()).toMatch(/^1 leads deviendraient MQL, 0 repasseraient en nurturing/);
  await shot("scoring-dry-run");
  await page.getByRole("button", { name: "Enregistrer le modèle" }).click();
  await expect.poll(() => page.getByText(/Recalcul terminé : 1 leads ont changé de statut/).isVisible(), { timeout: 60_000 }).toBe(true);
  await waitFor(
    async () => (await worker.server.d1<{ status: string }>("SELECT status FROM leads WHERE name = 'LA POSTE'"))[0]?.status === "mql",
    30_000,
    "La Poste to become an MQL",
  );
  await shot("scoring-saved");
});

test("delivery and access pages, English, a phone's width, and sign-out", async () => {
  await nav("Diffusion").click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Diffusion : webhooks et Slack");
  await expect.poll(() => page.getByText("Aucun point de diffusion.").isVisible()).toBe(true);
  await shot("delivery");
  await nav("Membres et clés").click();
  await expect.poll(() => page.getByRole("heading", { name: "Clés API", exact: true }).isVisible()).toBe(true);
  await expect
    .poll(() =>
      page
        .getByRole("cell", { name: /^Démo \(admin\)/ })
        .first()
        .isVisible(),
    )
    .toBe(true);
  await shot("access");

  await page.getByRole("button", { name: "English" }).click();
  await nav("Leads").click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Leads");
  await expect.poll(() => page.getByRole("button", { name: "Export as CSV" }).isVisible()).toBe(true);
  await page.getByRole("button", { name: "Français" }).click();

  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${base}/app/leads`);
  await expect.poll(() => phone.getByRole("heading", { level: 1 }).textContent()).toBe("Leads");
  await phone.waitForTimeout(1000);
  await shot("leads-phone", phone);
  await expect.poll(() => phone.getByRole("link", { name: "DANONE" }).isVisible()).toBe(true);
  // Nothing wider than the screen: no sideways scrolling of the page.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot("leads-phone", phone);
  await phone.goto(`${base}/app/`);
  await expect.poll(() => phone.getByTestId("funnel").isVisible()).toBe(true);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot("dashboard-phone", phone);
  await phone.close();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Connexion à la console" }).isVisible()).toBe(true);
  expect(await context.cookies(`${base}/api/v1/me`)).toEqual([]);
  await page.goto(`${base}/app/leads`);
  await expect.poll(() => page.getByRole("heading", { name: "Connexion à la console" }).isVisible()).toBe(true);
});
