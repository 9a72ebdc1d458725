import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { CHROME_UA, createTestSite, eventually, worker, type TestSite } from "./support/fixtures";
import { clearOptOutCache, isOptedOut } from "../src/privacy/opted-out";
import { REDACTED } from "../src/privacy/erase-person";
import { eraseRawIps } from "../src/privacy/erase-raw-ips";
import { apiCall as call, rowsMentioning } from "./support/api";

/** The rows a query answers. */
async function rows(sql: string, ...params: unknown[]) {
  const { results } = await env.DB.prepare(sql)
    .bind(...params)
    .all();
  return results;
}

type Json = Record<string, any>;

/** Flip to true once the ingestion pipeline calls isOptedOut (see the report of the privacy work). */
const PIPELINE_HONOURS_OPT_OUTS = true;

function collect(site: TestSite, ip: string, payload: Json) {
  return worker.fetch(
    new Request("https://api.sillage.test/collect", {
      method: "POST",
      headers: { "Content-Type": "text/plain", "User-Agent": CHROME_UA, "X-Sillage-Client-IP": ip },
      body: JSON.stringify({ site: site.siteKey, url: "https://www.exemple.fr/", ...payload }),
    }),
  );
}

/** Waits until the site has `n` hits and none is still waiting for enrichment (which could write after an erasure). */
async function settled(site: TestSite, n: number) {
  await eventually(async () => {
    const row = await env.DB.prepare("SELECT count(*) AS n, sum(enrichment_status = 'pending') AS pending FROM hits WHERE site_id = ?")
      .bind(site.siteId)
      .first<{ n: number; pending: number | null }>();
    return row && row.n === n && !row.pending;
  }, 15_000);
}

const tablesOf = (rows: Array<{ table: string }>) => [...new Set(rows.map((r) => r.table))].sort();

const visitorIdsOf = (workspaceId: string, contactId: string) =>
  env.DB.prepare("SELECT id FROM visitors WHERE workspace_id = ? AND contact_id = ? ORDER BY id")
    .bind(workspaceId, contactId)
    .all<{ id: string }>()
    .then((r) => r.results.map((v) => v.id));

