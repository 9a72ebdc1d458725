import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { ingestBatch } from "../src/ingest/pipeline";
import { runScheduled } from "../src/cron/scheduled";
import { collectEnvelope, createTestSite, deliverBatch, eventually, overrideCidr, type TestSite } from "./support/fixtures";
import { seedWebhookEndpoint } from "./support/leads-data";
import { answerSearchAs, providerRequests, setProviderMode } from "./support/fake-provider";

const LA_POSTE = "356000000";
const NATURALIA = "302474648";

beforeAll(async () => {
  // Nobody recorded the register's answer to the name searches "laposte" and "naturalia" (what the e-mail domains
  // laposte.fr and naturalia.fr are searched as); the real API answers a company's own name with that company, so
  // the fake serves the recorded answers of their SIREN searches (search-356000000.json, search-302474648.json).
  await answerSearchAs("laposte", "search-356000000.json");
  await answerSearchAs("naturalia", "search-302474648.json");
});

/** Stores hits as the collector's queue consumer would (their enrichment is delivered by the test). */
async function store(site: TestSite, bodies: Record<string, unknown>[], t0: number): Promise<string[]> {
  const outcomes = await ingestBatch(
    env.DB,
    bodies.map((b, i) => collectEnvelope({ site: site.siteKey, vid: "marc-browser-00001", ...b }, { ip: "203.0.113.40", at: t0 + i * 60_000 })),
  );
  return outcomes.map((o) => {
    if (!o.stored) throw new Error("hit not stored");
    return o.hitId;
  });
}

const enrich = (hitIds: string[], attempts = 1) =>
  deliverBatch(
    "sillage-enrich",
    hitIds.map((hitId) => ({ hitId })),
    attempts,
  );

async function hit(id: string) {
  return (await env.DB.prepare("SELECT lead_id AS leadId, enrichment_status AS status, enrichment_reason AS reason FROM hits WHERE id = ?")
    .bind(id)
    .first<{ leadId: string | null; status: string; reason: string | null }>())!;
}

async function leads(site: TestSite) {
  const { results } = await env.DB.prepare(
    "SELECT id, siren, score, status, revision, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt FROM leads WHERE workspace_id = ?",
  )
    .bind(site.workspaceId)
    .all<{ id: string; siren: string; score: number; status: string; revision: number; firstSeenAt: number; lastSeenAt: number }>();
  return new Map(results.map((l) => [l.siren, l]));
}

async function contact(site: TestSite) {
  return (await env.DB.prepare("SELECT id, siren, company_reason AS reason, company_retry_at AS retryAt FROM contacts WHERE workspace_id = ?")
    .bind(site.workspaceId)
    .first<{ id: string; siren: string | null; reason: string | null; retryAt: number | null }>())!;
}

async function counts(site: TestSite) {
  const count = async (sql: string) => (await env.DB.prepare(sql).bind(site.workspaceId).first<{ n: number }>())!.n;
  return {
    transitions: await count("SELECT count(*) AS n FROM lead_transitions WHERE workspace_id = ?"),
    outbox: await count("SELECT count(*) AS n FROM lead_event_outbox WHERE workspace_id = ?"),
    deliveries: await count("SELECT count(*) AS n FROM webhook_deliveries WHERE workspace_id = ?"),
  };
}

const deliveriesOf = async (site: TestSite) => {
  const { results } = await env.DB.prepare(
    "SELECT json_extract(payload, '$.data.lead.id') AS leadId, event FROM webhook_deliveries WHERE workspace_id = ? ORDER BY created_at, rowid",
  )
    .bind(site.workspaceId)
    .all<{ leadId: string; event: string }>();
  return results;
};

/**
 * Marc's browser on La Poste's network (a workspace CIDR override names it): the pricing page while the register
 * answers, then — register down — the white-paper form with his work e-mail and a download.
 */
async function marcFillsTheFormWhileTheRegisterIsDown(site: TestSite, email: string, downStatus: number) {
  // Each test starts with a register nobody asked about these domains yet (the tests of a file share one D1).
  await env.DB.prepare("DELETE FROM organization_matches WHERE organization IN ('laposte', 'naturalia')").run();
  await overrideCidr(site, "203.0.113.0/24", LA_POSTE);
  await seedWebhookEndpoint(site, ["lead.identified", "lead.mql"]);
  const t0 = Date.now() - 3600_000;
  const [pricing] = await store(site, [{ type: "pageview", url: "https://www.exemple.fr/tarifs" }], t0);
  await enrich([pricing!]);
  expect((await leads(site)).get(LA_POSTE)).toMatchObject({ score: 30, status: "identified" }); // 20 pricing + 10 over 100 employees

  await setProviderMode("down", { status: downStatus });
  const before = await providerRequests();
  const [form, download] = await store(
    site,
    [
      { type: "identify", url: "https://www.exemple.fr/livre-blanc", traits: { email, name: "Marc Leroy", jobTitle: "DSI" } },
      { type: "event", name: "download", url: "https://www.exemple.fr/livre-blanc", props: { asset: "livre-blanc" } },
    ],
    t0 + 60_000,
  );
  try {
    const result = await enrich([form!, download!]);
    expect(result.retryMessages).toEqual([]); // nothing held back for the register
  } finally {
    await setProviderMode("ok");
  }
  const after = await providerRequests();
  return { pricing: pricing!, form: form!, download: download!, t0, providerCallsWhileDown: after.requests - before.requests };
}

