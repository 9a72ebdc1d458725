import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { parseAsnCsvLine } from "../src/identify/ip-range-rows";
import { CHROME_UA, createTestSite, worker, type TestSite, hitsSettled } from "./support/fixtures";
import { loadRealRanges } from "./support/ip-data";
import { apiCall as call } from "./support/api";

type Json = Record<string, any>;

/** A network of unknown kind: a plain company-looking name no list knows (a range and ASN of our own making). */
const UNKNOWN_NET = "185.22.48.0,185.22.48.255,199999,Transports Exemple SAS";
const DANONE = "552032534"; // served by the fake from the recorded search-552032534.json

beforeAll(async () => {
  await loadRealRanges(); // AIRBUS SAS (AS206720, curated corporate) at 140.94.0.0/16, Orange at 2.3.0.0/12
  const r = parseAsnCsvLine(UNKNOWN_NET, 4)!;
  await env.DB.prepare(`INSERT OR REPLACE INTO ip_ranges (family, start, "end", asn, organization) VALUES (?, ?, ?, ?, ?)`)
    .bind(r.family, r.start, r.end, r.asn, r.organization)
    .run();
});

function collect(site: TestSite, ip: string, vid: string, body: Record<string, unknown> = {}) {
  return worker.fetch(
    new Request("https://api.sillage.test/collect", {
      method: "POST",
      headers: { "User-Agent": CHROME_UA, "X-Sillage-Client-IP": ip },
      body: JSON.stringify({ site: site.siteKey, vid, url: "https://www.exemple.fr/tarifs", title: "Tarifs", ...body }),
    }),
  );
}

const hitsOf = (site: TestSite) =>
  env.DB.prepare("SELECT lead_id, network_kind, siren, asn FROM hits WHERE site_id = ? ORDER BY occurred_at")
    .bind(site.siteId)
    .all<Json>()
    .then((r) => r.results);
const leadById = (id: string) => env.DB.prepare("SELECT * FROM leads WHERE id = ?").bind(id).first<Json>();

/** A member (not an admin) and a key of theirs: salespeople correct from the extension with such keys. */
async function memberKey(site: TestSite, name: string): Promise<string> {
  const member = await call(site.apiKey, "POST", "/members", { email: `${crypto.randomUUID().slice(0, 8)}@exemple.fr`, name, role: "member" });
  return (await call(site.apiKey, "POST", "/keys", { memberId: member.body.id, name: "extension" })).body.key as string;
}

/** Two visits from Airbus's network: a lead named by the network (no French entity matched in the fake register). */
async function airbusLead(site: TestSite): Promise<string> {
  await collect(site, "140.94.1.1", "v-airbus-1");
  await collect(site, "140.94.1.1", "v-airbus-1", { url: "https://www.exemple.fr/", title: "Accueil" });
  await hitsSettled(site, 2);
  const hits = await hitsOf(site);
  expect(hits.map((h) => h.network_kind)).toEqual(["corporate", "corporate"]);
  expect(hits[0]!.lead_id).toBeTruthy();
  return hits[0]!.lead_id as string;
}