describe("erasure by e-mail", () => {
  it("leaves nothing that identifies the person, and only them, in their workspace only", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    for (const ws of [a, b]) expect((await call(ws.apiKey, "PATCH", "/workspace", { keepRawIp: true })).status).toBe(200);

    const email = "Claire.Martin@Gmail.com";
    const traits = {
      email,
      name: "Claire Martin",
      jobTitle: "Directrice IT",
      phone: "+33 6 12 34 56 78",
      linkedinUrl: "https://www.linkedin.com/in/claire-martin-42/",
    };
    // Claire: a laptop on her company's network, a phone on a consumer ISP; both identify her.
    await collect(a, "140.94.12.34", { vid: "claire-laptop-0001", url: "https://www.exemple.fr/tarifs" });
    await collect(a, "140.94.12.34", { vid: "claire-laptop-0001", type: "identify", traits, url: "https://www.exemple.fr/livre-blanc" });
    await collect(a, "2.3.4.77", { vid: "claire-phone-00002", type: "identify", traits: { email }, url: "https://www.exemple.fr/contact" });
    await collect(a, "2.3.4.77", { vid: "claire-phone-00002", url: "https://www.exemple.fr/" });
    // An unidentified browser followed a campaign link carrying her address.
    await collect(a, "2.3.4.78", { vid: "newsletter-reader-3", url: "https://www.exemple.fr/?email=claire.martin%40gmail.com&utm_campaign=relance" });
    await collect(a, "2.3.4.78", { vid: "newsletter-reader-3", url: "https://www.exemple.fr/tarifs" });
    // Paul, in the same workspace, and Claire's namesake contact in workspace B: both must stay.
    await collect(a, "81.194.1.2", { vid: "paul-desktop-00004", type: "identify", traits: { email: "paul.durand@renater.fr" } });
    await collect(b, "203.0.113.50", { vid: "b-browser-000005", type: "identify", traits: { email } });
    await settled(a, 7);
    await settled(b, 1);

    const contact = await env.DB.prepare("SELECT id FROM contacts WHERE workspace_id = ? AND email = ?")
      .bind(a.workspaceId, email.toLowerCase())
      .first<{ id: string }>();
    const paul = await env.DB.prepare("SELECT id FROM contacts WHERE workspace_id = ? AND email = ?")
      .bind(a.workspaceId, "paul.durand@renater.fr")
      .first<{ id: string }>();
    const claireVisitors = await visitorIdsOf(a.workspaceId, contact!.id);
    const paulVisitors = await visitorIdsOf(a.workspaceId, paul!.id);
    expect(claireVisitors).toHaveLength(2);

    // What scoring, notes, links and webhooks hold about her (written here as those features write them).
    const now = Date.now();
    const state = {
      schema: 1,
      contacts: { [contact!.id]: { title: "directrice it", emailDomain: "gmail.com", at: now }, [paul!.id]: { emailDomain: "renater.fr", at: now } },
      metrics: { visitors: Object.fromEntries([...claireVisitors, ...paulVisitors].map((v) => [v, now])) },
      rules: { pricing: { count: 1, times: [now] } },
    };
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO leads (id, workspace_id, key, siren, name, contact_id, status, status_changed_at, score, score_state, first_seen_at, last_seen_at)
         VALUES ('lead_company_' || ?1, ?1, 'siren:383474814', '383474814', 'AIRBUS', ?2, 'identified', ?3, 45, ?4, ?3, ?3)`,
      ).bind(a.workspaceId, contact!.id, now, JSON.stringify(state)),
      env.DB.prepare(
        `INSERT OR IGNORE INTO leads (id, workspace_id, key, name, contact_id, status, status_changed_at, score, first_seen_at, last_seen_at)
         VALUES ('lead_contact_' || ?1, ?1, 'contact:' || ?2, 'Claire Martin', ?2, 'identified', ?3, 15, ?3, ?3)`,
      ).bind(a.workspaceId, contact!.id, now),
      env.DB.prepare(
        `INSERT INTO lead_notes (id, lead_id, workspace_id, author_id, author_name, body, created_at)
         VALUES ('note_1_' || ?1, 'lead_company_' || ?1, ?1, 'mbr_x', 'Marc', 'Rappeler CLAIRE.MARTIN@gmail.com mardi : budget validé.', ?2),
                ('note_2_' || ?1, 'lead_company_' || ?1, ?1, 'mbr_x', 'Marc', 'Démo prévue avec la DSI.', ?2)`,
      ).bind(a.workspaceId, now),
      env.DB.prepare(
        `INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, note, at)
         VALUES ('tr_1_' || ?1, 'lead_company_' || ?1, ?1, 'mql', 'rejected', 'mbr_x', 'no_budget', 'Vu avec claire.martin@gmail.com : pas de budget', ?2)`,
      ).bind(a.workspaceId, now),
      env.DB.prepare(
        `INSERT INTO lead_links (id, lead_id, workspace_id, kind, value, created_by, created_at)
         VALUES ('link_1_' || ?1, 'lead_company_' || ?1, ?1, 'linkedin-profile', 'claire-martin-42', 'mbr_x', ?2),
                ('link_2_' || ?1, 'lead_company_' || ?1, ?1, 'linkedin-company', 'airbus', 'mbr_x', ?2)`,
      ).bind(a.workspaceId, now),
      env.DB.prepare(
        `INSERT INTO webhook_endpoints (id, workspace_id, url, events, secret, created_at) VALUES ('wh_' || ?1, ?1, 'https://crm.exemple.fr/hook', '["lead.mql"]', 's', ?2)`,
      ).bind(a.workspaceId, now),
      env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event, payload, created_at)
         VALUES ('del_1_' || ?1, 'wh_' || ?1, ?1, 'ev1', 'lead.mql', ?2, ?3), ('del_2_' || ?1, 'wh_' || ?1, ?1, 'ev2', 'lead.mql', '{"lead":{"name":"AIRBUS"}}', ?3)`,
      ).bind(a.workspaceId, JSON.stringify({ lead: { name: "AIRBUS", contact: { email: email.toLowerCase() } } }), now),
      env.DB.prepare(
        `INSERT INTO leads (id, workspace_id, key, name, status, status_changed_at, score, first_seen_at, last_seen_at)
         VALUES ('lead_b_' || ?1, ?1, 'org:autre', 'Autre SA', 'identified', ?2, 0, ?2, ?2)`,
      ).bind(b.workspaceId, now),
      env.DB.prepare(
        `INSERT INTO lead_notes (id, lead_id, workspace_id, author_id, author_name, body, created_at)
         VALUES ('note_b_' || ?1, 'lead_b_' || ?1, ?1, 'mbr_y', 'Léa', 'Écrire à claire.martin@gmail.com', ?2)`,
      ).bind(b.workspaceId, now),
    ]);

    const needles = [
      email,
      "claire.martin%40gmail.com",
      contact!.id,
      ...claireVisitors,
      "claire-laptop-0001",
      "claire-phone-00002",
      "140.94.12.34",
      "2.3.4.77",
      "+33 6 12 34 56 78",
      "claire-martin-42",
    ];
    // The search finds what it looks for: before the erasure she is all over the place.
    expect(tablesOf(await rowsMentioning(email))).toEqual(expect.arrayContaining(["contacts", "lead_notes", "webhook_deliveries"]));
    expect(tablesOf(await rowsMentioning("claire.martin%40gmail.com"))).toEqual(["hits"]);
    expect(tablesOf(await rowsMentioning("140.94.12.34"))).toContain("hits");
    expect(tablesOf(await rowsMentioning(claireVisitors[0]!))).toEqual(expect.arrayContaining(["hits", "leads", "sessions", "visitors"]));
    const paulHitsBefore = await env.DB.prepare("SELECT count(*) AS n FROM hits WHERE contact_id = ?").bind(paul!.id).first<{ n: number }>();

    const erased = await call(a.apiKey, "POST", "/privacy/erase", { email: "  CLAIRE.martin@gmail.COM " });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      found: true,
      contactId: contact!.id,
      deleted: { contacts: 1, visitors: 2, hits: 5, leads: 1, leadLinks: 1, webhookDeliveries: 1 },
      scrubbed: { leadsUnlinked: 1, leadNotes: 1, transitionNotes: 1 },
    });
    expect(erased.body.deleted.sessions).toBeGreaterThanOrEqual(2);
    // The company lead above, and any lead the scoring pipeline made from her visits.
    expect(erased.body.scrubbed.scoreStates).toBeGreaterThanOrEqual(1);

    for (const needle of needles) {
      const left = (await rowsMentioning(needle)).filter((r) => r.row.workspace_id !== b.workspaceId && r.row.site_id !== b.siteId);
      expect(left, `still holding ${needle}`).toEqual([]);
    }

    // What was someone else's stays: Paul, the company lead and its score, the other note, link and delivery,
    // the newsletter reader's other page view, and everything in workspace B.
    const lead = await env.DB.prepare("SELECT * FROM leads WHERE id = ?").bind(`lead_company_${a.workspaceId}`).first<Json>();
    expect(lead).toMatchObject({ score: 45, contact_id: null });
    const kept = JSON.parse(lead!.score_state);
    expect(Object.keys(kept.contacts)).toEqual([paul!.id]);
    expect(Object.keys(kept.metrics.visitors)).toEqual(paulVisitors);
    expect(kept.rules).toEqual(state.rules);
    const note = await env.DB.prepare("SELECT body FROM lead_notes WHERE id = ?").bind(`note_1_${a.workspaceId}`).first<{ body: string }>();
    expect(note!.body).toBe(`Rappeler ${REDACTED} mardi : budget validé.`);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM lead_notes WHERE workspace_id = ?").bind(a.workspaceId).first()).toEqual({ n: 2 });
    const transition = await env.DB.prepare("SELECT note, reason_code AS reason FROM lead_transitions WHERE id = ?").bind(`tr_1_${a.workspaceId}`).first();
    expect(transition).toEqual({ note: `Vu avec ${REDACTED} : pas de budget`, reason: "no_budget" });
    expect(await rows("SELECT value FROM lead_links WHERE workspace_id = ?", a.workspaceId)).toEqual([{ value: "airbus" }]);
    expect(await rows("SELECT id FROM webhook_deliveries WHERE workspace_id = ?", a.workspaceId)).toEqual([{ id: `del_2_${a.workspaceId}` }]);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM hits WHERE contact_id = ?").bind(paul!.id).first()).toEqual(paulHitsBefore);
    expect(await rows("SELECT path FROM hits WHERE site_id = ? AND contact_id IS NULL", a.siteId)).toEqual([{ path: "/tarifs" }]);
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE workspace_id = ? AND email = ?").bind(b.workspaceId, email.toLowerCase()).first(),
    ).toEqual({ n: 1 });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM hits WHERE site_id = ?").bind(b.siteId).first()).toEqual({ n: 1 });
    expect((await env.DB.prepare("SELECT body FROM lead_notes WHERE workspace_id = ?").bind(b.workspaceId).first<{ body: string }>())!.body).toContain(
      "claire.martin@gmail.com",
    );

    // Asking again finds nothing, and says so.
    const again = await call(a.apiKey, "POST", "/privacy/erase", { email });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ found: false, contactId: null, deleted: { contacts: 0, hits: 0 } });
  });
});

