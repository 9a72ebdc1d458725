import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RunningFake } from "../fakes/crm-fake-kit";
import { startHubSpotFake } from "../fakes/hubspot";
import { launchDesktopChromium } from "../support/desktop-chromium";
import { type DevServer, startDevServer } from "../support/dev-server.mjs";

// An admin connects HubSpot from the console (/app/crm) in real Chromium, against `wrangler dev` and the local
// HubSpot fake (hand-written from HubSpot's documentation; no recorded CRM answers exist): a wrong token is
// refused with HubSpot's own message, the right one is tested at once, the preview says what a sync would write,
// and syncing the existing MQLs shows its progress until the company is in the CRM.

const ARTIFACTS = "test/artifacts";
const ACCOUNT = "console-e2e";
const TOKEN = "pat-eu1-console-e2e-0123456789";

let hubspot: RunningFake;
let server: DevServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${hubspot.url}/_fake/accounts/${ACCOUNT}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  hubspot = await startHubSpotFake();
  await control("", "POST", { token: TOKEN, portalId: 26541873 });
  server = await startDevServer({ vars: { HUBSPOT_API_URL: hubspot.url } });
  // One MQL waiting in the demo workspace, as the pipeline leaves it (its own tests cover how it gets there).
  const [ws] = await server.d1<{ id: string }>("SELECT id FROM workspaces ORDER BY created_at LIMIT 1");
  const now = Date.now();
  await server.d1(
    `INSERT INTO leads (id, workspace_id, key, name, domain, status, status_changed_at, score, qualified, mql_at, sla_due_at, first_seen_at, last_seen_at)
     VALUES ('lead_crm_e2e', '${ws!.id}', 'domain:biscuiterie-du-port.fr', 'BISCUITERIE DU PORT', 'biscuiterie-du-port.fr', 'mql', ${now - 3_600_000}, 62, 1, ${now - 3_600_000}, ${now + 86_400_000}, ${now - 86_400_000}, ${now - 3_600_000});`,
  );
  browser = await launchDesktopChromium(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]);
  context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await hubspot?.close();
});

test("an admin connects HubSpot, previews the sync, enables it and syncs the existing MQLs with progress", async () => {
  await page.goto(`${server.url}/app/`);
  await page.getByLabel("Clé API").fill(server.apiKey!);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Tableau de bord");
  await page.getByRole("navigation").getByRole("link", { name: "CRM" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("CRM : HubSpot et Pipedrive");

  // A revoked or mistyped token: HubSpot's refusal, in words, and the connection marked broken.
  await page.getByLabel("Jeton d’application privée HubSpot").fill("pat-eu1-wrong-token-000000");
  await page.getByRole("button", { name: "Connecter et tester" }).click();
  await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Le CRM refuse la connexion");
  await expect.poll(() => page.getByTestId("crm-state").first().textContent()).toContain("Connexion rompue");
  // The token never comes back to the page.
  expect(await page.content()).not.toContain("pat-eu1-wrong-token-000000");

  // Replacing the token on the broken connection tests it again.
  await page.getByLabel("Nouveau jeton").fill(TOKEN);
  await page.getByRole("button", { name: "Remplacer et tester" }).click();
  await expect.poll(() => page.getByTestId("crm-state").first().textContent()).toContain("Connexion vérifiée");
  expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("compte 26541873")]));
  const props = (await (await control("")).json()) as { customFields: { name: string }[] };
  expect(props.customFields.map((f) => f.name)).toContain("siren");

  // Preview: nothing matches in the CRM yet, so the company would be created; nothing is written.
  await page.getByRole("button", { name: "Aperçu de la synchronisation" }).click();
  const preview = page.getByRole("table", { name: "Aperçu de la synchronisation" });
  await expect.poll(() => preview.getByRole("row", { name: /BISCUITERIE DU PORT/ }).textContent()).toContain("créer l’entreprise");
  expect(((await (await control("")).json()) as { companies: unknown[] }).companies).toHaveLength(0);
  await page.screenshot({ path: `${ARTIFACTS}/console-crm-preview.png`, fullPage: true });

  // Backfill is offered once the connection is enabled; its progress ends with the count written.
  expect(await page.getByRole("button", { name: "Synchroniser les MQL existants" }).isDisabled()).toBe(true);
  await page.getByRole("button", { name: "Activer" }).click();
  await expect.poll(() => page.getByTestId("crm-state").first().textContent()).toContain("active");
  await page.getByRole("button", { name: "Synchroniser les MQL existants" }).click();
  await expect
    .poll(() => page.getByTestId("crm-backfill").textContent(), { timeout: 60_000 })
    .toContain("Synchronisation terminée : 1 sur 1 écrits, 0 en échec");
  const state = (await (await control("")).json()) as { companies: { properties: Record<string, string> }[] };
  expect(state.companies).toHaveLength(1);
  expect(state.companies[0]!.properties).toMatchObject({ name: "BISCUITERIE DU PORT", domain: "biscuiterie-du-port.fr", sillage_status: "mql" });
  await page.screenshot({ path: `${ARTIFACTS}/console-crm-backfill.png`, fullPage: true });
}, 180_000);
