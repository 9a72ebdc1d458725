import { describe, expect, inject, it } from "vitest";
import { env } from "cloudflare:workers";
import { siteEventSchema } from "@sillage/shared/api/site-event";
import type { CollectEnvelope } from "../src/ingest/envelope";
import { runPipeline, type StepTimings } from "../src/ingest/pipeline";
import { PIPELINE_STEPS } from "../src/ingest/pipeline-steps";
import { VISITOR_HITS_PER_MINUTE } from "../src/ingest/steps/visitor-rate";
import { collectEnvelope, createTestSite, deliverBatch, eventually, worker, type TestSite } from "./support/fixtures";
import { seedContact, seedLead } from "./support/leads-data";

// What a stranger holding a site's public key can do to a workspace through the collector: rewrite its contacts,
// fill the shared database, or make colleagues one person. Each case failed before the fix.

const deliver = (bodies: CollectEnvelope[]) => deliverBatch("sillage-hits", bodies);
const rows = <T = Record<string, any>>(sql: string, ...binds: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...binds)
    .all<T>()
    .then((r) => r.results);
const dropsOf = (siteKey: string) =>
  rows<{ reason: string; n: number }>("SELECT reason, sum(count) AS n FROM drop_counters WHERE site_key = ? GROUP BY reason", siteKey).then((r) =>
    Object.fromEntries(r.map((x) => [x.reason, x.n])),
  );