describe("erasure matches whole addresses", () => {
  it("erasing n@acme.fr leaves jean@acme.fr's visits, campaign links and notes alone", async () => {
    const a = await createTestSite();
    await collect(a, "203.0.113.31", { vid: "jean-browser-00001", type: "identify", traits: { email: "jean@acme.fr" } });
    await collect(a, "203.0.113.32", { vid: "jean-mail-reader-1", url: "https://www.exemple.fr/?email=jean%40acme.fr" });
    await collect(a, "203.0.113.33", { vid: "n-mail-reader-0001", url: "https://www.exemple.fr/?email=n%40acme.fr" });
    await settled(a, 3);
    const lead = await env.DB.prepare("SELECT id FROM leads WHERE workspace_id = ? LIMIT 1").bind(a.workspaceId).first<{ id: string }>();
    expect(lead).not.toBeNull();
    const note = await call(a.apiKey, "POST", `/leads/${lead!.id}/notes`, { body: "Rappeler jean@acme.fr, pas n@acme.fr" });
    expect(note.status).toBe(201);

    const erased = await call(a.apiKey, "POST", "/privacy/erase", { email: "n@acme.fr" });
    expect(erased.status).toBe(200);
    expect(erased.body.deleted.hits).toBe(1);

    const urls = await env.DB.prepare("SELECT url FROM hits WHERE site_id = ? ORDER BY url").bind(a.siteId).all<{ url: string }>();
    expect(urls.results.map((r) => r.url)).toEqual(expect.arrayContaining(["https://www.exemple.fr/?email=jean%40acme.fr"]));
    expect(urls.results.some((r) => r.url.includes("email=n%40"))).toBe(false);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM contacts WHERE workspace_id = ? AND email = 'jean@acme.fr'").bind(a.workspaceId).first("n")).toBe(1);
    const body = await env.DB.prepare("SELECT body FROM lead_notes WHERE lead_id = ?").bind(lead!.id).first<string>("body");
    expect(body).toBe(`Rappeler jean@acme.fr, pas ${REDACTED}`);
  });
});

