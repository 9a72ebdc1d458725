import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { leadDetailSchema, leadListSchema, leadLookupResultSchema } from "@sillage/shared/api/leads";
import { createTestSite, worker, type TestSite } from "./support/fixtures";
import {
  api,
  DAY,
  firmographics,
  scoreStateOf,
  seedCompany,
  seedContact,
  seedHit,
  seedLead,
  seedMemberKey,
  seedTransition,
  seedVisitor,
  seedWebhookEndpoint,
} from "./support/leads-data";
import { linkedinCompanySlug, linkedinProfileSlug } from "../src/leads/linkedin-url";
import { normalizeWebDomain, parentDomains } from "../src/leads/web-domain";
import { foldedNameSql, foldName, nameSearchTokens } from "../src/leads/name-search";
import { decodeCursor, encodeCursor } from "../src/leads/list/cursor";
import { nafFilterOf } from "../src/leads/list/plan";
import { pickByName } from "../src/leads/lookup/by-name";

const now = Date.now();
const get = (site: TestSite | string, path: string) => api(typeof site === "string" ? site : site.apiKey, "GET", path);
const post = (site: TestSite | string, path: string, body: unknown) => api(typeof site === "string" ? site : site.apiKey, "POST", path, body);
const lookup = (site: TestSite, query: Record<string, string>) => get(site, `/leads/lookup?${new URLSearchParams(query)}`);
const rowCount = async (sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>())!.n;