const api = (site: TestSite, method: string, path: string, body?: unknown) =>
  worker.fetch(
    new Request(`https://api.sillage.test/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${site.apiKey}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

describe("identify from the tracker never rewrites a contact", () => {
  it("keeps the contact's fields, records later different values as claims shown on the lead", async () => {
    const site = await createTestSite();
    const at = Date.now();
    const identify = (traits: Record<string, string>, n: number) =>
      collectEnvelope({ site: site.siteKey, vid: `identify-browser-${n}`, type: "identify", url: "https://www.exemple.fr/contact", traits }, { at: at + n });
    // The person's own form first…
    await deliver([
      identify({ email: "claire.martin@danone.com", name: "Claire Martin", jobTitle: "DSI", linkedinUrl: "https://www.linkedin.com/in/claire-martin/" }, 0),
    ]);
    const [{ id: contactId }] = (await rows<{ id: string }>("SELECT id FROM contacts WHERE workspace_id = ?", site.workspaceId)) as [{ id: string }];
    const leadId = await seedLead(site, { name: "Claire Martin", contactId });
    // …then anyone with the site key, claiming to be her.
    await deliver([
      identify(
        {
          email: "Claire.Martin@danone.com",
          name: "Pirate",
          jobTitle: "Stagiaire",
          phone: "+33 6 00 00 00 00",
          linkedinUrl: "https://www.linkedin.com/in/pirate-profile/",
        },
        1,
      ),
      identify({ email: "claire.martin@danone.com", name: "Pirate" }, 2),
      identify({ email: "claire.martin@danone.com", name: "" }, 3),
    ]);

    const [contact] = await rows("SELECT * FROM contacts WHERE id = ?", contactId);
    // Empty fields are filled (the phone was unknown); non-empty ones are kept.
    expect(contact).toMatchObject({
      name: "Claire Martin",
      job_title: "DSI",
      phone: "+33 6 00 00 00 00",
      linkedin_url: "https://www.linkedin.com/in/claire-martin/",
    });
    const claims = await rows("SELECT field, value, count FROM contact_claims WHERE contact_id = ? ORDER BY field, value", contactId);
    expect(claims).toEqual([
      { field: "jobTitle", value: "Stagiaire", count: 1 },
      { field: "linkedinUrl", value: "https://www.linkedin.com/in/pirate-profile/", count: 1 },
      { field: "name", value: "Pirate", count: 2 },
    ]);

    // The lead shows them as claims beside the contact, never in its place.
    const detail = (await (await api(site, "GET", `/leads/${leadId}`)).json()) as any;
    const shown = detail.contacts.find((c: any) => c.id === contactId);
    expect(shown).toMatchObject({ name: "Claire Martin", jobTitle: "DSI", linkedinUrl: "https://www.linkedin.com/in/claire-martin/" });
    expect(shown.claims.map((c: any) => [c.field, c.value, c.count])).toEqual(
      expect.arrayContaining([
        ["name", "Pirate", 2],
        ["jobTitle", "Stagiaire", 1],
      ]),
    );

    // A claimed profile answers no look-up; the contact's own does.
    const lookup = async (q: string) => (await (await api(site, "GET", `/leads/lookup?contactLinkedin=${encodeURIComponent(q)}`)).json()) as any;
    expect((await lookup("https://www.linkedin.com/in/pirate-profile/")).lead).toBeNull();
    expect((await lookup("https://www.linkedin.com/in/claire-martin/")).matchedBy).toBe("contact linkedin");
  });

  it("accepts a LinkedIn URL only as a real https://(www.)linkedin.com/in/<slug> address, stored in one form", async () => {
    const site = await createTestSite();
    const cases: [string, string | null][] = [
      ["https://fr.linkedin.com/in/Jeanne-Martin-123?trk=x", "https://www.linkedin.com/in/jeanne-martin-123/"],
      ["https://linkedin.com/in/jeanne-martin-123", "https://www.linkedin.com/in/jeanne-martin-123/"],
      ["http://www.linkedin.com/in/jeanne-martin-123/", null],
      ["https://www.linkedin.com.evil.fr/in/jeanne-martin-123/", null],
      ["https://evil.fr/?https://www.linkedin.com/in/jeanne-martin-123/", null],
      ["https://www.linkedin.com/company/danone/", null],
      ["javascript:alert(1)//linkedin.com/in/x", null],
      ["jeanne-martin-123", null],
    ];
    await deliver(
      cases.map(([linkedinUrl], n) =>
        collectEnvelope({
          site: site.siteKey,
          vid: `li-browser-${n}00`,
          type: "identify",
          url: "https://www.exemple.fr/",
          traits: { email: `p${n}@exemple-industrie.fr`, linkedinUrl },
        }),
      ),
    );
    const stored = await rows<{ email: string; linkedin_url: string | null }>(
      "SELECT email, linkedin_url FROM contacts WHERE workspace_id = ? ORDER BY email",
      site.workspaceId,
    );
    expect(stored.map((c) => c.linkedin_url)).toEqual(cases.map(([, want]) => want));
  });

  it("a salesperson's profile link wins over a contact's profile", async () => {
    const site = await createTestSite();
    await seedContact(site, { email: "jm@danone.com", linkedinUrl: "https://www.linkedin.com/in/jeanne-m/", siren: "552032534" });
    await seedLead(site, { name: "Danone", siren: "552032534" });
    const other = await seedLead(site, { name: "Société Générale", siren: "552120222" });
    const res = await api(site, "POST", `/leads/${other}/links`, { kind: "linkedin-profile", value: "https://www.linkedin.com/in/jeanne-m/" });
    expect(res.status).toBe(201);
    const found = (await (await api(site, "GET", "/leads/lookup?contactLinkedin=jeanne-m")).json()) as any;
    expect(found).toMatchObject({ lead: { id: other }, matchedBy: "contact linkedin link" });
  });
});

describe("cookieless visitors (hash of site, day, IP, user agent)", () => {
  it("an identify names its own hit only: not the earlier or later hits of colleagues behind the same NAT", async () => {
    const site = await createTestSite();
    const at = Date.now();
    const sameNat = { ip: "90.12.34.56" };
    await deliver([
      collectEnvelope({ site: site.siteKey, type: "pageview", url: "https://www.exemple.fr/tarifs" }, { ...sameNat, at }),
      collectEnvelope({ site: site.siteKey, type: "pageview", url: "https://www.exemple.fr/recrutement" }, { ...sameNat, at: at + 1000 }),
    ]);
    await deliver([
      collectEnvelope(
        { site: site.siteKey, type: "identify", url: "https://www.exemple.fr/livre-blanc", traits: { email: "paul@exemple-industrie.fr", name: "Paul" } },
        { ...sameNat, at: at + 2000 },
      ),
      collectEnvelope({ site: site.siteKey, type: "pageview", url: "https://www.exemple.fr/carrieres" }, { ...sameNat, at: at + 3000 }),
    ]);
    const hits = await rows<{ path: string; contact_id: string | null; visitor_id: string }>(
      "SELECT path, contact_id, visitor_id FROM hits WHERE site_id = ? ORDER BY received_at",
      site.siteId,
    );
    expect(new Set(hits.map((h) => h.visitor_id)).size).toBe(1);
    expect(hits.map((h) => [h.path, h.contact_id !== null])).toEqual([
      ["/tarifs", false],
      ["/recrutement", false],
      ["/livre-blanc", true],
      ["/carrieres", false],
    ]);
    const [visitor] = await rows("SELECT contact_id FROM visitors WHERE id = ?", hits[0]!.visitor_id);
    expect(visitor!.contact_id).toBeNull();

    // Once enriched, the contact's lead holds the identify hit alone.
    const attributed = await eventually(async () => {
      const r = await rows<{ path: string; lead_id: string | null; status: string }>(
        "SELECT path, lead_id, enrichment_status AS status FROM hits WHERE site_id = ? ORDER BY received_at",
        site.siteId,
      );
      return r.every((h) => h.status !== "pending") && r.some((h) => h.lead_id) ? r : null;
    }, 15_000);
    const leadId = attributed.find((h) => h.path === "/livre-blanc")!.lead_id;
    expect(attributed.filter((h) => h.lead_id === leadId).map((h) => h.path)).toEqual(["/livre-blanc"]);
  });

  it("a tracker id still ties its browser: earlier and later hits become the contact's", async () => {
    const site = await createTestSite();
    const at = Date.now();
    const vid = "tracked-browser-01";
    await deliver([
      collectEnvelope({ site: site.siteKey, vid, url: "https://www.exemple.fr/tarifs" }, { at }),
      collectEnvelope(
        { site: site.siteKey, vid, type: "identify", url: "https://www.exemple.fr/", traits: { email: "lea@exemple-industrie.fr" } },
        { at: at + 1 },
      ),
      collectEnvelope({ site: site.siteKey, vid, url: "https://www.exemple.fr/demo" }, { at: at + 2 }),
    ]);
    const hits = await rows<{ contact_id: string | null }>("SELECT contact_id FROM hits WHERE site_id = ? ORDER BY received_at", site.siteId);
    expect(hits.map((h) => h.contact_id !== null)).toEqual([true, true, true]);
  });
});

describe("filling the database", () => {
  it("drops event properties over the per-hit budget (10 properties, 1 KB)", async () => {
    const site = await createTestSite();
    const props = (n: number, len: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, "x".repeat(len)]));
    await deliver([
      collectEnvelope({ site: site.siteKey, vid: "props-browser-1", type: "event", name: "ok", url: "https://www.exemple.fr/", props: props(10, 80) }),
      collectEnvelope({ site: site.siteKey, vid: "props-browser-1", type: "event", name: "many", url: "https://www.exemple.fr/", props: props(11, 1) }),
      collectEnvelope({ site: site.siteKey, vid: "props-browser-1", type: "event", name: "big", url: "https://www.exemple.fr/", props: props(3, 400) }),
    ]);
    expect((await rows("SELECT name FROM hits WHERE site_id = ?", site.siteId)).map((h) => h.name)).toEqual(["ok"]);
    expect(await dropsOf(site.siteKey)).toEqual({ props_too_large: 2 });
  });

  it(`caps one visitor at ${VISITOR_HITS_PER_MINUTE} hits a minute, across batches, and counts the excess`, async () => {
    const site = await createTestSite();
    const at = Date.now();
    const hit = (i: number, vid = "flooding-browser") => collectEnvelope({ site: site.siteKey, vid, url: `https://www.exemple.fr/p${i}` }, { at: at + i });
    await deliver(Array.from({ length: 50 }, (_, i) => hit(i)));
    await deliver([...Array.from({ length: 30 }, (_, i) => hit(50 + i)), hit(0, "another-browser")]);
    const [stored] = await rows<{ n: number }>("SELECT count(*) AS n FROM hits WHERE site_id = ?", site.siteId);
    expect(stored!.n).toBe(VISITOR_HITS_PER_MINUTE + 1);
    expect(await dropsOf(site.siteKey)).toEqual({ visitor_rate_limited: 80 - VISITOR_HITS_PER_MINUTE });
    // A minute later the visitor is welcome again.
    await deliver([collectEnvelope({ site: site.siteKey, vid: "flooding-browser", url: "https://www.exemple.fr/later" }, { at: at + 61_000 })]);
    expect((await rows<{ n: number }>("SELECT count(*) AS n FROM hits WHERE site_id = ?", site.siteId))[0]!.n).toBe(VISITOR_HITS_PER_MINUTE + 2);
  });

  it("stops a site at its daily storage quota, counts the excess, and announces site.quota_reached once a day", async () => {
    const site = await createTestSite();
    const patched = await api(site, "PATCH", "/workspace", { siteDailyQuotaMb: 1 });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as any).siteDailyQuotaMb).toBe(1);
    expect((await api(site, "PATCH", "/workspace", { siteDailyQuotaMb: 0 })).status).toBe(400);
    const endpointId = `whe_t${Date.now().toString(36)}`;
    await env.DB.prepare("INSERT INTO webhook_endpoints (id, workspace_id, url, format, events, secret, created_at) VALUES (?, ?, ?, 'json', ?, 'secret', ?)")
      .bind(endpointId, site.workspaceId, `${inject("webhookReceiverUrl")}/hooks/quota-${endpointId}`, JSON.stringify(["site.quota_reached"]), Date.now())
      .run();
    const day = new Date().toISOString().slice(0, 10);
    // The day is almost used up: room for a couple of hits.
    await env.DB.prepare("INSERT INTO site_usage (site_id, day, hits, bytes) VALUES (?, ?, 1000, ?)")
      .bind(site.siteId, day, 1_000_000 - 1_500)
      .run();

    const hit = (n: number) => collectEnvelope({ site: site.siteKey, vid: `quota-browser-${n}0`, url: `https://www.exemple.fr/page-${n}` });
    await deliver(Array.from({ length: 10 }, (_, n) => hit(n)));
    await deliver(Array.from({ length: 5 }, (_, n) => hit(10 + n)));

    const [{ n: stored }] = (await rows<{ n: number }>("SELECT count(*) AS n FROM hits WHERE site_id = ?", site.siteId)) as [{ n: number }];
    expect(stored).toBeGreaterThanOrEqual(1);
    expect(stored).toBeLessThanOrEqual(3);
    expect(await dropsOf(site.siteKey)).toEqual({ site_quota_exceeded: 15 - stored });
    const [usage] = await rows("SELECT hits, bytes, quota_event_at FROM site_usage WHERE site_id = ? AND day = ?", site.siteId, day);
    expect(usage!.hits).toBe(1000 + stored);
    expect(usage!.bytes).toBeLessThanOrEqual(1_000_000);
    expect(usage!.quota_event_at).not.toBeNull();

    // Sent through the outbox and the webhooks queue.
    const deliveries = await eventually(async () => {
      const found = await rows<{ event: string; payload: string }>("SELECT event, payload FROM webhook_deliveries WHERE endpoint_id = ?", endpointId);
      return found.length ? found : null;
    });
    expect(deliveries).toHaveLength(1);
    const event = siteEventSchema.parse(JSON.parse(deliveries[0]!.payload));
    expect(event).toMatchObject({ type: "site.quota_reached", data: { site: { id: site.siteId, publicKey: site.siteKey }, day, quotaMb: 1 } });
  });
});

it("runs one list of named steps for a batch and for a single request, timing each", async () => {
  const site = await createTestSite();
  const timings: StepTimings = {};
  const single = await runPipeline(env.DB, [collectEnvelope({ site: site.siteKey, vid: "timed-browser-1", url: "https://www.exemple.fr/" })], timings);
  expect(single.outcomes).toEqual([expect.objectContaining({ stored: true })]);
  expect(Object.keys(timings)).toEqual(PIPELINE_STEPS.map((s) => s.name));
  expect(PIPELINE_STEPS.map((s) => s.name)).toEqual([
    "parse",
    "validate",
    "site",
    "bots",
    "consent",
    "props-budget",
    "visitor",
    "read",
    "redelivery",
    "opt-out",
    "visitor-rate",
    "site-quota",
    "session",
    "store",
    "write",
  ]);
  expect(Object.values(timings).every((ms) => ms >= 0)).toBe(true);
});