describe("erasure by id", () => {
  it("erases a visitor, then its contact; another workspace gets 404 / found: false and changes nothing", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    await collect(a, "203.0.113.21", { vid: "visitor-to-erase-1", url: "https://www.exemple.fr/tarifs" });
    await collect(a, "203.0.113.21", { vid: "visitor-to-erase-1", type: "identify", traits: { email: "jeanne@exemple.fr" } });
    await collect(a, "203.0.113.22", { vid: "anonymous-visitor-2" });
    await settled(a, 3);
    const contactId = (await env.DB.prepare("SELECT id FROM contacts WHERE workspace_id = ?").bind(a.workspaceId).first<{ id: string }>())!.id;
    const [visitorId] = await visitorIdsOf(a.workspaceId, contactId);
    const snapshot = async () => ({
      hits: (await env.DB.prepare("SELECT id FROM hits WHERE site_id = ? ORDER BY id").bind(a.siteId).all()).results,
      visitors: (await env.DB.prepare("SELECT id FROM visitors WHERE site_id = ? ORDER BY id").bind(a.siteId).all()).results,
      contacts: (await env.DB.prepare("SELECT id FROM contacts WHERE workspace_id = ?").bind(a.workspaceId).all()).results,
    });
    const before = await snapshot();

    expect((await call(b.apiKey, "DELETE", `/contacts/${contactId}`)).status).toBe(404);
    expect((await call(b.apiKey, "DELETE", `/visitors/${visitorId}`)).status).toBe(404);
    for (const body of [{ email: "jeanne@exemple.fr" }, { visitorId }, { site: a.siteKey, vid: "anonymous-visitor-2" }]) {
      const res = await call(b.apiKey, "POST", "/privacy/erase", body);
      expect(res.status).toBe(200);
      expect(res.body.found, JSON.stringify(body)).toBe(false);
    }
    expect(await snapshot()).toEqual(before);

    const leadId = `lead_vis_${a.workspaceId}`;
    await env.DB.prepare(
      `INSERT INTO leads (id, workspace_id, key, name, status, status_changed_at, score, score_state, first_seen_at, last_seen_at)
       VALUES (?, ?, 'org:exemple', 'Exemple SA', 'identified', 1, 20, ?, 1, 1)`,
    )
      .bind(leadId, a.workspaceId, JSON.stringify({ schema: 1, metrics: { visitors: { [visitorId!]: 1, vis_someone_else: 2 } } }))
      .run();

    const visitor = await call(a.apiKey, "DELETE", `/visitors/${visitorId}`);
    expect(visitor.status).toBe(200);
    expect(visitor.body).toMatchObject({
      found: true,
      linkedContactId: contactId,
      deleted: { visitors: 1, sessions: 1, hits: 2, contacts: 0 },
    });
    // The lead above, and any lead the scoring pipeline made from those hits.
    expect(visitor.body.scrubbed.scoreStates).toBeGreaterThanOrEqual(1);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM hits WHERE visitor_id = ?").bind(visitorId).first()).toEqual({ n: 0 });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM leads WHERE instr(score_state, ?) > 0").bind(visitorId).first()).toEqual({ n: 0 });
    const state = await env.DB.prepare("SELECT score, score_state AS s FROM leads WHERE id = ?").bind(leadId).first<{ score: number; s: string }>();
    expect(state!.score).toBe(20);
    expect(JSON.parse(state!.s).metrics.visitors).toEqual({ vis_someone_else: 2 });

    const byTrackerId = await call(a.apiKey, "POST", "/privacy/erase", { site: a.siteKey, vid: "anonymous-visitor-2" });
    expect(byTrackerId.body).toMatchObject({ found: true, deleted: { visitors: 1, hits: 1 } });

    const person = await call(a.apiKey, "DELETE", `/contacts/${contactId}`);
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ found: true, deleted: { contacts: 1 } });
    expect((await call(a.apiKey, "DELETE", `/contacts/${contactId}`)).status).toBe(404);
    expect(await snapshot()).toEqual({ hits: [], visitors: [], contacts: [] });
  });

  it("says what is wrong with an erasure request", async () => {
    const a = await createTestSite();
    for (const body of [
      {},
      { email: "pas-une-adresse" },
      { email: "a@b.fr", visitorId: "vis_x" },
      { site: a.siteKey },
      { vid: "abcdefgh12" },
      { phone: "0612345678" },
    ]) {
      const res = await call(a.apiKey, "POST", "/privacy/erase", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
    }
  });
});