describe("POST /leads/{id}/correction", () => {
  it("moves the network's hits to the named company, rescored, records who, and later hits follow", async () => {
    const site = await createTestSite();
    const wrongLead = await airbusLead(site);
    expect((await leadById(wrongLead))!.score).toBe(20); // pricing page +20

    const key = await memberKey(site, "Julie Commerciale");
    const res = await call(key, "POST", `/leads/${wrongLead}/correction`, { action: "company", siren: "552 032 534" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ leadId: expect.any(String), reattributedHits: 2 });
    const danoneLead = res.body.leadId as string;
    expect(danoneLead).not.toBe(wrongLead);
    expect(await leadById(danoneLead)).toMatchObject({ siren: DANONE, name: "DANONE", score: 30 }); // +20 pricing, +10 over 100 employees
    expect((await leadById(wrongLead))!.score).toBe(0);
    expect((await hitsOf(site)).map((h) => [h.lead_id, h.siren])).toEqual([
      [danoneLead, DANONE],
      [danoneLead, DANONE],
    ]);
    const override = await env.DB.prepare("SELECT kind, note FROM network_overrides WHERE workspace_id = ? AND asn = 206720")
      .bind(site.workspaceId)
      .first<Json>();
    expect(override).toEqual({ kind: "corporate", note: expect.stringContaining("Julie Commerciale") });

    // Another visitor from the same network, later: straight to the corrected company.
    await collect(site, "140.94.9.9", "v-airbus-2");
    await hitsSettled(site, 3);
    const later = (await hitsOf(site))[2]!;
    expect(later).toMatchObject({ lead_id: danoneLead, siren: DANONE, network_kind: "corporate" });
  });

  it("marks the network as an operator: its hits become anonymous again, and stay so", async () => {
    const site = await createTestSite();
    const wrongLead = await airbusLead(site);
    const res = await call(site.apiKey, "POST", `/leads/${wrongLead}/correction`, { action: "operator", kind: "isp" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ leadId: null, reattributedHits: 2 });
    expect((await hitsOf(site)).map((h) => [h.lead_id, h.network_kind])).toEqual([
      [null, "isp"],
      [null, "isp"],
    ]);
    expect((await leadById(wrongLead))!.score).toBe(0);

    await collect(site, "140.94.9.9", "v-airbus-2");
    await hitsSettled(site, 3);
    expect((await hitsOf(site))[2]).toMatchObject({ lead_id: null, network_kind: "isp" });
  });

  it("refuses what it cannot do: bad body 400, other workspace's lead 404, a lead no network named 409", async () => {
    const site = await createTestSite();
    const lead = await airbusLead(site);
    for (const body of [
      { action: "company", siren: "552032535" }, // fails the Luhn check
      { action: "company" },
      { action: "operator", kind: "corporate" },
      { action: "rename" },
    ]) {
      const res = await call(site.apiKey, "POST", `/leads/${lead}/correction`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
    }
    const other = await createTestSite();
    const stranger = await call(other.apiKey, "POST", `/leads/${lead}/correction`, { action: "operator", kind: "isp" });
    expect(stranger.status).toBe(404);
    expect((await hitsOf(site)).every((h) => h.lead_id === lead)).toBe(true); // nothing moved

    // A visitor from a consumer ISP who filled a form with a free-mail address: a lead named by no network.
    await collect(other, "2.3.4.5", "v-orange", { type: "identify", traits: { email: "jeanne.martin@gmail.com", name: "Jeanne Martin" } });
    await hitsSettled(other, 1);
    const contactLead = (await hitsOf(other))[0]!.lead_id as string;
    expect(contactLead).toBeTruthy();
    const refused = await call(other.apiKey, "POST", `/leads/${contactLead}/correction`, { action: "company", siren: DANONE });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("not_network_identified");
  });
});

describe("the network review queue", () => {
  it("lists unknown networks that keep visiting, most visits first, and a decision re-attributes their hits", async () => {
    const site = await createTestSite();
    for (let i = 0; i < 3; i++) await collect(site, "185.22.48.7", `v-unknown-${i}`);
    await collect(site, "2.3.4.5", "v-orange"); // an ISP: never in the queue
    await hitsSettled(site, 4);

    const queue = await call(site.apiKey, "GET", "/networks/review");
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      {
        asn: 199999,
        organization: "Transports Exemple SAS",
        visits: 3,
        visitors: 3,
        lastSeenAt: expect.any(String),
        evidence: { kindReason: expect.stringContaining("unknown"), registry: expect.objectContaining({ siren: null }) },
      },
    ]);
    expect((await call(site.apiKey, "GET", "/networks/review?minVisits=4")).body.items).toEqual([]);
    expect((await call((await createTestSite()).apiKey, "GET", "/networks/review")).body.items).toEqual([]); // isolated

    const key = await memberKey(site, "Marc Revue");
    const decided = await call(key, "POST", "/networks/review/199999", { action: "company", siren: DANONE });
    expect(decided.status).toBe(200);
    expect(decided.body).toEqual({ asn: 199999, leadId: expect.any(String), reattributedHits: 3 });
    expect(await leadById(decided.body.leadId)).toMatchObject({ siren: DANONE });
    expect((await hitsOf(site)).filter((h) => h.asn === 199999).every((h) => h.lead_id === decided.body.leadId)).toBe(true);
    expect((await call(site.apiKey, "GET", "/networks/review")).body.items).toEqual([]);
    expect((await call(site.apiKey, "POST", "/networks/review/abc", { action: "operator", kind: "isp" })).status).toBe(400);
  });
});
