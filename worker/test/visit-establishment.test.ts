import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { CHROME_UA, createTestSite, eventually, overrideCidr, worker, type TestSite } from "./support/fixtures";

/** A visit with Cloudflare's place simulated through the dev-only headers (as the local demo does). */
function visitFrom(site: TestSite, ip: string, place: { city: string; postalCode: string }) {
  return worker.fetch(
    new Request("https://api.sillage.test/collect", {
      method: "POST",
      headers: { "User-Agent": CHROME_UA, "X-Sillage-Client-IP": ip, "X-Sillage-Client-City": place.city, "X-Sillage-Client-Postal-Code": place.postalCode },
      body: JSON.stringify({ site: site.siteKey, vid: "v-office", url: "https://www.exemple.fr/tarifs", title: "Tarifs" }),
    }),
  );
}

const api = (site: TestSite, path: string) =>
  worker.fetch(new Request(`https://api.sillage.test/api/v1${path}`, { headers: { Authorization: `Bearer ${site.apiKey}` } }));

describe("the visitor's office (SIRET)", () => {
  it("shows the establishment nearest the visit on the lead, in the API and the CSV, and forgets the visit's place", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "203.0.113.0/24", "552032534"); // Danone; the fake serves the recorded answer (head office Paris 9e)
    await visitFrom(site, "203.0.113.7", { city: "Paris", postalCode: "75009" });
    const hit = await eventually(() =>
      env.DB.prepare("SELECT lead_id AS leadId, visit_location AS place FROM hits WHERE site_id = ? AND enrichment_status = 'done'")
        .bind(site.siteId)
        .first<{ leadId: string; place: string | null }>(),
    );
    expect(hit.place).toBeNull(); // erased with the raw IP once enrichment is over

    const detail = (await (await api(site, `/leads/${hit.leadId}`)).json()) as any;
    expect(detail.company.establishment).toEqual({
      siret: "55203253400703",
      city: "PARIS",
      postalCode: "75009",
      headOffice: true,
      label: "DANONE — siège de Paris 9e, SIRET 55203253400703",
    });
    const csv = await (await api(site, "/leads/export.csv")).text();
    expect(csv).toContain("DANONE — siège de Paris 9e, SIRET 55203253400703");
  });

  it("names no office for a visit without a place", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "203.0.113.0/24", "552032534");
    await worker.fetch(
      new Request("https://api.sillage.test/collect", {
        method: "POST",
        headers: { "User-Agent": CHROME_UA, "X-Sillage-Client-IP": "203.0.113.8" },
        body: JSON.stringify({ site: site.siteKey, vid: "v-noplace", url: "https://www.exemple.fr/" }),
      }),
    );
    const hit = await eventually(() =>
      env.DB.prepare("SELECT lead_id AS leadId FROM hits WHERE site_id = ? AND enrichment_status = 'done'").bind(site.siteId).first<{ leadId: string }>(),
    );
    const detail = (await (await api(site, `/leads/${hit.leadId}`)).json()) as any;
    expect(detail.company.establishment).toBeNull();
  });
});