describe("retention", () => {
  const DAY = 86_400_000;

  it("purges the workspace's hits past retention now, keeps aggregates, and touches no other workspace", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    expect((await call(a.apiKey, "PATCH", "/workspace", { retentionDays: 30 })).status).toBe(200);
    expect((await call(b.apiKey, "PATCH", "/workspace", { retentionDays: 30 })).status).toBe(200);
    for (const ws of [a, b]) {
      await collect(ws, "203.0.113.31", { vid: "retention-visitor-1", url: "https://www.exemple.fr/ancien" });
      await collect(ws, "203.0.113.31", { vid: "retention-visitor-1", url: "https://www.exemple.fr/ancien-2" });
      await collect(ws, "203.0.113.31", { vid: "retention-visitor-1", url: "https://www.exemple.fr/recent" });
      await settled(ws, 3);
      // Two of the three visits happened 40 days ago.
      await env.DB.prepare("UPDATE hits SET occurred_at = occurred_at - 40 * ? WHERE site_id = ? AND path LIKE '/ancien%'").bind(DAY, ws.siteId).run();
    }
    const leadId = `lead_ret_${a.workspaceId}`;
    await env.DB.prepare(
      `INSERT INTO leads (id, workspace_id, key, name, status, status_changed_at, score, first_seen_at, last_seen_at) VALUES (?, ?, 'org:ancienne', 'Ancienne SA', 'mql', 1, 80, 1, 1)`,
    )
      .bind(leadId, a.workspaceId)
      .run();

    const status = await call(a.apiKey, "GET", "/privacy/retention");
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ retentionDays: 30, keepRawIp: false, hitsPastRetention: 2 });
    expect(Date.parse(status.body.oldestHitAt)).toBeLessThan(Date.now() - 39 * DAY);

    const purge = await call(a.apiKey, "POST", "/privacy/purge");
    expect(purge.status).toBe(200);
    expect(purge.body).toMatchObject({ purgedHits: 2, hitsPastRetention: 0, retentionDays: 30 });
    expect((await env.DB.prepare("SELECT path FROM hits WHERE site_id = ?").bind(a.siteId).all()).results).toEqual([{ path: "/recent" }]);
    // Aggregates stay: the visitor, its session counters, the lead and its score.
    expect(await env.DB.prepare("SELECT count(*) AS n FROM visitors WHERE site_id = ?").bind(a.siteId).first()).toEqual({ n: 1 });
    expect(await env.DB.prepare("SELECT hit_count AS n FROM sessions WHERE site_id = ?").bind(a.siteId).first()).toEqual({ n: 3 });
    expect(await env.DB.prepare("SELECT score FROM leads WHERE id = ?").bind(leadId).first()).toEqual({ score: 80 });
    // B's old hits wait for B's own purge.
    expect(await env.DB.prepare("SELECT count(*) AS n FROM hits WHERE site_id = ?").bind(b.siteId).first()).toEqual({ n: 3 });
  });

  it("erases kept raw IPs once the workspace stops keeping them, at the erasure job's next run", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    for (const ws of [a, b]) {
      await call(ws.apiKey, "PATCH", "/workspace", { keepRawIp: true });
      await collect(ws, "203.0.113.41", { vid: "raw-ip-visitor-1" });
      await settled(ws, 1);
    }
    expect(await env.DB.prepare("SELECT ip FROM hits WHERE site_id = ?").bind(a.siteId).first()).toEqual({ ip: "203.0.113.41" });
    expect((await call(a.apiKey, "PATCH", "/workspace", { keepRawIp: false })).body.keepRawIp).toBe(false);
    await eraseRawIps(env.DB, Date.now());
    expect(await env.DB.prepare("SELECT ip FROM hits WHERE site_id = ?").bind(a.siteId).first()).toEqual({ ip: null });
    expect(await env.DB.prepare("SELECT ip FROM hits WHERE site_id = ?").bind(b.siteId).first()).toEqual({ ip: "203.0.113.41" });
  });
});

