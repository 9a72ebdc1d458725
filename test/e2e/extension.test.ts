import { mkdirSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import {
  clearLookupCache,
  configureExtension,
  copyWithApiOriginGranted,
  ensureExtensionBuilt,
  launchWithExtension,
  overlay,
  readStorage,
  routePages,
  savedPageHtml,
  startWorkerWithRealVisits,
  waitFor,
  type ChromiumWithExtension,
  type WorkerWithLeads,
} from "../bench/overlay.bench.harness";

// The BUILT extension in real Chromium, against the real worker fed by real collected hits: `npm start`'s
// simulated visits (Danone's corporate network reaching MQL, La Poste, consumer ISPs that stay anonymous)
// plus a visit from BNP Paribas' network, all through /collect. LinkedIn and CRM pages are the saved ones
// (extension/test-pages), served by Playwright; nothing reaches the internet.

const ARTIFACTS = "test/artifacts";

/** Saved pages, at the URLs they were saved from or re-targeted (see savedPageHtml) at a company the visits identified. */
const PAGES = {
  // Doctolib's "About" tab, re-targeted at Danone (no offline network identifies Doctolib).
  linkedinCompany: "https://www.linkedin.com/company/danone/about/",
  // Nadia Benali's profile: current position at BNP Paribas (grouped roles), as saved.
  linkedinProfile: "https://www.linkedin.com/in/nadia-benali/",
  // Danone's HubSpot record (legacy French UI), as saved: SIREN field.
  hubspot: "https://app.hubspot.com/contacts/4415263/company/9876543210/",
  // Danone's Salesforce account (French Aura layout), as saved: SIRET and VAT number.
  salesforce: "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view",
  // Groupe Beaumanoir's Pipedrive organisation, re-targeted at La Poste (SIRET field 356 000 000 00010).
  pipedrive: "https://laposte-ventes.pipedrive.com/organization/77/",
  // Pennylane's LinkedIn posts tab, as saved: no visit came from Pennylane.
  unknownCompany: "https://www.linkedin.com/company/pennylane/posts/",
  // Camille Laurent's profile (saved at Doctolib), re-targeted at Danone: reached in-page from Nadia Benali's.
  otherProfile: "https://www.linkedin.com/in/camille-laurent-4b2a1b123/",
  // Alan's Pipedrive organisation without its website field: no domain, and its SIREN field fails the check digit.
  crmWithoutDomain: "https://sillage-demo.pipedrive.com/organization/1042",
} as const;

let worker: WorkerWithLeads;
let chromium: ChromiumWithExtension;
let extensionDir: string;
let leads: Record<"danone" | "laposte" | "bnp", string>;

beforeAll(async () => {
  const [built, started] = await Promise.all([ensureExtensionBuilt(), startWorkerWithRealVisits()]);
  worker = started;
  extensionDir = copyWithApiOriginGranted(built);
  chromium = await launchWithExtension(extensionDir);
  await routePages(chromium.context, {
    [PAGES.linkedinCompany]: {
      file: "linkedin-company-about-en.html",
      replace: [
        ["Doctolib", "Danone"],
        ["doctolib", "danone"],
      ],
    },
    [PAGES.linkedinProfile]: { file: "linkedin-profile-grouped-fr.html" },
    [PAGES.otherProfile]: {
      file: "linkedin-profile-en.html",
      replace: [
        ["Doctolib", "Danone"],
        ["doctolib", "danone"],
      ],
    },
    [PAGES.hubspot]: { file: "hubspot-company-fr-legacy.html" },
    [PAGES.salesforce]: { file: "salesforce-account-fr.html" },
    [PAGES.pipedrive]: {
      file: "pipedrive-organization-fr.html",
      // 356 000 000 00010: a La Poste SIRET (digit sum a multiple of 5), so the SIREN is read from it.
      replace: [
        ["Groupe Beaumanoir", "La Poste"],
        ["Beaumanoir", "La Poste"],
        ["beaumanoir", "laposte"],
        ["350 452 827 00016", "356 000 000 00010"],
      ],
    },
    [PAGES.unknownCompany]: { file: "linkedin-company-posts-fr.html" },
    [PAGES.crmWithoutDomain]: { file: "pipedrive-organization-en.html", replace: [[">Website<", ">Fax<"]] },
  });
  const rows = await worker.server.d1<{ id: string; name: string }>("SELECT id, name FROM leads");
  const id = (name: string) => rows.find((r) => r.name === name)?.id ?? "";
  leads = { danone: id("DANONE"), laposte: id("LA POSTE"), bnp: id("BNP PARIBAS S.A.") };
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await chromium?.close();
  await worker?.stop();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

const extensionPage = (path: string) => `chrome-extension://${chromium.extensionId}/${path}`;

async function openPage(url: string): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(url);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/extension-${name}.png` });
}

const UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Hits from a visitor on `ip`, through the real collector (X-Sillage-Client-IP stands for the address, locally). */
async function collect(ip: string, vid: string, hits: Array<Record<string, unknown> & { url: string }>): Promise<void> {
  for (const hit of hits) {
    const res = await fetch(`${worker.server.url}/collect`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", "User-Agent": UA, "X-Sillage-Client-IP": ip },
      body: JSON.stringify({ site: "demo-site-key", vid, type: "pageview", ...hit, url: new URL(hit.url, worker.server.url).href }),
    });
    expect(res.status).toBe(204);
  }
}

const leadStatus = async (id: string) => (await worker.server.d1<{ status: string }>(`SELECT status FROM leads WHERE id = '${id}'`))[0]?.status;

describe("the Sillage extension", () => {
  test("the real pipeline produced the leads the pages are about", async () => {
    expect(leads.danone && leads.laposte && leads.bnp).toBeTruthy();
    expect(await leadStatus(leads.danone)).toBe("mql");
  });

  test("options page: saves the API address and key, and tests the connection", async () => {
    const page = await openPage(extensionPage("options.html"));
    await page.getByLabel("Adresse de l’API").fill(worker.server.url);
    await page.getByLabel("Clé API").fill("slg_" + "0".repeat(40));
    await page.getByRole("button", { name: "Tester la connexion" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Clé API refusée");
    await shot(page, "options-bad-key");

    await page.getByLabel("Clé API").fill(worker.apiKey);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Réglages enregistrés.");
    await page.getByRole("button", { name: "Tester la connexion" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Connexion réussie à l’espace « Démo Sillage » (rôle : admin).");
    await shot(page, "options");
    expect(await readStorage(chromium.serviceWorker)).toEqual({ "sillage.apiBaseUrl": worker.server.url, "sillage.apiKey": worker.apiKey });
    await page.close();
  });

  test("LinkedIn company page: shows the company's lead, its score, firmographics and pages visited", async () => {
    const page = await openPage(PAGES.linkedinCompany);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "DANONE" }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => panel.locator(".sl-badge--mql").textContent()).toBe("MQL");
    expect(await panel.getByRole("meter").getAttribute("aria-valuenow")).toBe("70");
    expect(await panel.getByText("552 032 534").isVisible()).toBe(true);
    expect(await panel.getByText("1 000 à 1 999 salariés").isVisible()).toBe(true);
    expect(await panel.getByRole("link", { name: "Tarifs" }).isVisible()).toBe(true);
    expect(await panel.getByText("Reste 1 j 23 h").isVisible()).toBe(true);
    await shot(page, "linkedin-company");
    await page.close();
  });

  test("a script of the page finds no lead data and cannot act on the lead", async () => {
    const page = await openPage(PAGES.linkedinCompany);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "DANONE" }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByRole("button", { name: "Accepter en SQL" }).isVisible()).toBe(true);
    // What the panel shows and the page does not: the SIREN, the headcount, the SLA, the action's label.
    const LEAD_TEXTS = ["552 032 534", "1 000 à 1 999 salariés", "Reste 1 j", "Accepter en SQL", "seuil 70"];
    for (const text of LEAD_TEXTS) expect(await panel.getByText(text).first().isVisible(), text).toBe(true);

    // page.evaluate runs in the page's main world, as LinkedIn's own scripts (or an ad's) would.
    const seen = await page.evaluate(() => {
      const texts: string[] = [];
      const notes: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of Array.from(root.querySelectorAll("*"))) {
          texts.push(el.textContent ?? "", ...Array.from(el.attributes).map((a) => a.value));
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el instanceof HTMLIFrameElement) {
            try {
              texts.push(el.contentDocument?.documentElement.outerHTML ?? "");
            } catch (err) {
              notes.push(`iframe: ${(err as Error).name}`);
            }
          }
        }
      };
      walk(document);
      const host = document.querySelector("sillage-overlay") as HTMLElement | null;
      notes.push(`host: ${host ? "found" : "absent"}`, `shadowRoot: ${host?.shadowRoot === null ? "closed" : "open"}`);
      for (let i = 0; i < window.frames.length; i++) {
        try {
          texts.push(window.frames[i]!.document.documentElement.outerHTML);
        } catch (err) {
          notes.push(`frames[${i}]: ${(err as Error).name}`);
        }
      }
      return { text: texts.join("\n"), notes };
    });
    for (const text of LEAD_TEXTS) expect(seen.text, text).not.toContain(text);
    expect(seen.notes).toEqual(expect.arrayContaining(["host: found", "shadowRoot: closed"]));

    // Synthetic clicks and keys where the panel is, and spoofed messages to every frame, in every shape the
    // extension's own messages take.
    const box = await page.locator("sillage-overlay").boundingBox();
    await page.evaluate(
      ({ x, y, leadId }) => {
        const target = document.elementFromPoint(x, y) as HTMLElement;
        for (const type of ["pointerdown", "mousedown", "mouseup", "click"])
          target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
        target.click();
        for (const key of ["Enter", " ", "Tab"]) target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true }));
        const messages = [
          { type: "transition", leadId, action: "accept" },
          { ok: true, value: { planKey: "x", lead: null } },
          { type: "page-context", context: null },
          { type: "lookup-refreshed", outcome: { planKey: "x", lead: null, matchedBy: "", via: null, stale: false } },
          { type: "close-panel" },
        ];
        for (let i = 0; i < window.frames.length; i++) for (const m of messages) window.frames[i]!.postMessage(m, "*");
        for (const m of messages) window.postMessage(m, "*");
      },
      { x: box!.x + box!.width / 2, y: box!.y + 200, leadId: leads.danone },
    );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await leadStatus(leads.danone)).toBe("mql");
    expect(await worker.server.d1(`SELECT * FROM lead_transitions WHERE lead_id = '${leads.danone}' AND to_status = 'sql'`)).toEqual([]);
    expect(await panel.getByRole("heading", { name: "DANONE" }).isVisible()).toBe(true);
    expect(await panel.locator(".sl-badge--mql").isVisible()).toBe(true);
    await page.close();
  });

  test("closing the panel leaves a launcher that shows nothing of the lead; the salesperson's click opens it again", async () => {
    const page = await openPage(PAGES.linkedinCompany);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "DANONE" }).isVisible(), { timeout: 15_000 }).toBe(true);
    await panel.getByRole("button", { name: "Réduire le panneau Sillage" }).click();
    const host = page.locator("sillage-overlay");
    await expect.poll(async () => (await host.boundingBox())?.width ?? 0).toBeLessThan(40);
    await shot(page, "launcher");
    // A page script's click on the launcher is not the salesperson's.
    const box = (await host.boundingBox())!;
    await page.evaluate(({ x, y }) => (document.elementFromPoint(x, y) as HTMLElement).click(), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await host.boundingBox())!.width).toBeLessThan(40);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await host.boundingBox())?.width ?? 0).toBeGreaterThan(300);
    expect(await panel.getByRole("heading", { name: "DANONE" }).isVisible()).toBe(true);
    await page.close();
  });

  test("LinkedIn profile: shows the lead of the person's current employer", async () => {
    const page = await openPage(PAGES.linkedinProfile);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "BNP PARIBAS S.A." }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.locator(".sl-badge--identified").isVisible()).toBe(true);
    await shot(page, "linkedin-profile");
    await page.close();
  });

  test("in-page navigation (single-page app): the panel follows to the next record once it has rendered", async () => {
    const page = await openPage(PAGES.linkedinCompany);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "DANONE" }).isVisible(), { timeout: 15_000 }).toBe(true);
    // LinkedIn's router: the URL changes first, the new record renders later.
    const profileBody = /<body[^>]*>([\s\S]*)<\/body>/i.exec(savedPageHtml({ file: "linkedin-profile-grouped-fr.html" }))![1]!;
    await page.evaluate((body) => {
      history.pushState({}, "", "/in/nadia-benali/");
      setTimeout(() => (document.body.innerHTML = body), 700);
    }, profileBody);
    await expect.poll(() => panel.getByRole("heading", { name: "BNP PARIBAS S.A." }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator("sillage-overlay").count()).toBe(1);
    await page.close();
  });

  test("in-page navigation from one profile to another: the panel shows the new person's lead, each time, in the same frame", async () => {
    const page = await openPage(PAGES.linkedinProfile);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "BNP PARIBAS S.A." }).isVisible(), { timeout: 15_000 }).toBe(true);
    const bodyOf = (file: string, replace?: Array<[string, string]>) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(savedPageHtml({ file, replace }))![1]!;
    const camille = bodyOf("linkedin-profile-en.html", [
      ["Doctolib", "Danone"],
      ["doctolib", "danone"],
    ]);
    const nadia = bodyOf("linkedin-profile-grouped-fr.html");
    const go = (path: string, body: string) =>
      page.evaluate(
        ({ path, body }) => {
          history.pushState({}, "", path);
          setTimeout(() => (document.body.innerHTML = body), 300);
        },
        { path, body },
      );
    // There and back twice: the second time both answers come from the background's cache, pushed with the page.
    for (let round = 0; round < 2; round++) {
      await go("/in/camille-laurent-4b2a1b123/", camille);
      await expect.poll(() => panel.getByRole("heading", { name: "DANONE" }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await panel.getByRole("heading", { name: "BNP PARIBAS S.A." }).count()).toBe(0);
      await go("/in/nadia-benali/", nadia);
      await expect.poll(() => panel.getByRole("heading", { name: "BNP PARIBAS S.A." }).isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await panel.getByRole("heading", { name: "DANONE" }).count()).toBe(0);
    }
    // The same frame all along (no reload of the panel), and still the only one.
    expect(page.frames().filter((f) => f.url().includes("/panel.html"))).toEqual([panel]);
    expect(await page.locator("sillage-overlay").count()).toBe(1);
    await page.close();
  });

  test("Pipedrive organisation: shows the lead of the SIREN in its SIRET field", async () => {
    const page = await openPage(PAGES.pipedrive);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "LA POSTE" }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByText("356 000 000").isVisible()).toBe(true);
    await shot(page, "pipedrive");
    await page.close();
  });

  test("popup: the MQL inbox, hottest first, with the SLA countdown", async () => {
    const page = await openPage(extensionPage("popup.html"));
    const inbox = page.getByRole("region", { name: "MQL à traiter" });
    await expect.poll(() => inbox.getByRole("listitem").count()).toBe(1);
    expect(await inbox.getByRole("listitem").first().textContent()).toMatch(/DANONE.*70.*Reste 1 j 23 h/);
    await page.getByLabel("Rechercher un lead").fill("poste");
    await expect.poll(() => inbox.getByRole("listitem").first().textContent()).toContain("LA POSTE");
    await page.setViewportSize({ width: 380, height: 420 });
    await page.getByLabel("Rechercher un lead").fill("");
    await expect.poll(() => inbox.getByRole("listitem").first().textContent()).toContain("DANONE");
    await shot(page, "popup");
    await page.close();
  });

  test("HubSpot company: accepting the MQL from the overlay makes it an SQL in D1", async () => {
    const page = await openPage(PAGES.hubspot);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "DANONE" }).isVisible(), { timeout: 15_000 }).toBe(true);

    // Typing in the panel must not reach the page's own keyboard shortcuts (isolateEvents).
    await page.evaluate(() => {
      (window as unknown as { keys: number }).keys = 0;
      document.addEventListener("keydown", () => (window as unknown as { keys: number }).keys++);
    });
    // Remote text is rendered as text, never as HTML.
    await panel.getByLabel("Nouvelle note").fill("<img src=x onerror=alert(1)> Rappeler mardi");
    await panel.getByRole("button", { name: "Ajouter la note" }).click();
    await expect.poll(() => panel.locator(".sl-note__text").first().textContent()).toBe("<img src=x onerror=alert(1)> Rappeler mardi");
    expect(await panel.locator(".sl-note img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { keys: number }).keys)).toBe(0);

    await panel.getByRole("button", { name: "Accepter en SQL" }).click();
    await expect.poll(() => panel.locator(".sl-badge--sql").isVisible()).toBe(true);
    await waitFor(async () => (await leadStatus(leads.danone)) === "sql", 15_000, "the lead to be SQL in D1");
    const [transition] = await worker.server.d1<{ from_status: string; to_status: string }>(
      `SELECT from_status, to_status FROM lead_transitions WHERE lead_id = '${leads.danone}' ORDER BY at DESC LIMIT 1`,
    );
    expect(transition).toEqual({ from_status: "mql", to_status: "sql" });
    const [note] = await worker.server.d1<{ body: string }>(`SELECT body FROM lead_notes WHERE lead_id = '${leads.danone}'`);
    expect(note?.body).toBe("<img src=x onerror=alert(1)> Rappeler mardi");
    await shot(page, "hubspot-accepted");
    await page.close();
  });

  test("Salesforce account: shows the same lead, now SQL", async () => {
    const page = await openPage(PAGES.salesforce);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "DANONE" }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.locator(".sl-badge--sql").isVisible()).toBe(true);
    await shot(page, "salesforce");
    await page.close();
  });

  test("the LinkedIn page seen before the decision shows it too (its cached look-up was updated)", async () => {
    const page = await openPage(PAGES.linkedinCompany);
    const panel = await overlay(page);
    await expect.poll(() => panel.locator(".sl-badge--sql").isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  test("rejecting an MQL from the overlay: the workspace's reasons, the chosen code recorded in D1", async () => {
    // La Poste's network comes back: pricing page, white paper, and its IT director fills in a form (seed model: 70).
    await collect("178.213.64.20", "e2e-visitor-laposte-dsi", [
      { url: "/demo/tarifs/", title: "Tarifs" },
      { type: "event", url: "/demo/livre-blanc/", name: "download", props: { asset: "livre-blanc" } },
      { type: "identify", url: "/demo/livre-blanc/", traits: { email: "marc.leroy@laposte.fr", name: "Marc Leroy", jobTitle: "DSI" } },
    ]);
    await waitFor(async () => (await leadStatus(leads.laposte)) === "mql", 60_000, "La Poste to become an MQL");
    await clearLookupCache(chromium.serviceWorker);

    const page = await openPage(PAGES.pipedrive);
    const panel = await overlay(page);
    await expect.poll(() => panel.locator(".sl-badge--mql").isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByRole("heading", { name: "LA POSTE" }).isVisible()).toBe(true);
    await panel.getByRole("button", { name: "Rejeter" }).click();
    // The reasons are the workspace's (as the API lists them), not a list of the extension's own.
    const reason = panel.getByLabel("Motif");
    expect(await reason.locator("option").allTextContents()).toEqual([
      "Choisir un motif…",
      "Pas de budget",
      "Pas le bon interlocuteur",
      "Pas de besoin",
      "Mauvais timing",
      "Concurrent",
      "Hors cible",
      "Doublon",
      "Autre",
    ]);
    const confirm = panel.getByRole("button", { name: "Confirmer le rejet" });
    expect(await confirm.isDisabled()).toBe(true);
    // "Autre" asks for a note before it can be sent.
    await reason.selectOption({ label: "Autre" });
    expect(await panel.getByText("Précisions (obligatoire)").isVisible()).toBe(true);
    expect(await confirm.isDisabled()).toBe(true);

    await reason.selectOption({ label: "Mauvais timing" });
    await panel.getByLabel("Précisions (facultatif)").fill("Budget voté en janvier");
    await shot(page, "reject-form");
    await confirm.click();
    // Rejected for bad timing: the lead goes back to nurturing at once.
    await expect.poll(() => panel.locator(".sl-badge--nurturing").isVisible(), { timeout: 15_000 }).toBe(true);
    const transitions = await worker.server.d1<{ from_status: string; to_status: string; reason_code: string | null; note: string | null }>(
      `SELECT from_status, to_status, reason_code, note FROM lead_transitions WHERE lead_id = '${leads.laposte}' AND from_status IN ('mql', 'rejected') ORDER BY at, to_status = 'nurturing'`,
    );
    expect(transitions).toEqual([
      { from_status: "mql", to_status: "rejected", reason_code: "bad_timing", note: "Budget voté en janvier" },
      { from_status: "rejected", to_status: "nurturing", reason_code: "bad_timing", note: null },
    ]);
    expect(await leadStatus(leads.laposte)).toBe("nurturing");
    await page.close();
  });

  test("a page of a company with no lead: search, link, and the page finds its lead from then on", async () => {
    const page = await openPage(PAGES.unknownCompany);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "Aucun lead Sillage pour cette page" }).isVisible(), { timeout: 15_000 }).toBe(true);
    const search = panel.getByLabel("Rechercher par nom ou SIREN");
    expect(await search.inputValue()).toBe("Pennylane");
    await panel.getByRole("button", { name: "Rechercher" }).click();
    await expect.poll(() => panel.getByText("Aucun lead ne correspond.").isVisible()).toBe(true);

    await search.fill("la poste");
    await panel.getByRole("button", { name: "Rechercher" }).click();
    await expect.poll(() => panel.getByRole("button", { name: "Associer cette page à LA POSTE" }).isVisible()).toBe(true);
    await shot(page, "no-match");
    await panel.getByRole("button", { name: "Associer cette page à LA POSTE" }).click();
    await expect.poll(() => panel.getByRole("heading", { name: "LA POSTE" }).isVisible()).toBe(true);
    const links = await worker.server.d1<{ lead_id: string; kind: string; value: string }>("SELECT lead_id, kind, value FROM lead_links");
    expect(links).toEqual([{ lead_id: leads.laposte, kind: "linkedin-company", value: "pennylane" }]);

    await page.reload();
    await expect.poll(async () => (await overlay(page)).getByRole("heading", { name: "LA POSTE" }).isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(page, "linked");
    await page.close();
  });

  test("a CRM record without a domain: linked from the overlay, it finds its lead from then on (crm-record)", async () => {
    const page = await openPage(PAGES.crmWithoutDomain);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "Aucun lead Sillage pour cette page" }).isVisible(), { timeout: 15_000 }).toBe(true);
    const search = panel.getByLabel("Rechercher par nom ou SIREN");
    expect(await search.inputValue()).toBe("Alan");
    await search.fill("bnp");
    await panel.getByRole("button", { name: "Rechercher" }).click();
    await panel.getByRole("button", { name: "Associer cette page à BNP PARIBAS S.A." }).click();
    await expect.poll(() => panel.getByRole("heading", { name: "BNP PARIBAS S.A." }).isVisible()).toBe(true);
    const links = await worker.server.d1<{ lead_id: string; kind: string; value: string }>(
      "SELECT lead_id, kind, value FROM lead_links WHERE kind LIKE 'crm%'",
    );
    expect(links).toEqual([{ lead_id: leads.bnp, kind: "crm-record", value: "pipedrive:sillage-demo/1042" }]);

    // A cold look-up (nothing cached): the record itself finds the lead.
    await clearLookupCache(chromium.serviceWorker);
    await page.reload();
    await expect.poll(async () => (await overlay(page)).getByRole("heading", { name: "BNP PARIBAS S.A." }).isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(page, "crm-record-linked");
    await page.close();
  });

  test("wrong company: the salesperson marks the network as a hosting provider; the visits leave the lead", async () => {
    await clearLookupCache(chromium.serviceWorker);
    const page = await openPage(PAGES.linkedinProfile);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("heading", { name: "BNP PARIBAS S.A." }).isVisible(), { timeout: 15_000 }).toBe(true);
    const [before] = await worker.server.d1<{ n: number }>(`SELECT count(*) AS n FROM hits WHERE lead_id = '${leads.bnp}'`);
    expect(before!.n).toBeGreaterThan(0);

    await panel.getByRole("button", { name: "Mauvaise entreprise ?" }).click();
    await panel.getByLabel("Ce n’est pas une entreprise, mais un opérateur").check();
    await panel.getByLabel("Type de réseau").selectOption({ label: "Hébergeur / cloud" });
    await shot(page, "wrong-company");
    await panel.getByRole("button", { name: "Corriger" }).click();
    // No company any more: the panel says so, and how many visits moved.
    await expect.poll(() => panel.getByRole("heading", { name: "Aucun lead Sillage pour cette page" }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.getByText(`Correction enregistrée : ${before!.n} visite(s) réattribuée(s).`).isVisible()).toBe(true);
    const [after] = await worker.server.d1<{ n: number }>(`SELECT count(*) AS n FROM hits WHERE lead_id = '${leads.bnp}'`);
    expect(after!.n).toBe(0);
    const overrides = await worker.server.d1<{ kind: string }>("SELECT kind FROM network_overrides");
    expect(overrides).toEqual([{ kind: "hosting" }]);
    await page.close();
  });

  test("a refused API key: the overlay says so and opens the options", async () => {
    await configureExtension(chromium.serviceWorker, { apiBaseUrl: worker.server.url, apiKey: "slg_" + "1".repeat(40) });
    const page = await openPage(PAGES.linkedinProfile);
    const panel = await overlay(page);
    await expect.poll(() => panel.getByRole("alert").textContent(), { timeout: 15_000 }).toContain("Clé API refusée — ouvrez les options");
    await shot(page, "bad-key");
    const optionsOpened = chromium.context.waitForEvent("page", { predicate: (p) => p.url().startsWith(extensionPage("options.html")) });
    await panel.getByRole("button", { name: "Ouvrir les options" }).click();
    await (await optionsOpened).close();
    await page.close();
  });

  test("an unreachable API: the overlay says so", async () => {
    await configureExtension(chromium.serviceWorker, { apiBaseUrl: "http://127.0.0.1:9", apiKey: worker.apiKey });
    const page = await openPage(PAGES.linkedinProfile);
    await expect.poll(async () => (await overlay(page)).getByRole("alert").textContent(), { timeout: 20_000 }).toContain("API Sillage injoignable");
    await shot(page, "unreachable");
    await page.close();
    await configureExtension(chromium.serviceWorker, { apiBaseUrl: worker.server.url, apiKey: worker.apiKey });
  });
});