describe("score now, refine later: a work e-mail the register cannot answer for yet does not hold the hits", () => {
  it("scores from the network at once, then moves the hits and the score when the e-mail names another company", async () => {
    const site = await createTestSite();
    const { pricing, form, download, t0, providerCallsWhileDown } = await marcFillsTheFormWhileTheRegisterIsDown(site, "marc.leroy@naturalia.fr", 503);

    // (a) At once, from the network: La Poste's lead has the form and the download, and the DSI's points.
    const now = await leads(site);
    const laPoste = now.get(LA_POSTE)!;
    expect(await hit(form)).toMatchObject({ leadId: laPoste.id, status: "done" });
    expect(await hit(download)).toMatchObject({ leadId: laPoste.id, status: "done" });
    expect(laPoste).toMatchObject({ score: 70, status: "mql" }); // 30 + 25 DSI + 15 white paper
    const waiting = await contact(site);
    expect(waiting).toMatchObject({ siren: null, reason: null });
    expect(waiting.retryAt).toBeGreaterThan(Date.now());
    // One register call for the domain, not one per hit: the second hit left it to the background.
    expect(providerCallsWhileDown).toBe(1);

    // (c) The register answers: naturalia.fr is NATURALIA FRANCE. Marc's hits — his browser's pricing page before
    // the form included — move to its lead, with their points.
    await deliverBatch("sillage-enrich", [{ contactCompany: { workspaceId: site.workspaceId, contactId: waiting.id } }]);
    expect(await contact(site)).toMatchObject({ siren: NATURALIA, retryAt: null });
    const later = await leads(site);
    const naturalia = later.get(NATURALIA)!;
    for (const id of [pricing, form, download]) expect(await hit(id)).toMatchObject({ leadId: naturalia.id, status: "done" });
    expect(naturalia).toMatchObject({ score: 70, status: "mql" }); // 20 pricing + 25 DSI + 15 white paper + 10 over 100 employees
    expect([naturalia.firstSeenAt, naturalia.lastSeenAt]).toEqual([t0, t0 + 120_000]); // the visits' times
    // La Poste loses everything those hits gave it (its size is its own), and leaves MQL (its history says it was one).
    expect(later.get(LA_POSTE)).toMatchObject({ score: 10, status: "nurturing" });
    await eventually(async () => (await deliveriesOf(site)).length === 4);
    expect(await deliveriesOf(site)).toEqual(
      expect.arrayContaining([
        { leadId: laPoste.id, event: "lead.identified" },
        { leadId: laPoste.id, event: "lead.mql" },
        { leadId: naturalia.id, event: "lead.identified" },
        { leadId: naturalia.id, event: "lead.mql" },
      ]),
    );

    // (d) Redelivered — the contact's message twice, the hits' once more — nothing is counted twice.
    const settled = await counts(site);
    await deliverBatch("sillage-enrich", [{ contactCompany: { workspaceId: site.workspaceId, contactId: waiting.id } }], 2);
    await deliverBatch("sillage-enrich", [{ contactCompany: { workspaceId: site.workspaceId, contactId: waiting.id } }], 3);
    await enrich([form, download], 2);
    expect(await leads(site)).toEqual(later);
    expect(await counts(site)).toEqual(settled);
  });

  it("finishes a re-attribution that failed midway on redelivery, announcing each event once", async () => {
    const site = await createTestSite();
    const { pricing, form, download } = await marcFillsTheFormWhileTheRegisterIsDown(site, "marc.leroy@naturalia.fr", 503);
    const { id: contactId } = await contact(site);
    const job = { contactCompany: { workspaceId: site.workspaceId, contactId } };
    // A fault injected into D1 itself: every score write on this workspace's leads aborts, after the hits moved.
    const trigger = `fail_score_${site.workspaceId.replace(/\W/g, "_")}`;
    await env.DB.prepare(
      `CREATE TRIGGER ${trigger} BEFORE UPDATE OF score_state ON leads WHEN NEW.workspace_id = '${site.workspaceId}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
    ).run();
    try {
      const failed = await deliverBatch("sillage-enrich", [job]);
      expect(failed.retryMessages).toHaveLength(1); // the queue will deliver it again
    } finally {
      await env.DB.prepare(`DROP TRIGGER ${trigger}`).run();
    }
    expect((await contact(site)).retryAt).not.toBeNull(); // not settled: the cron job would re-queue it too
    const midway = await leads(site);
    expect((await hit(form)).leadId).toBe(midway.get(NATURALIA)!.id); // the hits moved…
    expect(midway.get(LA_POSTE)).toMatchObject({ score: 70, status: "mql" }); // …the scores did not

    await deliverBatch("sillage-enrich", [job], 2);
    const all = await leads(site);
    for (const id of [pricing, form, download]) expect(await hit(id)).toMatchObject({ leadId: all.get(NATURALIA)!.id });
    expect(all.get(NATURALIA)).toMatchObject({ score: 70, status: "mql" });
    expect(all.get(LA_POSTE)).toMatchObject({ score: 10, status: "nurturing" });
    expect(await contact(site)).toMatchObject({ siren: NATURALIA, retryAt: null });
    await eventually(async () => (await deliveriesOf(site)).length === 4);
    await deliverBatch("sillage-enrich", [job], 3);
    expect((await counts(site)).outbox).toBe(4); // identified + MQL, for each lead, once
  });

  it("changes nothing but the contact's company when the e-mail names the network's company", async () => {
    const site = await createTestSite();
    const { form, download } = await marcFillsTheFormWhileTheRegisterIsDown(site, "marc.leroy@laposte.fr", 502);
    const scored = await leads(site);
    expect(scored.get(LA_POSTE)).toMatchObject({ score: 70, status: "mql" }); // (a) at once
    await eventually(async () => (await deliveriesOf(site)).length === 2); // lead.identified, lead.mql
    const before = await counts(site);

    // (b) The register answers with La Poste: the contact is La Poste's, the lead and its score stay as they were.
    const { id: contactId } = await contact(site);
    await deliverBatch("sillage-enrich", [{ contactCompany: { workspaceId: site.workspaceId, contactId } }]);
    expect(await contact(site)).toMatchObject({ siren: LA_POSTE, retryAt: null });
    expect(await leads(site)).toEqual(scored); // same score, same revision
    expect([(await hit(form)).leadId, (await hit(download)).leadId]).toEqual([scored.get(LA_POSTE)!.id, scored.get(LA_POSTE)!.id]);
    expect(await counts(site)).toEqual(before);
  });

  it("ends where a register that answered at once would have put the hits", async () => {
    const site = await createTestSite();
    await env.DB.prepare("DELETE FROM organization_matches WHERE organization = 'naturalia'").run();
    await overrideCidr(site, "203.0.113.0/24", LA_POSTE);
    const t0 = Date.now() - 3600_000;
    const [pricing] = await store(site, [{ type: "pageview", url: "https://www.exemple.fr/tarifs" }], t0);
    await enrich([pricing!]);
    const [form, download] = await store(
      site,
      [
        { type: "identify", url: "https://www.exemple.fr/livre-blanc", traits: { email: "marc.leroy@naturalia.fr", name: "Marc Leroy", jobTitle: "DSI" } },
        { type: "event", name: "download", url: "https://www.exemple.fr/livre-blanc", props: { asset: "livre-blanc" } },
      ],
      t0 + 60_000,
    );
    await enrich([form!, download!]);
    const all = await leads(site);
    expect(await contact(site)).toMatchObject({ siren: NATURALIA, retryAt: null });
    for (const id of [pricing!, form!, download!]) expect(await hit(id)).toMatchObject({ leadId: all.get(NATURALIA)!.id });
    expect(all.get(NATURALIA)).toMatchObject({ score: 70, status: "mql", firstSeenAt: t0, lastSeenAt: t0 + 120_000 });
    expect(all.get(LA_POSTE)).toMatchObject({ score: 10 });
  });

  it("still holds a hit whose network names no company until the e-mail domain is known", async () => {
    const site = await createTestSite();
    await setProviderMode("down");
    try {
      // From an address in no company network (no workspace override, no announced range loaded).
      const [id] = await store(site, [{ type: "identify", url: "https://www.exemple.fr/contact", traits: { email: "marc@exemple-industrie.fr" } }], Date.now());
      const result = await enrich([id!]);
      expect(result.retryMessages).toHaveLength(1);
      expect(await hit(id!)).toMatchObject({ leadId: null, status: "pending" });
    } finally {
      await setProviderMode("ok");
    }
  });

  it("re-queues a deferred contact whose queue message was lost (cron)", async () => {
    const site = await createTestSite();
    await marcFillsTheFormWhileTheRegisterIsDown(site, "marc.leroy@naturalia.fr", 503);
    const report = await runScheduled(env, Date.now() + 2 * 3600_000);
    expect(report.requeuedContacts).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await contact(site)).siren === NATURALIA, 15_000);
    expect((await leads(site)).get(NATURALIA)).toMatchObject({ score: 70, status: "mql" });
  });
});