describe("public opt-out", () => {
  const optOut = (init: RequestInit & { path?: string; ip: string }) =>
    worker.fetch(
      new Request(`https://api.sillage.test${init.path ?? "/opt-out"}`, {
        ...init,
        headers: { "CF-Connecting-IP": init.ip, ...(init.headers as Record<string, string>) },
      }),
    );
  const stored = (site: TestSite) =>
    env.DB.prepare("SELECT visitor_key AS vid FROM opt_outs WHERE site_id = ? ORDER BY vid")
      .bind(site.siteId)
      .all<{ vid: string }>()
      .then((r) => r.results.map((x) => x.vid));

  it("POST /opt-out (the tracker's beacon) answers 204 whatever it gets under 1 KB and records valid requests only", async () => {
    const site = await createTestSite();
    const ip = "198.51.100.1";
    const ok = await optOut({
      method: "POST",
      ip,
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify({ site: site.siteKey, vid: "opting-out-browser-1" }),
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe("*");
    for (const body of [
      "{nope",
      JSON.stringify({ site: site.siteKey, vid: "x" }),
      JSON.stringify({ site: "no-such-site", vid: "opting-out-browser-2" }),
      "x".repeat(1000),
    ]) {
      expect((await optOut({ method: "POST", ip, body })).status).toBe(204);
    }
    expect(await eventually(async () => ((await stored(site)).length ? stored(site) : null))).toEqual(["opting-out-browser-1"]);
    // Twice is once.
    await optOut({ method: "POST", ip, body: JSON.stringify({ site: site.siteKey, vid: "opting-out-browser-1" }) });
    expect(await stored(site)).toEqual(["opting-out-browser-1"]);
    expect(await isOptedOut(env.DB, site.siteId, "opting-out-browser-1")).toBe(true);
    expect(await isOptedOut(env.DB, site.siteId, "opting-out-browser-2")).toBe(false);
  });

  it("POST /opt-out bounds a chunked body by reading the stream: 413 past 1 KB, nothing stored", async () => {
    const site = await createTestSite();
    // Valid JSON, padded far past the bound, sent in chunks without a Content-Length.
    const json = JSON.stringify({ site: site.siteKey, vid: "chunked-browser-1", pad: "x".repeat(256 * 1024) });
    const bytes = new TextEncoder().encode(json);
    let sentBytes = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sentBytes >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(sentBytes, sentBytes + 4096));
        sentBytes += 4096;
      },
    });
    const res = await worker.fetch(
      new Request("https://api.sillage.test/opt-out", { method: "POST", body, headers: { "CF-Connecting-IP": "198.51.100.9" }, duplex: "half" } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(await stored(site)).toEqual([]);
    const small = await optOut({ method: "POST", ip: "198.51.100.9", body: "x".repeat(1025) });
    expect(small.status).toBe(413);
  });

  it("GET /opt-out answers a clear JSON error for bad input, 200 once stored", async () => {
    const site = await createTestSite();
    const ip = "198.51.100.2";
    const get = (q: string) => optOut({ ip, path: `/opt-out?${q}` });
    const ok = await get(`site=${site.siteKey}&vid=link-browser-0001`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ optedOut: true, site: site.siteKey });
    expect(await stored(site)).toEqual(["link-browser-0001"]);
    for (const [q, status, field] of [
      [`site=${site.siteKey}&vid=court`, 400, "vid"],
      [`site=${site.siteKey}`, 400, "vid"],
      [`vid=link-browser-0001`, 400, "site"],
      [`site=inconnu&vid=link-browser-0001`, 404, "site"],
    ] as const) {
      const res = await get(q);
      expect(res.status, q).toBe(status);
      const body = (await res.json()) as Json;
      expect(body.error.message).toContain(field);
    }
  });

  it("is limited per client IP", async () => {
    const site = await createTestSite();
    let res: Response | undefined;
    for (let i = 0; i < 200; i++) {
      res = await optOut({ ip: "198.51.100.3", path: `/opt-out?site=${site.siteKey}&vid=flood-browser-${String(i).padStart(4, "0")}` });
      if (res.status !== 200) break;
    }
    expect(res!.status).toBe(429);
    expect(Number(res!.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(((await res!.json()) as Json).error.code).toBe("rate_limited");
    expect((await optOut({ ip: "198.51.100.4", path: `/opt-out?site=${site.siteKey}&vid=another-browser-1` })).status).toBe(200);
  });

  it("the page explains in French, escapes the site's name, and its button records the opt-out", async () => {
    const site = await createTestSite();
    await env.DB.prepare("UPDATE sites SET name = ? WHERE id = ?").bind(`Acme <script>alert("x")</script>`, site.siteId).run();
    const ip = "198.51.100.5";

    const noVid = await optOut({ ip, path: `/opt-out/page?site=${site.siteKey}` });
    expect(noVid.status).toBe(200);
    expect(noVid.headers.get("Content-Type")).toContain("text/html");
    const csp = noVid.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("default-src 'none'");
    const html = await noVid.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain("Ne plus me suivre");
    expect(html).toContain("Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain('<script>alert("x")');
    expect(html).not.toMatch(/innerHTML|<link|src=/);
    expect(html).toMatch(/<form id="f"[^>]* hidden>/); // shown by the script only if #vid=… is there
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(html).toContain(`<script nonce="${nonce}">`);

    const withVid = await (await optOut({ ip, path: `/opt-out/page?site=${site.siteKey}&vid=page-browser-0001` })).text();
    expect(withVid).toContain('name="vid" value="page-browser-0001"');
    expect(withVid).not.toMatch(/<form id="f"[^>]* hidden>/);

    const done = await optOut({
      ip,
      path: "/opt-out/page",
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ site: site.siteKey, vid: "page-browser-0001" }).toString(),
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("C’est noté");
    expect(await stored(site)).toEqual(["page-browser-0001"]);

    expect((await optOut({ ip, path: "/opt-out/page?site=inconnu" })).status).toBe(404);
    const bad = await optOut({
      ip,
      path: "/opt-out/page",
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `site=${site.siteKey}&vid=x`,
    });
    expect(bad.status).toBe(400);
  });

  it("isOptedOut caches per isolate and learns this isolate's opt-outs at once", async () => {
    const site = await createTestSite();
    clearOptOutCache();
    const t = Date.now();
    expect(await isOptedOut(env.DB, site.siteId, "cache-browser-0001", t)).toBe(false);
    // Written behind the cache's back (as another isolate would): the cached "no" holds briefly, then expires.
    await env.DB.prepare("INSERT INTO opt_outs (site_id, visitor_key, created_at) VALUES (?, ?, ?)").bind(site.siteId, "cache-browser-0001", t).run();
    expect(await isOptedOut(env.DB, site.siteId, "cache-browser-0001", t + 1000)).toBe(false);
    expect(await isOptedOut(env.DB, site.siteId, "cache-browser-0001", t + 60_000)).toBe(true);
  });

  it.runIf(PIPELINE_HONOURS_OPT_OUTS)("drops the later hits of a browser that opted out (drop reason opted_out)", async () => {
    const site = await createTestSite();
    await collect(site, "203.0.113.61", { vid: "drop-me-browser-1", url: "https://www.exemple.fr/" });
    await settled(site, 1);
    await optOut({ ip: "198.51.100.6", path: `/opt-out?site=${site.siteKey}&vid=drop-me-browser-1` });
    await collect(site, "203.0.113.61", { vid: "drop-me-browser-1", url: "https://www.exemple.fr/tarifs" });
    await collect(site, "203.0.113.62", { vid: "keep-me-browser-2", url: "https://www.exemple.fr/tarifs" });
    await settled(site, 2);
    const drops = await eventually(() =>
      env.DB.prepare("SELECT count FROM drop_counters WHERE site_key = ? AND reason = 'opted_out'").bind(site.siteKey).first<{ count: number }>(),
    );
    expect(drops.count).toBe(1);
  });
});