describe("GET /leads/:id", () => {
  let site: TestSite;
  let leadId: string;
  const contacts: Record<string, string> = {};

  beforeAll(async () => {
    site = await createTestSite();
    await seedCompany(firmographics());
    contacts.jeanne = await seedContact(site, {
      email: "jeanne.martin@danone.com",
      name: "Jeanne Martin",
      jobTitle: "Directeur IT",
      phone: "+33 1 23 45 67 89",
      linkedinUrl: "https://www.linkedin.com/in/jeanne-martin-123/",
      siren: "552032534",
    });
    contacts.paul = await seedContact(site, { email: "paul@danone.com", name: "Paul Durand" });
    contacts.claire = await seedContact(site, { email: "claire@danone.com", name: "Claire Petit", siren: "552032534" });
    contacts.stranger = await seedContact(site, { email: "x@autre-societe.fr", name: "Un inconnu" });

    const { state, score } = scoreStateOf(
      [
        { kind: "company", at: now - 5 * DAY, company: { siren: "552032534", headcountBracket: "42" } },
        { kind: "contact", at: now - 4 * DAY, contactId: contacts.jeanne!, email: "jeanne.martin@danone.com", jobTitle: "Directeur IT" },
        { kind: "hit", at: now - 2 * DAY, visitorId: "v1", sessionId: "s1", hitType: "pageview", path: "/tarifs" },
        { kind: "hit", at: now - DAY, visitorId: "v2", sessionId: "s2", hitType: "event", name: "download", props: { asset: "livre-blanc-2025" } },
      ],
      now,
    );
    leadId = await seedLead(site, {
      name: "DANONE",
      siren: "552032534",
      status: "mql",
      score,
      scoreState: state,
      statusChangedAt: now - 3 * DAY,
      slaDueAt: now - DAY,
      lastSeenAt: now - DAY,
    });
    const other = await seedLead(site, { name: "Autre", status: "identified" });

    const v1 = await seedVisitor(site, contacts.jeanne);
    const v2 = await seedVisitor(site);
    await seedHit(site, { leadId, visitor: v1, path: "/blog/cloud", title: "Blog", occurredAt: now - 3 * DAY });
    await seedHit(site, { leadId, visitor: v1, path: "/tarifs", title: "Tarifs", occurredAt: now - 2 * DAY, engagedMs: 45_000 });
    await seedHit(site, { leadId, visitor: v1, type: "engagement", path: "/tarifs", occurredAt: now - 2 * DAY + 45_000, engagedMs: 45_000 });
    await seedHit(site, { leadId, visitor: v2, type: "event", name: "download", path: "/ressources", occurredAt: now - DAY, contactId: contacts.paul });
    await seedHit(site, { leadId: other, visitor: await seedVisitor(site, contacts.stranger), path: "/ailleurs", occurredAt: now - DAY });

    await seedTransition(site, leadId, { from: "anonymous", to: "identified", at: now - 10 * DAY });
    await seedTransition(site, leadId, { from: "identified", to: "mql", at: now - 3 * DAY });
  });

  it("gives the company from the register, the contacts, the pages visited and the history", async () => {
    const res = await get(site, `/leads/${leadId}`);
    expect(res.status).toBe(200);
    const lead = leadDetailSchema.parse(res.body);

    expect(lead.company).toMatchObject({
      name: "DANONE",
      siren: "552032534",
      headOfficeSiret: "55203253400646",
      nafCode: "70.10Z",
      headcountLabel: "1 000 à 1 999 salariés",
      revenue: 27376000000,
      revenueYear: 2024,
      city: "PARIS",
      region: "Île-de-France",
      vatNumber: "FR27552032534",
      networkKind: "corporate",
    });

    // Jeanne through her browser, Paul through a hit, Claire through her company's SIREN; never the stranger.
    expect(lead.contacts.map((c) => c.id).sort()).toEqual([contacts.jeanne, contacts.paul, contacts.claire].sort());
    expect(lead.contacts.find((c) => c.id === contacts.jeanne)).toMatchObject({ jobTitle: "Directeur IT", phone: "+33 1 23 45 67 89" });

    // Newest first; engagement beacons are folded into their page view, not listed.
    expect(lead.timeline.map((p) => [p.type, p.path])).toEqual([
      ["event", "/ressources"],
      ["pageview", "/tarifs"],
      ["pageview", "/blog/cloud"],
    ]);
    expect(lead.timeline[0]!.name).toBe("download");
    expect(lead.timeline[1]).toMatchObject({ title: "Tarifs", engagedMs: 45_000, url: "https://www.exemple.fr/tarifs" });

    expect(lead.history.map((h) => [h.from, h.to, h.actor])).toEqual([
      ["anonymous", "identified", "system"],
      ["identified", "mql", "system"],
    ]);
  });

  it("explains the score with the active model, shows the SLA and the intent signals", async () => {
    const lead = leadDetailSchema.parse((await get(site, `/leads/${leadId}`)).body);
    // The seed model: pricing +20, white paper +15, IT director +25, over 100 employees +10.
    expect(lead.score.value).toBe(70);
    expect(lead.score.threshold).toBe(70);
    expect(lead.score.explanation.map((l) => [l.ruleId, l.points]).sort()).toEqual([
      ["company-over-100", 10],
      ["it-director", 25],
      ["pricing-page", 20],
      ["white-paper", 15],
    ]);
    expect(lead.sla).toMatchObject({ dueAt: new Date(now - DAY).toISOString(), overdue: true });
    expect(lead.sla!.remainingMs).toBeLessThan(0);
    expect(lead.signals.map((s) => s.kind).sort()).toEqual(["conversion", "high_intent"]);
    expect(lead.rejectionReasons).toContainEqual({ code: "other", label: "Autre", requiresNote: true });
  });

  it("shows a lead without a known company by its name only", async () => {
    const id = await seedLead(site, { name: "Acme Corp", domain: "acme.example", linkedinUrl: "acme-corp" });
    const lead = leadDetailSchema.parse((await get(site, `/leads/${id}`)).body);
    expect(lead.company).toMatchObject({ name: "Acme Corp", siren: null, nafCode: null, revenue: null, domain: "acme.example" });
    expect(lead.company.linkedinUrl).toBe("https://www.linkedin.com/company/acme-corp/");
    expect(lead.score).toMatchObject({ value: 0, explanation: [] });
    expect(lead.sla).toBeNull();
    expect(lead.timeline).toEqual([]);
  });

  it("answers a merged lead as the lead it was merged into, and 404 for an unknown id", async () => {
    const merged = await seedLead(site, { name: "Danone (ancien)", mergedInto: leadId });
    const res = await get(site, `/leads/${merged}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(leadId);

    const missing = await get(site, "/leads/lead_nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });
});

describe("GET /leads/lookup", () => {
  let site: TestSite;
  let danone: string;
  let socgen: string;
  let doctolib: string;

  beforeAll(async () => {
    site = await createTestSite();
    await seedCompany(firmographics());
    danone = await seedLead(site, { name: "DANONE", siren: "552032534", domain: "danone.com" });
    socgen = await seedLead(site, { name: "SOCIETE GENERALE", siren: "552120222" });
    doctolib = await seedLead(site, { name: "Doctolib SAS", siren: "794598813", linkedinUrl: "https://www.linkedin.com/company/doctolib/" });
    await seedLead(site, { name: "Dupont SARL" });
    await seedLead(site, { name: "DUPONT" });
  });

  const expectLead = (res: { status: number; body: any }, id: string, matchedBy: string) => {
    expect(res.status).toBe(200);
    const parsed = leadLookupResultSchema.parse(res.body);
    expect(parsed.lead?.id).toBe(id);
    expect(parsed.matchedBy).toBe(matchedBy);
  };
  const expectNone = (res: { status: number; body: any }, why: RegExp) => {
    expect(res.status).toBe(200);
    expect(res.body.lead).toBeNull();
    expect(res.body.matchedBy).toMatch(why);
  };

  describe("by LinkedIn company page", () => {
    it("finds a page a salesperson linked, whatever the form of its URL", async () => {
      const lead = await seedLead(site, { name: "Naturalia" });
      expect((await post(site, `/leads/${lead}/links`, { kind: "linkedin-company", value: "https://www.linkedin.com/company/naturalia/" })).status).toBe(201);
      expectLead(await lookup(site, { linkedin: "https://fr.linkedin.com/company/Naturalia/about/?trk=xyz" }), lead, "linkedin link");
      expectLead(await lookup(site, { linkedin: "naturalia" }), lead, "linkedin link");
      expectLead(await lookup(site, { linkedin: "linkedin.com/company/naturalia" }), lead, "linkedin link");
    });

    it("follows the workspace's override from the page to a SIREN", async () => {
      await env.DB.prepare(
        "INSERT INTO identity_overrides (id, workspace_id, type, value, siren, created_at) VALUES (?, ?, 'linkedin', 'danone', '552032534', ?)",
      )
        .bind(`ovr_${crypto.randomUUID()}`, site.workspaceId, now)
        .run();
      expectLead(await lookup(site, { linkedin: "https://www.linkedin.com/company/danone/about/?x=1" }), danone, "linkedin override → siren 552032534");
    });

    it("uses the LinkedIn URL the lead was enriched with", async () => {
      expectLead(await lookup(site, { linkedin: "https://www.linkedin.com/company/doctolib/jobs/" }), doctolib, "linkedin url");
    });

    it("answers look-ups and searches longer than D1's 50-byte LIKE limit (never a 500)", async () => {
      const slug = `societe-${"tres-longue-".repeat(6)}avec-un-nom-a-rallonge`;
      const longLead = await seedLead(site, { name: "Longue", linkedinUrl: `https://www.linkedin.com/company/${slug}/` });
      expectLead(await lookup(site, { linkedin: `https://www.linkedin.com/company/${slug}/` }), longLead, "linkedin url");
      // Same first 48 characters, another page: the cut pattern finds it as a candidate, the exact comparison drops it.
      expectNone(await lookup(site, { linkedin: `https://www.linkedin.com/company/${slug}-bis/` }), /no lead is linked/);
      const profile = `jeanne-${"de-la-".repeat(10)}fontaine`;
      const contact = await seedContact(site, { email: "jeanne.fontaine@longue.fr", linkedinUrl: `https://www.linkedin.com/in/${profile}/` });
      await seedLead(site, { name: "Jeanne Fontaine", contactId: contact });
      expect((await lookup(site, { contactLinkedin: `https://www.linkedin.com/in/${profile}/` })).status).toBe(200);
      expect((await lookup(site, { domain: `${"sous-domaine.".repeat(5)}longue.fr` })).status).toBe(200);
      expect((await lookup(site, { name: `${"x".repeat(80)} ${"é".repeat(30)}` })).status).toBe(200);
      expect((await lookup(site, { crm: `https://app.hubspot.com/contacts/12345/record/0-2/${"9".repeat(70)}` })).status).toBeLessThan(500);
      expect((await get(site, `/leads?q=${"verylongcompanyword".repeat(4)}`)).status).toBe(200);
    });

    it("answers 200 with no lead, and why, when nothing matches; 400 for what is not a company page", async () => {
      expectNone(await lookup(site, { linkedin: "https://www.linkedin.com/company/inconnue/" }), /no lead is linked to LinkedIn page "inconnue"/);
      const profile = await lookup(site, { linkedin: "https://www.linkedin.com/in/jeanne-martin/" });
      expect(profile.status).toBe(400);
      expect(profile.body.error.message).toMatch(/linkedin/);
    });
  });

  describe("by web domain", () => {
    it("finds a domain link, the lead's domain, then a contact's e-mail domain", async () => {
      const linked = await seedLead(site, { name: "Acme Industrie" });
      await post(site, `/leads/${linked}/links`, { kind: "domain", value: "https://www.acme-industrie.fr/contact" });
      expectLead(await lookup(site, { domain: "acme-industrie.fr" }), linked, "domain link");

      expectLead(await lookup(site, { domain: "https://www.Danone.com/fr/" }), danone, "lead domain");
      expectLead(await lookup(site, { domain: "fr.danone.com" }), danone, "lead domain");

      await seedContact(site, { email: "marie@socgen.com", siren: "552120222" });
      expectLead(await lookup(site, { domain: "socgen.com" }), socgen, "contact e-mail domain");
    });

    it("never takes a webmail domain for a company", async () => {
      await seedContact(site, { email: "someone@gmail.com", siren: "552120222" });
      expectNone(await lookup(site, { domain: "gmail.com" }), /free webmail/);
      expectNone(await lookup(site, { domain: "orange.fr" }), /internet provider/);
      expectNone(await lookup(site, { domain: "nobody-here.fr" }), /no lead, link or contact/);
      expect((await lookup(site, { domain: "not a domain" })).status).toBe(400);
    });
  });

  describe("by SIREN or SIRET", () => {
    it("finds the lead of a SIREN as people type it, and of a SIRET's SIREN", async () => {
      expectLead(await lookup(site, { siren: "552 032 534" }), danone, "siren");
      expectLead(await lookup(site, { siren: "55203253400646" }), danone, "siret → siren");
    });

    it("rejects an identifier failing its check digit; answers no lead for a valid one without a lead", async () => {
      const bad = await lookup(site, { siren: "552032535" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("bad_request");
      expectNone(await lookup(site, { siren: "652014051" }), /no lead has SIREN 652014051/);
    });
  });

  describe("by company name", () => {
    it("ignores case, accents and legal forms", async () => {
      expectLead(await lookup(site, { name: "Société Générale S.A." }), socgen, "name");
      expectLead(await lookup(site, { name: "danone sa" }), danone, "name");
      expectLead(await lookup(site, { name: "DOCTOLIB" }), doctolib, "name");
    });

    it("picks nothing when two leads share the name, or none has it", async () => {
      expectNone(await lookup(site, { name: "Dupont" }), /ambiguous name: 2 leads/);
      expectNone(await lookup(site, { name: "Carrefour" }), /no lead is named "carrefour"/);
    });
  });

  describe("by a contact's LinkedIn profile", () => {
    it("finds the contact's company lead, or a profile a salesperson linked", async () => {
      await seedContact(site, { email: "jm@danone.com", linkedinUrl: "https://www.linkedin.com/in/jeanne-martin-123/", siren: "552032534" });
      expectLead(await lookup(site, { contactLinkedin: "https://fr.linkedin.com/in/Jeanne-Martin-123?originalSubdomain=fr" }), danone, "contact linkedin");

      await post(site, `/leads/${socgen}/links`, { kind: "linkedin-profile", value: "https://www.linkedin.com/in/marc-leroy/" });
      expectLead(await lookup(site, { contactLinkedin: "marc-leroy" }), socgen, "contact linkedin link");

      expectNone(await lookup(site, { contactLinkedin: "https://www.linkedin.com/in/personne/" }), /no contact has LinkedIn profile "personne"/);
    });
  });

  describe("by CRM record (crm=)", () => {
    it("finds a record linked by one of its addresses through any other, or by its id", async () => {
      const lead = await seedLead(site, { name: "Scop Ti" });
      const hubspot = await post(site, `/leads/${lead}/links`, {
        kind: "crm-record",
        value: "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931/view/1?tab=notes",
      });
      expect(hubspot.status).toBe(201);
      expect(hubspot.body.link).toMatchObject({
        kind: "crm-record",
        value: "hubspot:26541873/18437520931",
        url: "https://app.hubspot.com/contacts/26541873/record/0-2/18437520931",
      });
      for (const crm of [
        "hubspot:26541873/18437520931",
        "https://app.hubspot.com/contacts/26541873/company/18437520931/",
        "app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931",
      ]) {
        expectLead(await lookup(site, { crm }), lead, "crm record link");
      }

      // Salesforce: a 15-character id is its 18-character form; Lightning and my.salesforce.com are one org.
      const account = await post(site, `/leads/${lead}/links`, {
        kind: "crm-record",
        value: "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZ/view",
      });
      expect(account.body.link).toMatchObject({
        value: "salesforce:danone-crm/0013X00002qWxYZQA0",
        url: "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view",
      });
      expectLead(await lookup(site, { crm: "https://danone-crm.my.salesforce.com/0013X00002qWxYZQA0" }), lead, "crm record link");
      // An 18-character id keeps the record whatever its case: the suffix restores it.
      expectLead(await lookup(site, { crm: "salesforce:DANONE-CRM/0013x00002qwxyzqa0" }), lead, "crm record link");
      // A 15-character id is case-sensitive: another case is another record.
      expectNone(
        await lookup(site, { crm: "salesforce:danone-crm/0013x00002qwxyz" }),
        /no lead is linked to CRM record salesforce:danone-crm\/0013x00002qwxyzAAA/,
      );

      // A Pipedrive organisation and the person of the same number are two records.
      await post(site, `/leads/${lead}/links`, { kind: "crm-record", value: "https://laposte-ventes.pipedrive.com/organization/77/" });
      expectLead(await lookup(site, { crm: "pipedrive:laposte-ventes/77" }), lead, "crm record link");
      expectNone(
        await lookup(site, { crm: "https://laposte-ventes.pipedrive.com/person/77" }),
        /no lead is linked to CRM record pipedrive:laposte-ventes\/person\/77/,
      );
      // Another portal's record of the same number is another record too.
      expectNone(await lookup(site, { crm: "https://app.hubspot.com/contacts/999/record/0-2/18437520931" }), /CRM record hubspot:999\/18437520931/);
    });

    it("finds a record linked as a CRM page (kind crm) before crm-record existed", async () => {
      const lead = await seedLead(site, { name: "Luc Moreau" });
      await post(site, `/leads/${lead}/links`, { kind: "crm", value: "https://app.hubspot.com/contacts/4415263/contact/80431/?tab=activity" });
      expectLead(await lookup(site, { crm: "https://app.hubspot.com/contacts/4415263/record/0-1/80431" }), lead, "crm link");
      expectNone(await lookup(site, { crm: "hubspot:4415263/80431" }), /no lead is linked to CRM record hubspot:4415263\/80431/);
    });

    it("answers 400 with the JSON error for what is no CRM record", async () => {
      for (const crm of [
        "https://www.example.com/contacts/1/record/0-2/2",
        "https://app.hubspot.com/contacts/4415263/deals/1",
        "hubspot:portail/1",
        // A contact's id on an account page, a suffix that contradicts the id, an id of neither 15 nor 18 characters.
        "https://danone-crm.lightning.force.com/lightning/r/Account/0033X00002qWxYZQA0/view",
        "salesforce:danone-crm/0013X00002qWxYZQA9",
        "salesforce:danone-crm/0013X00002qWxYZQ",
        "javascript:alert(1)",
      ]) {
        const res = await lookup(site, { crm });
        expect(res.status, crm).toBe(400);
        expect(res.body, crm).toEqual({
          error: {
            code: "bad_request",
            message: expect.stringMatching(/^crm: expected the URL of a HubSpot company/),
            requestId: expect.stringMatching(/.{8,}/),
          },
        });
      }
    });
  });

  it("takes exactly one key", async () => {
    expect((await lookup(site, {})).status).toBe(400);
    const two = await lookup(site, { siren: "552032534", name: "Danone" });
    expect(two.status).toBe(400);
    expect(two.body.error.message).toMatch(/exactly one/);
  });
});

describe("GET /leads", () => {
  let site: TestSite;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    site = await createTestSite();
    await seedCompany(firmographics());
    await seedCompany(
      firmographics({
        siren: "794598813",
        name: "DOCTOLIB",
        nafCode: "62.01Z",
        nafSection: "J",
        headcountCode: "32",
        headcountMin: 250,
        city: "LEVALLOIS-PERRET",
      }),
    );
    await seedCompany(
      firmographics({ siren: "542051180", name: "TOTALENERGIES SE", nafCode: "70.10Z", nafSection: "M", headcountCode: "21", headcountMin: 50 }),
    );
    await seedCompany(firmographics({ siren: "424761419", name: "OVH", nafCode: "63.11Z", nafSection: "J", headcountCode: "41", headcountMin: 500 }));

    ids.danone = await seedLead(site, {
      name: "DANONE",
      siren: "552032534",
      status: "mql",
      score: 80,
      lastSeenAt: Date.parse("2026-03-10T12:00:00Z"),
      slaDueAt: now + DAY,
    });
    ids.doctolib = await seedLead(site, { name: "Doctolib", siren: "794598813", status: "sql", score: 95, lastSeenAt: Date.parse("2026-03-12T08:00:00Z") });
    ids.total = await seedLead(site, {
      name: "TotalEnergies",
      siren: "542051180",
      status: "identified",
      score: 30,
      lastSeenAt: Date.parse("2026-03-01T08:00:00Z"),
    });
    ids.ovh = await seedLead(site, { name: "OVH", siren: "424761419", status: "nurturing", score: 50, lastSeenAt: Date.parse("2026-03-11T23:59:00Z") });
    ids.socgen = await seedLead(site, { name: "SOCIÉTÉ GÉNÉRALE", status: "mql", score: 80, lastSeenAt: Date.parse("2026-02-20T08:00:00Z") });
    ids.anon = await seedLead(site, { name: "Université de Lyon", status: "anonymous", score: 5, lastSeenAt: Date.parse("2026-03-05T08:00:00Z") });
    await seedLead(site, { name: "Danone (doublon fusionné)", status: "mql", score: 99, mergedInto: ids.danone });

    const visitor = await seedVisitor(site);
    await seedHit(site, { leadId: ids.anon, visitor, networkKind: "education", occurredAt: now });
    await seedHit(site, { leadId: ids.danone, visitor, networkKind: "corporate", occurredAt: now });
  });

  const list = async (query: string) => {
    const res = await get(site, `/leads?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return leadListSchema.parse(res.body);
  };
  const names = async (query: string) => (await list(query)).items.map((i) => i.name);

  it("sorts by score (highest first) by default, and leaves merged leads out", async () => {
    const page = await list("");
    expect(page.items.map((i) => i.id)).toEqual([ids.doctolib, ...[ids.danone, ids.socgen].sort().reverse(), ids.ovh, ids.total, ids.anon]);
    expect(page.nextCursor).toBeNull();
    const danone = page.items.find((i) => i.id === ids.danone)!;
    expect(danone).toMatchObject({
      siren: "552032534",
      city: "PARIS",
      headcountLabel: "1 000 à 1 999 salariés",
      nafLabel: "Activités des sièges sociaux",
      score: 80,
    });
    expect(danone.sla).toMatchObject({ overdue: false });
    expect(page.items.find((i) => i.id === ids.doctolib)!.sla).toBeNull();
  });

  it("sorts by name and by last visit, either way", async () => {
    expect(await names("sort=name")).toEqual(["DANONE", "Doctolib", "OVH", "SOCIÉTÉ GÉNÉRALE", "TotalEnergies", "Université de Lyon"]);
    expect(await names("sort=name&order=desc")).toEqual(["Université de Lyon", "TotalEnergies", "SOCIÉTÉ GÉNÉRALE", "OVH", "Doctolib", "DANONE"]);
    expect(await names("sort=lastSeen&order=asc")).toEqual(["SOCIÉTÉ GÉNÉRALE", "TotalEnergies", "Université de Lyon", "DANONE", "OVH", "Doctolib"]);
  });

  it("filters by status, one or several", async () => {
    expect((await names("status=mql")).sort()).toEqual(["DANONE", "SOCIÉTÉ GÉNÉRALE"]);
    expect((await names("status=sql,%20nurturing")).sort()).toEqual(["Doctolib", "OVH"]);
    expect((await names("status=sql&status=anonymous")).sort()).toEqual(["Doctolib", "Université de Lyon"]);
    expect((await get(site, "/leads?status=hot")).status).toBe(400);
  });

  it("filters by score range and by last visit dates (a date is the whole day)", async () => {
    expect(await names("minScore=50&maxScore=80&sort=name")).toEqual(["DANONE", "OVH", "SOCIÉTÉ GÉNÉRALE"]);
    expect(await names("lastSeenFrom=2026-03-10&lastSeenTo=2026-03-11&sort=name")).toEqual(["DANONE", "OVH"]);
    expect(await names("lastSeenFrom=2026-03-11T00:00:00Z&sort=name")).toEqual(["Doctolib", "OVH"]);
    const bad = await get(site, "/leads?minScore=90&maxScore=10");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/minScore/);
  });

  it("filters by network kind, NAF section, code or prefix, and minimum headcount bracket", async () => {
    expect(await names("networkKind=education")).toEqual(["Université de Lyon"]);
    expect((await names("networkKind=education,corporate")).sort()).toEqual(["DANONE", "Université de Lyon"]);
    expect((await names("nafSection=J")).sort()).toEqual(["Doctolib", "OVH"]);
    expect(await names("naf=62.01Z")).toEqual(["Doctolib"]);
    expect(await names("naf=6201z")).toEqual(["Doctolib"]);
    expect((await names("naf=63,62")).sort()).toEqual(["Doctolib", "OVH"]);
    expect((await names("naf=70.1")).sort()).toEqual(["DANONE", "TotalEnergies"]);
    expect((await names("headcountMin=41")).sort()).toEqual(["DANONE", "OVH"]);
    expect((await names("headcountMin=21")).sort()).toEqual(["DANONE", "Doctolib", "OVH", "TotalEnergies"]);
    expect((await get(site, "/leads?naf=6x")).status).toBe(400);
  });

  it("searches names regardless of case, accents and legal forms", async () => {
    expect(await names("q=societe%20generale%20SA")).toEqual(["SOCIÉTÉ GÉNÉRALE"]);
    expect(await names("q=Total%20Energies")).toEqual(["TotalEnergies"]);
    expect(await names("q=universite")).toEqual(["Université de Lyon"]);
    expect(await names("q=doc")).toEqual(["Doctolib"]);
    expect(await names("q=zzz")).toEqual([]);
  });

  it("pages with an opaque cursor, without gaps or repeats, in every sort", async () => {
    for (const sort of ["sort=score", "sort=name", "sort=lastSeen&order=asc"]) {
      const all = (await list(sort)).items.map((i) => i.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen, sort).toEqual(all);
      expect(pages).toBe(3);
    }
  });

  it("refuses a cursor of another sort, a forged cursor and a limit over 100", async () => {
    const { nextCursor } = await list("sort=score&limit=2");
    const other = await get(site, `/leads?sort=name&limit=2&cursor=${encodeURIComponent(nextCursor!)}`);
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/cursor/);
    expect((await get(site, "/leads?cursor=not-a-cursor")).status).toBe(400);
    expect((await get(site, "/leads?limit=101")).status).toBe(400);
  });
});

describe("POST /leads/:id/transitions", () => {
  let site: TestSite;
  let sdr: { memberId: string; apiKey: string };

  beforeAll(async () => {
    site = await createTestSite();
    sdr = await seedMemberKey(site, "Sophie Commerciale");
    await seedWebhookEndpoint(site, ["lead.sql", "lead.rejected"]);
  });

  const mql = () =>
    seedLead(site, { name: `MQL ${crypto.randomUUID().slice(0, 6)}`, status: "mql", score: 75, statusChangedAt: now - DAY, slaDueAt: now + DAY });
  const leadRow = (id: string) => env.DB.prepare("SELECT * FROM leads WHERE id = ?").bind(id).first<Record<string, any>>();
  const deliveries = (id: string, event: string) =>
    rowCount("SELECT count(*) AS n FROM webhook_deliveries WHERE workspace_id = ? AND event = ? AND payload LIKE ?", site.workspaceId, event, `%${id}%`);

  it("accepts an MQL as SQL: status, dates, SLA, history with who, and a lead.sql webhook", async () => {
    const id = await mql();
    const before = await leadRow(id);
    const res = await post(sdr.apiKey, `/leads/${id}/transitions`, { action: "accept", note: "BANT validé au téléphone" });
    expect(res.status).toBe(200);
    expect(res.body.transitions).toEqual([expect.objectContaining({ from: "mql", to: "sql", actor: "Sophie Commerciale", note: "BANT validé au téléphone" })]);
    expect(res.body.lead.status).toBe("sql");
    expect(res.body.lead.sla).toBeNull();
    expect(res.body.lead.history.at(-1)).toMatchObject({ from: "mql", to: "sql", actor: "Sophie Commerciale" });

    const row = (await leadRow(id))!;
    expect(row.status).toBe("sql");
    expect(row.sql_at).toBeGreaterThanOrEqual(now);
    expect(row.status_changed_at).toBe(row.sql_at);
    expect(row.sla_due_at).toBeNull();
    expect(row.revision).toBe(before!.revision + 1);
    const tr = await env.DB.prepare("SELECT actor FROM lead_transitions WHERE lead_id = ?").bind(id).first<{ actor: string }>();
    expect(tr!.actor).toBe(`${sdr.memberId}:Sophie Commerciale`);
    expect(await deliveries(id, "lead.sql")).toBe(1);
  });

  it("rejects with a reason: back to nurturing when the reason allows it, recorded in two steps", async () => {
    const id = await mql();
    const res = await post(sdr.apiKey, `/leads/${id}/transitions`, { action: "reject", reasonCode: "bad_timing", note: "Budget voté en septembre" });
    expect(res.status).toBe(200);
    expect(res.body.transitions.map((t: any) => [t.from, t.to, t.actor, t.reasonCode])).toEqual([
      ["mql", "rejected", "Sophie Commerciale", "bad_timing"],
      ["rejected", "nurturing", "system", "bad_timing"],
    ]);
    expect(res.body.lead.status).toBe("nurturing");
    expect(await deliveries(id, "lead.rejected")).toBe(1);

    const outOfTarget = await mql();
    const stays = await post(site, `/leads/${outOfTarget}/transitions`, { action: "reject", reasonCode: "out_of_target" });
    expect(stays.body.lead.status).toBe("rejected");
    // A workspace-level key signs with its name.
    expect(stays.body.transitions[0].actor).toBe("test");
  });

  it("sends a rejected lead to nurturing", async () => {
    const id = await mql();
    await post(site, `/leads/${id}/transitions`, { action: "reject", reasonCode: "duplicate" });
    const res = await post(site, `/leads/${id}/transitions`, { action: "nurture" });
    expect(res.status).toBe(200);
    expect(res.body.lead.status).toBe("nurturing");
  });

  it("refuses illegal transitions with 409 and leaves the lead as it was", async () => {
    const id = await mql();
    expect((await post(site, `/leads/${id}/transitions`, { action: "accept" })).status).toBe(200);
    const again = await post(site, `/leads/${id}/transitions`, { action: "accept" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect(again.body.error.message).toMatch(/Cannot accept this lead: it is sql/);
    const reject = await post(site, `/leads/${id}/transitions`, { action: "reject", reasonCode: "no_budget" });
    expect(reject.status).toBe(409);

    const identified = await seedLead(site, { name: "Pas encore MQL", status: "identified" });
    expect((await post(site, `/leads/${identified}/transitions`, { action: "accept" })).status).toBe(409);
    expect((await leadRow(identified))!.status).toBe("identified");
    expect(await rowCount("SELECT count(*) AS n FROM lead_transitions WHERE lead_id = ?", identified)).toBe(0);
  });

  it("needs a known reason to reject, and a note for 'other'", async () => {
    const id = await mql();
    const missing = await post(site, `/leads/${id}/transitions`, { action: "reject" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/no_budget/);
    const unknown = await post(site, `/leads/${id}/transitions`, { action: "reject", reasonCode: "trop_cher" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown rejection reason "trop_cher"/);
    const noNote = await post(site, `/leads/${id}/transitions`, { action: "reject", reasonCode: "other" });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toMatch(/note/);
    expect((await post(site, `/leads/${id}/transitions`, { action: "promote" })).status).toBe(400);
    expect((await leadRow(id))!.status).toBe("mql");
  });
});

describe("POST /leads/:id/notes", () => {
  it("signs notes with the key's member, keeps them across salespeople, newest first", async () => {
    const site = await createTestSite();
    const sophie = await seedMemberKey(site, "Sophie");
    const karim = await seedMemberKey(site, "Karim");
    const id = await seedLead(site, { name: "Naturalia", status: "mql" });

    const first = await post(sophie.apiKey, `/leads/${id}/notes`, { body: "Rappeler mardi" });
    expect(first.status).toBe(201);
    expect(first.body.note).toMatchObject({ body: "Rappeler mardi", authorName: "Sophie" });
    expect((await post(site, `/leads/${id}/notes`, { body: "  Note de l'intégration  " })).body.note).toMatchObject({
      body: "Note de l'intégration",
      authorName: "test",
    });

    // Karim takes the lead over: Sophie's note is still there, under her name.
    await new Promise((r) => setTimeout(r, 5));
    await post(karim.apiKey, `/leads/${id}/notes`, { body: "Repris le dossier" });
    const lead = leadDetailSchema.parse((await get(karim.apiKey, `/leads/${id}`)).body);
    expect(lead.notes.map((n) => [n.authorName, n.body])).toEqual([
      ["Karim", "Repris le dossier"],
      ["test", "Note de l'intégration"],
      ["Sophie", "Rappeler mardi"],
    ]);

    expect((await post(site, `/leads/${id}/notes`, { body: "   " })).status).toBe(400);
  });
});

describe("POST /leads/:id/links", () => {
  it("normalises the value, is idempotent, and moves a value linked to another lead", async () => {
    const site = await createTestSite();
    const a = await seedLead(site, { name: "Lead A" });
    const b = await seedLead(site, { name: "Lead B" });

    const created = await post(site, `/leads/${a}/links`, { kind: "linkedin-company", value: "https://fr.linkedin.com/company/Acme-Corp/posts/?feedView=all" });
    expect(created.status).toBe(201);
    expect(created.body.link).toMatchObject({
      kind: "linkedin-company",
      value: "acme-corp",
      url: "https://www.linkedin.com/company/acme-corp/",
      createdBy: "test",
    });
    expect(created.body.movedFrom).toBeNull();
    expect(created.body.lead.links.map((l: any) => l.value)).toEqual(["acme-corp"]);
    expect(created.body.lead.company.linkedinUrl).toBe("https://www.linkedin.com/company/acme-corp/");

    const again = await post(site, `/leads/${a}/links`, { kind: "linkedin-company", value: "acme-corp" });
    expect(again.status).toBe(200);
    expect(again.body.link.id).toBe(created.body.link.id);
    expect(await rowCount("SELECT count(*) AS n FROM lead_links WHERE workspace_id = ?", site.workspaceId)).toBe(1);

    const moved = await post(site, `/leads/${b}/links`, { kind: "linkedin-company", value: "acme-corp" });
    expect(moved.status).toBe(201);
    expect(moved.body.movedFrom).toBe(a);
    expect((await lookup(site, { linkedin: "acme-corp" })).body.lead.id).toBe(b);
    expect((await get(site, `/leads/${a}`)).body.links).toEqual([]);

    const domain = await post(site, `/leads/${b}/links`, { kind: "domain", value: "https://www.Acme-Corp.fr/contact?x=1" });
    expect(domain.body.link).toMatchObject({ value: "acme-corp.fr", url: "https://acme-corp.fr" });
    const crm = await post(site, `/leads/${b}/links`, { kind: "crm", value: "https://app.hubspot.com/contacts/123/company/456/" });
    expect(crm.body.link.value).toBe("https://app.hubspot.com/contacts/123/company/456");
    const record = await post(site, `/leads/${a}/links`, { kind: "crm-record", value: "https://app.hubspot.com/contacts/123/company/456/" });
    expect(record.status).toBe(201);
    expect(record.body.link).toMatchObject({ kind: "crm-record", value: "hubspot:123/456", url: "https://app.hubspot.com/contacts/123/record/0-2/456" });
    // The same record by another of its addresses: the link it already is.
    const sameRecord = await post(site, `/leads/${a}/links`, { kind: "crm-record", value: "https://app-eu1.hubspot.com/contacts/123/record/0-2/456/view/1" });
    expect(sameRecord.status).toBe(200);
    expect(sameRecord.body.link.id).toBe(record.body.link.id);
    const movedRecord = await post(site, `/leads/${b}/links`, { kind: "crm-record", value: "hubspot:123/456" });
    expect(movedRecord.body.movedFrom).toBe(a);
    expect((await lookup(site, { crm: "hubspot:123/456" })).body.lead.id).toBe(b);
  });

  it("refuses a value that is not of the kind given", async () => {
    const site = await createTestSite();
    const a = await seedLead(site, { name: "Lead A" });
    for (const body of [
      { kind: "linkedin-company", value: "https://www.linkedin.com/in/jeanne/" },
      { kind: "linkedin-profile", value: "https://www.linkedin.com/company/acme/" },
      { kind: "domain", value: "pas un domaine" },
      { kind: "crm", value: "javascript:alert(1)" },
      { kind: "crm-record", value: "https://www.linkedin.com/company/acme/" },
      { kind: "crm-record", value: "https://app.hubspot.com/contacts/123/deals/456" },
      { kind: "twitter", value: "acme" },
    ]) {
      const res = await post(site, `/leads/${a}/links`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await rowCount("SELECT count(*) AS n FROM lead_links WHERE lead_id = ?", a)).toBe(0);
  });
});

describe("tenant isolation", () => {
  it("shows a key of workspace B nothing of workspace A, and lets it change nothing there", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    await seedCompany(firmographics());
    const leadA = await seedLead(a, {
      name: "DANONE",
      siren: "552032534",
      status: "mql",
      domain: "danone.com",
      linkedinUrl: "https://www.linkedin.com/company/danone/",
    });
    await post(a, `/leads/${leadA}/links`, { kind: "linkedin-company", value: "danone-a" });
    await post(a, `/leads/${leadA}/links`, { kind: "linkedin-profile", value: "jeanne-a" });
    await post(a, `/leads/${leadA}/links`, { kind: "crm-record", value: "https://app.hubspot.com/contacts/4415263/company/9876543210/" });
    await seedContact(a, { email: "jeanne@danone.com", linkedinUrl: "https://www.linkedin.com/in/jeanne-danone/", siren: "552032534" });
    await post(a, `/leads/${leadA}/notes`, { body: "secret de A" });
    const before = await env.DB.prepare("SELECT status, revision FROM leads WHERE id = ?").bind(leadA).first();

    // Every route, with B's key, on A's lead: the same 404 as for a lead that does not exist.
    for (const [method, path, body] of [
      ["GET", `/leads/${leadA}`, undefined],
      ["POST", `/leads/${leadA}/notes`, { body: "intrusion" }],
      ["POST", `/leads/${leadA}/links`, { kind: "domain", value: "intrus.fr" }],
      ["POST", `/leads/${leadA}/transitions`, { action: "accept" }],
      ["POST", `/leads/${leadA}/transitions`, { action: "reject", reasonCode: "no_budget" }],
    ] as const) {
      const res = await api(b.apiKey, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.message).toBe(`No lead ${leadA} in this workspace.`);
    }
    expect(await env.DB.prepare("SELECT status, revision FROM leads WHERE id = ?").bind(leadA).first()).toEqual(before);
    expect(await rowCount("SELECT count(*) AS n FROM lead_notes WHERE lead_id = ?", leadA)).toBe(1);
    expect(await rowCount("SELECT count(*) AS n FROM lead_links WHERE lead_id = ?", leadA)).toBe(3);
    expect(await rowCount("SELECT count(*) AS n FROM lead_transitions WHERE lead_id = ?", leadA)).toBe(0);

    // The list and every look-up come back empty.
    expect((await get(a, "/leads?q=danone&status=mql")).body.items.map((i: any) => i.id)).toEqual([leadA]);
    expect((await get(b, "/leads")).body).toEqual({ items: [], nextCursor: null });
    expect((await get(b, "/leads?q=danone&status=mql")).body.items).toEqual([]);
    for (const query of [
      { linkedin: "danone-a" } as Record<string, string>,
      { linkedin: "https://www.linkedin.com/company/danone/" },
      { contactLinkedin: "jeanne-a" },
      { contactLinkedin: "https://www.linkedin.com/in/jeanne-danone/" },
      { domain: "danone.com" },
      { siren: "552032534" },
      { name: "Danone" },
      { crm: "hubspot:4415263/9876543210" },
      { crm: "https://app-eu1.hubspot.com/contacts/4415263/record/0-2/9876543210/view/1" },
    ]) {
      // The same key finds the lead in its own workspace: B's empty answer is isolation, not a broken look-up.
      expect((await lookup(a, query)).body.lead?.id, JSON.stringify(query)).toBe(leadA);
      const res = await lookup(b, query);
      expect(res.status, JSON.stringify(query)).toBe(200);
      expect(res.body.lead, JSON.stringify(query)).toBeNull();
    }

    // B linking its own lead to the same page takes nothing away from A.
    const leadB = await seedLead(b, { name: "Danone chez B" });
    const linked = await post(b, `/leads/${leadB}/links`, { kind: "linkedin-company", value: "danone-a" });
    expect(linked.body.movedFrom).toBeNull();
    expect((await lookup(a, { linkedin: "danone-a" })).body.lead.id).toBe(leadA);
    const recordB = await post(b, `/leads/${leadB}/links`, { kind: "crm-record", value: "hubspot:4415263/9876543210" });
    expect(recordB.body.movedFrom).toBeNull();
    expect((await lookup(b, { crm: "hubspot:4415263/9876543210" })).body.lead.id).toBe(leadB);
    expect((await lookup(a, { crm: "hubspot:4415263/9876543210" })).body.lead.id).toBe(leadA);
  });
});

describe("OpenAPI", () => {
  it("documents the leads routes from their zod schemas", async () => {
    const doc = (await (await worker.fetch(new Request("https://api.sillage.test/api/v1/openapi.json"))).json()) as any;
    for (const path of ["/leads", "/leads/lookup", "/leads/{id}", "/leads/{id}/links", "/leads/{id}/notes", "/leads/{id}/transitions"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const params = doc.paths["/leads"].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(["status", "minScore", "lastSeenFrom", "networkKind", "naf", "headcountMin", "q", "sort", "cursor", "limit"]),
    );
    const status = doc.paths["/leads"].get.parameters.find((p: any) => p.name === "status");
    expect(status.schema.items.enum).toEqual(["anonymous", "identified", "mql", "sql", "rejected", "nurturing"]);
    expect(doc.paths["/leads/{id}/transitions"].post.responses["409"]).toBeDefined();
  });
});

describe("normalisers", () => {
  it("reads LinkedIn company pages and profiles in the forms people paste", () => {
    for (const input of [
      "https://www.linkedin.com/company/danone/about/?viewAsMember=true",
      "https://fr.linkedin.com/company/Danone",
      "linkedin.com/company/danone/",
      "http://linkedin.com/showcase/danone",
      "danone",
      " DANONE ",
    ]) {
      expect(linkedinCompanySlug(input), input).toBe("danone");
    }
    expect(linkedinCompanySlug("https://www.linkedin.com/sales/company/1035")).toBe("1035");
    expect(linkedinCompanySlug("https://www.linkedin.com/company/soci%C3%A9t%C3%A9-g%C3%A9n%C3%A9rale/")).toBe("société-générale");
    expect(linkedinCompanySlug("https://www.linkedin.com/in/jeanne/")).toBeNull();
    expect(linkedinCompanySlug("https://www.danone.com/company/danone")).toBeNull();
    expect(linkedinCompanySlug("https://evil-linkedin.com/company/danone")).toBeNull();
    expect(linkedinCompanySlug("two words")).toBeNull();

    expect(linkedinProfileSlug("https://www.linkedin.com/in/jeanne-martin-123/?originalSubdomain=fr")).toBe("jeanne-martin-123");
    expect(linkedinProfileSlug("https://www.linkedin.com/sales/lead/ACwAAAB,NAME_SEARCH,x1")).toBe("acwaaab");
    expect(linkedinProfileSlug("jeanne-martin-123")).toBe("jeanne-martin-123");
    expect(linkedinProfileSlug("https://www.linkedin.com/company/danone/")).toBeNull();
  });

  it("reduces web domains to the bare host, and knows which parents to try", () => {
    expect(normalizeWebDomain("https://www.Danone.com/fr/?x=1")).toBe("danone.com");
    expect(normalizeWebDomain("danone.com:443")).toBe("danone.com");
    expect(normalizeWebDomain("jeanne@danone.com")).toBe("danone.com");
    expect(normalizeWebDomain("localhost")).toBeNull();
    expect(normalizeWebDomain("192.168.1.1")).toBeNull();
    expect(parentDomains("fr.corp.danone.com")).toEqual(["corp.danone.com", "danone.com"]);
    expect(parentDomains("www.danone.co.uk")).toEqual(["danone.co.uk"]);
    expect(parentDomains("danone.com")).toEqual([]);
  });

  it("folds names in SQL exactly as in TypeScript", async () => {
    const names = ["SOCIÉTÉ GÉNÉRALE", "L'Oréal", "Œuvres & Cie", "Crédit Agricole S.A.", "ÉLECTRICITÉ DE FRANCE", "Müller-Thurgau"];
    for (const name of names) {
      const row = await env.DB.prepare(`SELECT ${foldedNameSql("?1")} AS folded`)
        .bind(name)
        .first<{ folded: string }>();
      expect(row!.folded, name).toBe(foldName(name));
    }
    expect(foldName("L'Oréal")).toBe("loreal");
    expect(nameSearchTokens("Société Générale S.A.")).toEqual(["generale", "societe"]);
    expect(nameSearchTokens("  --  ")).toEqual([]);
  });

  it("picks a lead by name only when one lead carries it", () => {
    const leads = [
      { id: "a", name: "NATURALIA FRANCE" },
      { id: "b", name: "Dupont SARL" },
      { id: "c", name: "DUPONT" },
    ];
    expect(pickByName("Naturalia", leads)).toEqual({ leadId: "a", matchedBy: "name without generic words" });
    expect(pickByName("naturalia france sas", leads)).toEqual({ leadId: "a", matchedBy: "name" });
    expect(pickByName("Dupont", leads).leadId).toBeNull();
  });

  it("round-trips cursors and refuses forged ones", () => {
    const position = { sort: "name", order: "asc", value: "Société Générale", id: "lead_1" } as const;
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(btoa(JSON.stringify([1, "score", "desc", "high", "lead_1"])))).toBeNull();
    expect(decodeCursor("%%%")).toBeNull();
  });

  it("reads NAF filters as exact codes or prefixes", () => {
    expect(nafFilterOf("62.01Z")).toEqual({ code: "62.01Z" });
    expect(nafFilterOf("6201z")).toEqual({ code: "62.01Z" });
    expect(nafFilterOf("6201")).toEqual({ prefix: "62.01" });
    expect(nafFilterOf("62")).toEqual({ prefix: "62" });
    expect(nafFilterOf("62.0A")).toBeNull();
  });
});
