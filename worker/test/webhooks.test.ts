import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { env } from "cloudflare:workers";
import { leadEventSchema, LEAD_EVENT_TYPES, type LeadEvent } from "@sillage/shared/api/delivered-lead";
import { applyEvent } from "@sillage/shared/scoring/apply-event";
import { DEFAULT_MODEL } from "@sillage/shared/scoring/default-model";
import { emptyState } from "@sillage/shared/scoring/state";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "@sillage/shared/api-key";
import { WEBHOOK_EVENTS } from "../src/db/schema/webhooks";
import { SITE_EVENT_TYPES } from "@sillage/shared/api/site-event";
import { emitLeadEvent } from "../src/webhooks/emit";
import { attemptDelivery } from "../src/webhooks/deliver";
import { verifySignature } from "../src/webhooks/sign";
import { checkEndpointUrl } from "../src/webhooks/endpoint-url";
import { MAX_ATTEMPTS, retryDelaySeconds, RETRY_DELAYS_SECONDS } from "../src/webhooks/backoff";
import { requeueStalledDeliveries } from "../src/webhooks/requeue-stalled";
import { createTestSite, eventually, worker, type TestSite } from "./support/fixtures";

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────

const RECEIVER = () => inject("webhookReceiverUrl");
let hookCounter = 0;

interface Received {
  headers: Record<string, string>;
  body: Uint8Array;
  text: string;
  status: number;
}

/** A fresh hook on the local receiver, answering `script` in order and then `fallback`. */
async function newHook(script: { status: number; delayMs?: number }[] = [], fallback = { status: 200 }) {
  const name = `h${Date.now().toString(36)}${hookCounter++}`;
  await fetch(`${RECEIVER()}/control/${name}`, { method: "PUT", body: JSON.stringify({ script, fallback }) });
  return {
    url: `${RECEIVER()}/hooks/${name}`,
    program: (s: { status: number; delayMs?: number }[], f = { status: 200 }) =>
      fetch(`${RECEIVER()}/control/${name}`, { method: "PUT", body: JSON.stringify({ script: s, fallback: f }) }),
    async received(): Promise<Received[]> {
      const res = (await (await fetch(`${RECEIVER()}/control/${name}`)).json()) as {
        received: { headers: Record<string, string>; bodyBase64: string; status: number }[];
      };
      return res.received.map((r) => {
        const body = Uint8Array.from(atob(r.bodyBase64), (ch) => ch.charCodeAt(0));
        return { headers: r.headers, body, text: new TextDecoder().decode(body), status: r.status };
      });
    },
  };
}

function call(site: { apiKey: string }, method: string, path: string, body?: unknown) {
  return worker.fetch(
    new Request(`https://api.sillage.test/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${site.apiKey}`, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    }),
  );
}

async function createEndpoint(site: TestSite, body: Record<string, unknown>) {
  const res = await call(site, "POST", "/webhooks", body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; secret: string; url: string; events: string[]; format: string; secretHint: string };
}

async function endpointRow(id: string) {
  return (await env.DB.prepare(
    "SELECT consecutive_failures AS failures, disabled_at AS disabledAt, disabled_reason AS reason FROM webhook_endpoints WHERE id = ?",
  )
    .bind(id)
    .first<{ failures: number; disabledAt: number | null; reason: string | null }>())!;
}

async function deliveriesOf(endpointId: string) {
  const { results } = await env.DB.prepare(
    "SELECT id, event_id AS eventId, status, attempts, last_status_code AS code, last_error AS error FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY created_at",
  )
    .bind(endpointId)
    .all<{ id: string; eventId: string; status: string; attempts: number; code: number | null; error: string | null }>();
  return results;
}

let sirenCounter = 0;
/** A SIREN that passes the Luhn check, different for every lead of this file. */
function luhnSiren(): string {
  const base = `71${String(Date.now() % 1_000_000).padStart(6, "0")}`.slice(0, 6) + String(sirenCounter++ % 100).padStart(2, "0");
  for (let d = 0; d < 10; d++) {
    const s = base + d;
    const sum = [...s].reverse().reduce((acc, ch, i) => {
      let n = Number(ch) * (i % 2 ? 2 : 1);
      if (n > 9) n -= 9;
      return acc + n;
    }, 0);
    if (sum % 10 === 0) return s;
  }
  throw new Error("unreachable");
}

interface SeedOptions {
  name?: string;
  status?: string;
  withContact?: boolean;
  linkedinSlug?: string;
}

/**
 * A lead as the pipeline would leave it: company in `companies`, two page views, a contact, a LinkedIn link
 * and a real score state from the default model (pricing page +20, over 100 employees +10).
 */
async function seedLead(site: TestSite, opts: SeedOptions = {}) {
  const now = Date.now();
  const siren = luhnSiren();
  const id = `lead_${crypto.randomUUID().slice(0, 12)}`;
  const visitorId = `vis_${id}`;
  const sessionId = `ses_${id}`;
  const contactId = opts.withContact === false ? null : `ct_${id}`;
  const name = opts.name ?? "Fromagerie Éclair & Cie";
  let state = emptyState(DEFAULT_MODEL.version);
  state = applyEvent(DEFAULT_MODEL, state, { kind: "company", at: now - 3_600_000, company: { siren, headcountBracket: "22", nafCode: "10.51C" } }, now).state;
  state = applyEvent(
    DEFAULT_MODEL,
    state,
    { kind: "hit", at: now - 60_000, visitorId, sessionId, hitType: "pageview", path: "/tarifs", url: "https://www.exemple.fr/tarifs" },
    now,
  ).state;
  const record = {
    source: "recherche-entreprises",
    siren,
    headOfficeSiret: `${siren}00017`,
    name: name.toUpperCase(),
    aliases: [],
    legalFormCode: "5710",
    legalFormLabel: "SAS, société par actions simplifiée",
    nafCode: "10.51C",
    nafLabel: "Fabrication de fromage",
    nafSection: "C",
    nafSectionLabel: "Industrie manufacturière",
    headcountCode: "22",
    headcountMin: 100,
    headcountMax: 199,
    headcountLabel: "100 à 199 salariés",
    headcountYear: 2023,
    revenue: 42_500_000,
    netIncome: -1_200_000,
    financesYear: 2024,
    category: "PME",
    categoryYear: 2022,
    address: "12 RUE DU LAIT 74000 ANNECY",
    postalCode: "74000",
    city: "ANNECY",
    departementCode: "74",
    departementName: "Haute-Savoie",
    regionCode: "84",
    regionName: "Auvergne-Rhône-Alpes",
    foreignCountry: null,
    createdOn: "1998-04-01",
    ceasedOn: null,
    active: true,
    vatNumber: null,
    establishmentCount: 3,
    openEstablishmentCount: 2,
    publicBody: false,
    association: false,
    diffusible: true,
  };
  const stmts = [
    env.DB.prepare(
      "INSERT INTO companies (siren, name, naf_code, headcount_code, revenue, category, record, source, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).bind(siren, record.name, record.nafCode, record.headcountCode, record.revenue, record.category, JSON.stringify(record), record.source, now),
    env.DB.prepare(
      `INSERT INTO leads (id, workspace_id, key, siren, name, contact_id, domain, status, status_changed_at, score, score_state, model_version, first_seen_at, last_seen_at, sla_due_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).bind(
      id,
      site.workspaceId,
      `siren:${siren}`,
      siren,
      name,
      contactId,
      "fromagerie-eclair.fr",
      opts.status ?? "mql",
      now,
      30,
      JSON.stringify(state),
      1,
      now - 86_400_000,
      now - 60_000,
      now + 48 * 3_600_000,
    ),
    env.DB.prepare("INSERT INTO visitors (id, site_id, workspace_id, visitor_key, contact_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)").bind(
      visitorId,
      site.siteId,
      site.workspaceId,
      `vk-${id}`,
      null,
      now - 86_400_000,
      now - 60_000,
    ),
    env.DB.prepare("INSERT INTO sessions (id, visitor_id, site_id, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?)").bind(
      sessionId,
      visitorId,
      site.siteId,
      now - 86_400_000,
      now - 60_000,
    ),
    ...[
      ["/blog/affinage", "Affinage : nos conseils", now - 86_400_000],
      ["/tarifs", "Tarifs", now - 60_000],
    ].map(([path, title, at], i) =>
      env.DB.prepare(
        `INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, type, source, url, hostname, path, title, lead_id, occurred_at, received_at)
         VALUES (?, ?, ?, ?, ?, 'pageview', 'collect', ?, 'www.exemple.fr', ?, ?, ?, ?, ?)`,
      ).bind(`hit_${id}_${i}`, site.siteId, site.workspaceId, visitorId, sessionId, `https://www.exemple.fr${path}`, path, title, id, at, at),
    ),
  ];
  if (contactId) {
    stmts.push(
      env.DB.prepare(
        "INSERT INTO contacts (id, workspace_id, email, name, job_title, phone, linkedin_url, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ).bind(
        contactId,
        site.workspaceId,
        `claire.${id}@fromagerie-eclair.fr`,
        "Claire Dubœuf",
        "Directrice des systèmes d'information",
        "+33 4 50 00 00 00",
        "https://www.linkedin.com/in/claire-duboeuf/",
        now,
        now,
      ),
    );
  }
  if (opts.linkedinSlug !== undefined) {
    stmts.push(
      env.DB.prepare(
        "INSERT INTO lead_links (id, lead_id, workspace_id, kind, value, created_by, created_at) VALUES (?, ?, ?, 'linkedin-company', ?, 'test', ?)",
      ).bind(`lnk_${id}`, id, site.workspaceId, opts.linkedinSlug, now),
    );
  }
  await env.DB.batch(stmts);
  return { id, siren, name, contactEmail: contactId ? `claire.${id}@fromagerie-eclair.fr` : null };
}

/** A pending delivery written straight to D1, with no queue message: only the test drives its attempts. */
async function insertDelivery(site: TestSite, endpointId: string, eventId = `evt_direct_${crypto.randomUUID()}`) {
  const id = `dlv_direct_${crypto.randomUUID().slice(0, 12)}`;
  const payload: LeadEvent = {
    id: eventId,
    type: "lead.mql",
    createdAt: new Date().toISOString(),
    test: false,
    data: {
      lead: {
        id: "lead_x",
        name: "Direct SAS",
        status: "mql",
        statusChangedAt: new Date().toISOString(),
        firstSeenAt: new Date().toISOString(),
        lastSeenAt: new Date().toISOString(),
        lastPage: null,
        firstPage: null,
        company: {
          siren: null,
          headOfficeSiret: null,
          headcountCode: null,
          headcountLabel: null,
          revenue: null,
          revenueYear: null,
          nafCode: null,
          nafLabel: null,
          category: null,
          city: null,
          postalCode: null,
          domain: null,
          linkedinUrl: null,
        },
        contact: null,
        score: { value: 70, threshold: 70, modelVersion: 1, explanation: [] },
        slaDueAt: null,
        links: { api: "/api/v1/leads/lead_x", apiUrl: null },
      },
    },
  };
  const now = Date.now();
  await env.DB.prepare(
    "INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event, payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'lead.mql', ?, 'pending', 0, ?, ?)",
  )
    .bind(id, endpointId, site.workspaceId, eventId, JSON.stringify(payload), now, now)
    .run();
  return id;
}

/** Drives one delivery to its end with a fake clock that jumps to each retry. */
async function runToEnd(deliveryId: string, start = Date.now()) {
  let clock = start;
  const delays: number[] = [];
  for (;;) {
    const outcome = await attemptDelivery(env, deliveryId, { now: () => clock, random: () => 0 });
    if (outcome.action === "ack") return { outcome, delays };
    delays.push(outcome.delaySeconds);
    clock += outcome.delaySeconds * 1000;
  }
}

/** node:crypto, not the worker's Web Crypto code: an independent check of the signature scheme. */
function nodeSignature(secret: string, timestamp: number, body: Uint8Array): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
}

async function createMemberKey(site: TestSite) {
  const key = generateApiKey();
  await env.DB.prepare("INSERT INTO api_keys (id, workspace_id, name, role, prefix, hash, created_at) VALUES (?, ?, 'member', 'member', ?, ?, ?)")
    .bind(`key_m${crypto.randomUUID().slice(0, 8)}`, site.workspaceId, apiKeyPrefix(key), await hashApiKey(key), Date.now())
    .run();
  return { apiKey: key };
}

// ── tests ───────────────────────────────────────────────────────────────────────────────────────────────

describe("signed delivery of a lead event", () => {
  it("POSTs the delivered lead, signed over `t.body` (checked with node:crypto), with event headers", async () => {
    const site = await createTestSite();
    const hook = await newHook();
    const endpoint = await createEndpoint(site, { url: hook.url });
    const lead = await seedLead(site, { linkedinSlug: "fromagerie-eclair" });
    const at = Date.now();
    const { eventId, deliveryIds } = await emitLeadEvent(env, { workspaceId: site.workspaceId, leadId: lead.id, event: "lead.mql", at });
    expect(deliveryIds).toHaveLength(1);

    const [req] = await eventually(async () => {
      const r = await hook.received();
      return r.length ? r : null;
    });
    const h = req!.headers;
    expect(h["sillage-event"]).toBe("lead.mql");
    expect(h["sillage-event-id"]).toBe(eventId);
    expect(h["sillage-delivery"]).toBe(deliveryIds[0]);
    expect(h["content-type"]).toMatch(/^application\/json/);
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(h["sillage-signature"]!);
    expect(m).not.toBeNull();
    const t = Number(m![1]);
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(60);
    expect(m![2]).toBe(nodeSignature(endpoint.secret, t, req!.body));
    expect((await verifySignature(endpoint.secret, h["sillage-signature"], req!.body, Date.now())).ok).toBe(true);

    // The payload is the documented contract, with every delivered-lead field filled from D1.
    const event = leadEventSchema.parse(JSON.parse(req!.text));
    expect(event).toMatchObject({ id: eventId, type: "lead.mql", test: false, createdAt: new Date(at).toISOString() });
    const l = event.data.lead;
    expect(l).toMatchObject({
      id: lead.id,
      name: "Fromagerie Éclair & Cie",
      status: "mql",
      company: {
        siren: lead.siren,
        headOfficeSiret: `${lead.siren}00017`,
        headcountCode: "22",
        headcountLabel: "100 à 199 salariés",
        revenue: 42_500_000,
        revenueYear: 2024,
        nafCode: "10.51C",
        nafLabel: "Fabrication de fromage",
        category: "PME",
        city: "ANNECY",
        linkedinUrl: "https://www.linkedin.com/company/fromagerie-eclair/",
      },
      contact: { name: "Claire Dubœuf", email: lead.contactEmail, phone: "+33 4 50 00 00 00", jobTitle: "Directrice des systèmes d'information" },
      lastPage: { url: "https://www.exemple.fr/tarifs", title: "Tarifs" },
      firstPage: { url: "https://www.exemple.fr/blog/affinage" },
      links: { api: `/api/v1/leads/${lead.id}` },
    });
    expect(Date.parse(l.lastPage!.at)).toBeGreaterThan(Date.parse(l.firstPage!.at));
    // Pricing page +20 and over 100 employees +10, from the default model, with readable lines.
    expect(l.score.value).toBe(30);
    expect(l.score.threshold).toBe(70);
    expect(l.score.explanation.map((x) => x.ruleId).sort()).toEqual(["company-over-100", "pricing-page"]);
    expect(l.score.explanation.find((x) => x.ruleId === "pricing-page")!.text).toMatch(/^\+20 Page Tarifs, il y a/);

    await eventually(async () => (await deliveriesOf(endpoint.id))[0]?.status === "delivered");
  });

  it("verifySignature accepts the scheme as an independent signer writes it and refuses tampering and replays", async () => {
    const secret = "whsec_0123456789abcdef";
    const body = new TextEncoder().encode('{"id":"evt_1","type":"lead.mql","name":"Société Générale"}');
    const now = Date.now();
    const t = Math.floor(now / 1000);
    const good = `t=${t},v1=${nodeSignature(secret, t, body)}`;
    expect(await verifySignature(secret, good, body, now)).toEqual({ ok: true, timestamp: t });
    // The same bytes as a string (UTF-8) verify too.
    expect((await verifySignature(secret, good, new TextDecoder().decode(body), now)).ok).toBe(true);
    // One byte changed, another secret: mismatch.
    const tampered = new TextEncoder().encode('{"id":"evt_1","type":"lead.mql","name":"Societe Generale"}');
    expect(await verifySignature(secret, good, tampered, now)).toEqual({ ok: false, reason: "mismatch" });
    expect(await verifySignature("whsec_other", good, body, now)).toEqual({ ok: false, reason: "mismatch" });
    // A valid signature whose timestamp was moved: mismatch (the timestamp is signed).
    expect(await verifySignature(secret, `t=${t + 1},v1=${nodeSignature(secret, t, body)}`, body, now)).toEqual({ ok: false, reason: "mismatch" });
    // Replay window: 5 minutes either way.
    const old = t - 301;
    expect(await verifySignature(secret, `t=${old},v1=${nodeSignature(secret, old, body)}`, body, now)).toEqual({ ok: false, reason: "expired" });
    const future = t + 301;
    expect(await verifySignature(secret, `t=${future},v1=${nodeSignature(secret, future, body)}`, body, now)).toEqual({ ok: false, reason: "expired" });
    const recent = t - 240;
    expect((await verifySignature(secret, `t=${recent},v1=${nodeSignature(secret, recent, body)}`, body, now)).ok).toBe(true);
    // During a secret rotation two v1 values are sent; one match is enough.
    expect((await verifySignature(secret, `t=${t},v1=${"0".repeat(64)},v1=${nodeSignature(secret, t, body)}`, body, now)).ok).toBe(true);
    for (const bad of [null, "", "v1=abc", `t=${t}`, `t=abc,v1=${nodeSignature(secret, t, body)}`, `t=${t},v1=xyz`]) {
      expect(await verifySignature(secret, bad, body, now)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});

describe("retries, backoff and exactly one logical delivery", () => {
  it("retries a failing receiver through the real queue and delivers once it answers 2xx", async () => {
    const site = await createTestSite();
    const hook = await newHook([{ status: 500 }, { status: 503 }], { status: 200 });
    const endpoint = await createEndpoint(site, { url: hook.url });
    const lead = await seedLead(site);
    await emitLeadEvent(env, { workspaceId: site.workspaceId, leadId: lead.id, event: "lead.mql", at: Date.now() });

    const [delivery] = await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id);
      return rows[0]?.status === "delivered" ? rows : null;
    }, 20_000);
    expect(delivery).toMatchObject({ attempts: 3, code: 200, error: null });
    const received = await hook.received();
    expect(received.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(received.map((r) => r.headers["sillage-attempt"])).toEqual(["1", "2", "3"]);
    // Same logical delivery every time: same ids, same bytes; receivers deduplicate on Sillage-Event-Id.
    expect(new Set(received.map((r) => r.headers["sillage-event-id"])).size).toBe(1);
    expect(new Set(received.map((r) => r.headers["sillage-delivery"])).size).toBe(1);
    expect(new Set(received.map((r) => r.text)).size).toBe(1);
    expect((await endpointRow(endpoint.id)).failures).toBe(0);
  });

  it("waits 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, then fails the delivery after 8 attempts", async () => {
    const site = await createTestSite();
    const hook = await newHook([], { status: 500 });
    const endpoint = await createEndpoint(site, { url: hook.url });
    const id = await insertDelivery(site, endpoint.id);

    // A copy of the message arriving before the retry is due sends nothing and waits its turn.
    const start = Date.now();
    const first = await attemptDelivery(env, id, { now: () => start, random: () => 0 });
    expect(first).toMatchObject({ action: "retry", delaySeconds: 30 });
    const early = await attemptDelivery(env, id, { now: () => start + 1000, random: () => 0 });
    expect(early).toMatchObject({ action: "retry", reason: "not due yet", delaySeconds: 29 });
    expect(await hook.received()).toHaveLength(1);

    const { outcome, delays } = await runToEnd(id, start + 30_000);
    expect([30, ...delays]).toEqual([...RETRY_DELAYS_SECONDS]);
    expect([30, ...delays].reduce((a, b) => a + b, 0) / 3600).toBeGreaterThan(7);
    expect(outcome).toMatchObject({ action: "ack", result: "failed" });
    const [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, code: 500 });
    expect(row!.error).toBe("HTTP 500: receiver says no");
    expect(await hook.received()).toHaveLength(MAX_ATTEMPTS);
    expect((await endpointRow(endpoint.id)).failures).toBe(1);
    // A failed delivery is final: another message for it sends nothing.
    expect(await attemptDelivery(env, id)).toMatchObject({ action: "ack", result: "skipped" });
    expect(await hook.received()).toHaveLength(MAX_ATTEMPTS);
  });

  it("jitters retries by at most 10 % and can be scaled down for tests", () => {
    for (let attempt = 1; attempt <= 7; attempt++) {
      const base = RETRY_DELAYS_SECONDS[attempt - 1]!;
      expect(retryDelaySeconds(attempt, 1, () => 0)).toBe(base);
      expect(retryDelaySeconds(attempt, 1, () => 0.999)).toBeLessThanOrEqual(Math.round(base * 1.1));
    }
    expect(retryDelaySeconds(99, 1, () => 0)).toBe(14_400);
    expect(retryDelaySeconds(3, 0)).toBe(0);
  });

  it("gives up on a receiver slower than the timeout and says so", async () => {
    const site = await createTestSite();
    const hook = await newHook([{ status: 200, delayMs: 3000 }]);
    const endpoint = await createEndpoint(site, { url: hook.url });
    const id = await insertDelivery(site, endpoint.id);
    const outcome = await attemptDelivery(env, id, { timeoutMs: 300, random: () => 0 });
    expect(outcome).toMatchObject({ action: "retry", delaySeconds: 30 });
    const [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, code: null, error: "timeout after 0.3 s" });
  });

  it("creates one delivery per endpoint and event id, however often the event is emitted or its message repeated", async () => {
    const site = await createTestSite();
    const hookA = await newHook();
    const hookB = await newHook();
    const a = await createEndpoint(site, { url: hookA.url });
    const b = await createEndpoint(site, { url: hookB.url, events: ["lead.mql"] });
    const lead = await seedLead(site);
    const at = Date.now();
    const input = { workspaceId: site.workspaceId, leadId: lead.id, event: "lead.mql" as const, at };
    const [first, second] = await Promise.all([emitLeadEvent(env, input), emitLeadEvent(env, input)]);
    const third = await emitLeadEvent(env, input);
    expect(first.eventId).toBe(second.eventId);
    expect(first.deliveryIds.length + second.deliveryIds.length).toBe(2);
    expect(third.deliveryIds).toEqual([]);
    // A caller's own event id deduplicates the same way; another time is another event.
    expect((await emitLeadEvent(env, { ...input, eventId: "evt_transition_42" })).deliveryIds).toHaveLength(2);
    expect((await emitLeadEvent(env, { ...input, eventId: "evt_transition_42" })).deliveryIds).toHaveLength(0);
    expect((await emitLeadEvent(env, { ...input, at: at + 1 })).deliveryIds).toHaveLength(2);

    await eventually(async () => (await hookA.received()).length === 3 && (await hookB.received()).length === 3);
    for (const ep of [a, b]) {
      const rows = await deliveriesOf(ep.id);
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r.eventId)).size).toBe(3);
      await eventually(async () => (await deliveriesOf(ep.id)).every((r) => r.status === "delivered"));
    }
    // A late duplicate message for a delivered delivery sends nothing.
    const [row] = await deliveriesOf(a.id);
    expect(await attemptDelivery(env, row!.id)).toMatchObject({ action: "ack", result: "skipped", reason: "already delivered" });
    expect(await hookA.received()).toHaveLength(3);
  });

  it("lets only one of two simultaneous copies of a message send", async () => {
    const site = await createTestSite();
    const hook = await newHook([{ status: 200, delayMs: 200 }]);
    const endpoint = await createEndpoint(site, { url: hook.url });
    const id = await insertDelivery(site, endpoint.id);
    const outcomes = await Promise.all([attemptDelivery(env, id), attemptDelivery(env, id), attemptDelivery(env, id)]);
    expect(outcomes.filter((o) => o.action === "ack" && o.result === "delivered")).toHaveLength(1);
    expect(await hook.received()).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("re-queues a delivery whose message was lost (cron sweep)", async () => {
    const site = await createTestSite();
    const hook = await newHook();
    const endpoint = await createEndpoint(site, { url: hook.url });
    const id = await insertDelivery(site, endpoint.id);
    await env.DB.prepare("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?")
      .bind(Date.now() - 3_600_000, id)
      .run();
    expect(await requeueStalledDeliveries(env, Date.now())).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await deliveriesOf(endpoint.id))[0]?.status === "delivered");
    expect(await hook.received()).toHaveLength(1);
  });
});

describe("automatic disabling", () => {
  it("disables an endpoint after 5 deliveries in a row failed; a success in between resets the count", async () => {
    const site = await createTestSite();
    const hook = await newHook([], { status: 500 });
    const endpoint = await createEndpoint(site, { url: hook.url });

    for (let i = 0; i < 4; i++) await runToEnd(await insertDelivery(site, endpoint.id));
    expect(await endpointRow(endpoint.id)).toMatchObject({ failures: 4, disabledAt: null });

    // Test sends never count, failed or not.
    await runToEnd(await insertDelivery(site, endpoint.id, `evt_test_${crypto.randomUUID()}`));
    expect((await endpointRow(endpoint.id)).failures).toBe(4);

    await hook.program([], { status: 204 });
    await runToEnd(await insertDelivery(site, endpoint.id));
    expect((await endpointRow(endpoint.id)).failures).toBe(0);

    await hook.program([], { status: 410 });
    for (let i = 0; i < 5; i++) await runToEnd(await insertDelivery(site, endpoint.id));
    const disabled = await endpointRow(endpoint.id);
    expect(disabled.failures).toBe(5);
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.reason).toMatch(/^5 deliveries in a row failed after 8 attempts each \(last: HTTP 410/);

    const listed = (await (await call(site, "GET", `/webhooks/${endpoint.id}`)).json()) as any;
    expect(listed).toMatchObject({ enabled: false, consecutiveFailures: 5 });

    // Pending deliveries of a disabled endpoint fail without a request; new events create none.
    const before = (await hook.received()).length;
    const pending = await insertDelivery(site, endpoint.id);
    expect(await attemptDelivery(env, pending)).toMatchObject({ action: "ack", result: "failed" });
    expect((await deliveriesOf(endpoint.id)).at(-1)!.error).toMatch(/^endpoint disabled: 5 deliveries/);
    expect((await hook.received()).length).toBe(before);
    const lead = await seedLead(site);
    expect((await emitLeadEvent(env, { workspaceId: site.workspaceId, leadId: lead.id, event: "lead.mql", at: Date.now() })).deliveryIds).toEqual([]);
    expect((await call(site, "POST", `/webhooks/${endpoint.id}/test`)).status).toBe(409);

    // Re-enabling (once the receiver is fixed) starts afresh.
    await hook.program([], { status: 200 });
    const res = await call(site, "PATCH", `/webhooks/${endpoint.id}`, { enabled: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    const [again] = (await emitLeadEvent(env, { workspaceId: site.workspaceId, leadId: lead.id, event: "lead.mql", at: Date.now() + 1 })).deliveryIds;
    expect(again).toBeDefined();
    await eventually(async () => (await deliveriesOf(endpoint.id)).find((d) => d.id === again)?.status === "delivered");
  });
});

describe("Slack endpoints", () => {
  it("receive a French Slack card (text + blocks) summarising the lead, with user text escaped", async () => {
    const site = await createTestSite();
    const hook = await newHook();
    await createEndpoint(site, { url: hook.url, format: "slack", events: ["lead.mql", "lead.sla_overdue"] });
    const lead = await seedLead(site, { name: "Lait <b>& Fils</b>" });
    await emitLeadEvent(env, { workspaceId: site.workspaceId, leadId: lead.id, event: "lead.mql", at: Date.now() });
    const [req] = await eventually(async () => {
      const r = await hook.received();
      return r.length ? r : null;
    });
    const msg = JSON.parse(req!.text) as { text: string; blocks: any[]; data?: unknown };
    expect(msg.data).toBeUndefined();
    expect(msg.text).toBe(":fire: Nouveau MQL : Lait &lt;b&gt;&amp; Fils&lt;/b&gt; (score 30 / 70)");
    expect(msg.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Nouveau MQL : Lait <b>& Fils</b>", emoji: true } });
    const fields = (msg.blocks[1].fields as { text: string }[]).map((f) => f.text);
    expect(fields).toEqual(
      expect.arrayContaining([
        "*Score*\n30 / 70",
        `*SIREN*\n${lead.siren.slice(0, 3)} ${lead.siren.slice(3, 6)} ${lead.siren.slice(6)}`,
        "*Effectif*\n100 à 199 salariés",
        "*Chiffre d'affaires*\n42,5 M€ (2024)",
        "*Activité*\nFabrication de fromage (10.51C)",
        "*Ville*\nANNECY",
      ]),
    );
    const sections = msg.blocks.filter((b) => b.type === "section" && b.text).map((b) => b.text.text as string);
    expect(sections[0]).toContain("Claire Dubœuf, Directrice des systèmes d'information");
    expect(sections[0]).toContain(lead.contactEmail!);
    expect(sections[1]).toMatch(/^\*Page visitée\* : <https:\/\/www\.exemple\.fr\/tarifs\|Tarifs>, le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain("Page Tarifs");
    // Slack ignores the signature; it is there anyway, on the exact bytes sent.
    expect(req!.headers["sillage-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });
});

describe("webhook endpoints API", () => {
  it("shows the secret once, checks URLs, and lists, changes and deletes endpoints", async () => {
    const site = await createTestSite();
    const hook = await newHook();
    const created = await createEndpoint(site, { url: hook.url, events: ["lead.sql", "lead.mql", "lead.mql"] });
    expect(created.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(created.events).toEqual(["lead.mql", "lead.sql"]);
    expect(created.format).toBe("json");
    expect(created.secretHint).toBe(`${created.secret.slice(0, 10)}…`);

    const list = (await (await call(site, "GET", "/webhooks")).json()) as { items: Record<string, unknown>[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty("secret");
    expect(JSON.stringify(list)).not.toContain(created.secret);

    for (const url of ["http://hooks.example.fr/x", "ftp://example.fr/x", "https://user:pw@hooks.example.fr/x", "pas une url", "http://192.168.1.10/x"]) {
      const res = await call(site, "POST", "/webhooks", { url });
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as any).error.code).toBe("bad_request");
    }
    expect((await call(site, "POST", "/webhooks", { url: hook.url, events: ["lead.unknown"] })).status).toBe(400);
    expect((await call(site, "POST", "/webhooks", { url: hook.url, events: [] })).status).toBe(400);

    const patched = await call(site, "PATCH", `/webhooks/${created.id}`, { events: ["lead.rejected"], format: "slack" });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ events: ["lead.rejected"], format: "slack", enabled: true });
    expect((await call(site, "PATCH", `/webhooks/${created.id}`, {})).status).toBe(400);
    expect((await call(site, "PATCH", `/webhooks/${created.id}`, { url: "http://hooks.example.fr" })).status).toBe(400);
    const off = (await (await call(site, "PATCH", `/webhooks/${created.id}`, { enabled: false })).json()) as any;
    expect(off).toMatchObject({ enabled: false, disabledReason: "disabled by an admin" });

    await insertDelivery(site, created.id);
    const del = await call(site, "DELETE", `/webhooks/${created.id}`);
    expect(del.status).toBe(204);
    expect((await call(site, "GET", `/webhooks/${created.id}`)).status).toBe(404);
    expect(await deliveriesOf(created.id)).toEqual([]);
  });

  it("accepts plain http only on the loopback interface, and only in local mode", () => {
    expect(checkEndpointUrl("http://127.0.0.1:8080/hook", { localMode: true })).toMatchObject({ ok: true });
    expect(checkEndpointUrl("http://localhost/hook", { localMode: true })).toMatchObject({ ok: true });
    expect(checkEndpointUrl("http://127.0.0.1:8080/hook", { localMode: false })).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://localhost/hook", { localMode: false })).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://hooks.slack.com/services/T0/B0/xyz", { localMode: false })).toMatchObject({ ok: true });
  });

  it("refuses private, loopback, link-local, CGNAT, IPv4-mapped and metadata hosts in every spelling (SSRF)", async () => {
    const hosts = [
      "169.254.169.254",
      "metadata.google.internal",
      "metadata.google.internal.",
      "127.0.0.2",
      "[::ffff:127.0.0.1]",
      "[::ffff:7f00:1]",
      "localhost.",
      "sub.localhost",
      "2130706433",
      "0x7f000001",
      "0x7f.1",
      "0177.0.0.1",
      "127.1",
      "10.0.0.8",
      "172.16.5.4",
      "192.168.1.10",
      "100.64.0.1",
      "[::1]",
      "[fe80::1]",
      "[fd00::1]",
      "0.0.0.0",
      "[::]",
      "intranet",
      "printer.local",
      "[64:ff9b::7f00:1]",
    ];
    for (const host of hosts) {
      for (const localMode of [false, true]) {
        const check = checkEndpointUrl(`https://${host}/hook`, { localMode });
        // The local-mode allowance is for the three exact spellings of this machine, nothing else.
        if (localMode && host === "[::1]") expect(check, host).toMatchObject({ ok: true });
        else expect(check, `${host} (local mode ${localMode})`).toMatchObject({ ok: false, message: expect.stringMatching(/public https URL/) });
      }
    }
    expect(checkEndpointUrl("https://93.184.215.14/hook", { localMode: false })).toMatchObject({ ok: true });
    expect(checkEndpointUrl("https://[2606:4700::1111]/hook", { localMode: false })).toMatchObject({ ok: true });
    // Through the API, in the test worker's local mode: refused with a 400 naming the reason.
    const site = await createTestSite();
    for (const url of [
      "https://169.254.169.254/latest/meta-data/",
      "http://127.0.0.2:8080/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "http://2130706433/hook",
      "https://metadata.google.internal/",
    ]) {
      const res = await call(site, "POST", "/webhooks", { url });
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as any).error.message, url).toMatch(/^Invalid body: url: must be (a public https URL|https)/);
    }
  });

  it("lets members read endpoints and logs, and only admins change or test them", async () => {
    const site = await createTestSite();
    const hook = await newHook();
    const endpoint = await createEndpoint(site, { url: hook.url });
    const member = await createMemberKey(site);
    expect((await call(member, "GET", "/webhooks")).status).toBe(200);
    expect((await call(member, "GET", `/webhooks/${endpoint.id}`)).status).toBe(200);
    expect((await call(member, "GET", `/webhooks/${endpoint.id}/deliveries`)).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "/webhooks", { url: hook.url }],
      ["PATCH", `/webhooks/${endpoint.id}`, { events: ["lead.sql"] }],
      ["DELETE", `/webhooks/${endpoint.id}`, undefined],
      ["POST", `/webhooks/${endpoint.id}/test`, undefined],
    ] as const) {
      const res = await call(member, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as any).error.code).toBe("forbidden");
    }
  });

  it("sends a signed sample lead.mql flagged test: true through the queue, and logs it", async () => {
    const site = await createTestSite();
    const hook = await newHook();
    const endpoint = await createEndpoint(site, { url: hook.url, events: ["lead.sql"] });
    const res = await call(site, "POST", `/webhooks/${endpoint.id}/test`);
    expect(res.status).toBe(202);
    const { deliveryId, eventId } = (await res.json()) as { deliveryId: string; eventId: string };
    const [req] = await eventually(async () => {
      const r = await hook.received();
      return r.length ? r : null;
    });
    expect(req!.headers["sillage-delivery"]).toBe(deliveryId);
    const t = Number(/t=(\d+)/.exec(req!.headers["sillage-signature"]!)![1]);
    expect(req!.headers["sillage-signature"]).toBe(`t=${t},v1=${nodeSignature(endpoint.secret, t, req!.body)}`);
    const event = leadEventSchema.parse(JSON.parse(req!.text));
    expect(event).toMatchObject({ id: eventId, type: "lead.mql", test: true });
    expect(event.data.lead.links.apiUrl).toBe("https://api.sillage.test/api/v1/leads/lead_exemple");

    const log = await eventually(async () => {
      const body = (await (await call(site, "GET", `/webhooks/${endpoint.id}/deliveries`)).json()) as { items: any[] };
      return body.items[0]?.status === "delivered" ? body : null;
    });
    expect(log.items[0]).toMatchObject({
      id: deliveryId,
      eventId,
      event: "lead.mql",
      test: true,
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
  });

  it("pages the delivery log newest first", async () => {
    const site = await createTestSite();
    const hook = await newHook();
    const endpoint = await createEndpoint(site, { url: hook.url });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await insertDelivery(site, endpoint.id);
      await env.DB.prepare("UPDATE webhook_deliveries SET created_at = ? WHERE id = ?")
        .bind(1_700_000_000_000 + i, id)
        .run();
      ids.push(id);
    }
    const page1 = (await (await call(site, "GET", `/webhooks/${endpoint.id}/deliveries?limit=3`)).json()) as { items: any[]; nextCursor: string };
    expect(page1.items.map((d) => d.id)).toEqual([ids[4], ids[3], ids[2]]);
    const page2 = (await (await call(site, "GET", `/webhooks/${endpoint.id}/deliveries?limit=3&cursor=${encodeURIComponent(page1.nextCursor)}`)).json()) as {
      items: any[];
      nextCursor: string | null;
    };
    expect(page2.items.map((d) => d.id)).toEqual([ids[1], ids[0]]);
    expect(page2.nextCursor).toBeNull();
    expect((await call(site, "GET", `/webhooks/${endpoint.id}/deliveries?cursor=nope`)).status).toBe(400);
  });
});

describe("tenant isolation", () => {
  it("never shows, changes or feeds one workspace's endpoints from another", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    const hookA = await newHook();
    const endpointA = await createEndpoint(a, { url: hookA.url });
    await insertDelivery(a, endpointA.id);

    expect(((await (await call(b, "GET", "/webhooks")).json()) as any).items).toEqual([]);
    for (const [method, path, body] of [
      ["GET", `/webhooks/${endpointA.id}`, undefined],
      ["GET", `/webhooks/${endpointA.id}/deliveries`, undefined],
      ["PATCH", `/webhooks/${endpointA.id}`, { url: "https://evil.example/x" }],
      ["DELETE", `/webhooks/${endpointA.id}`, undefined],
      ["POST", `/webhooks/${endpointA.id}/test`, undefined],
    ] as const) {
      const res = await call(b, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const still = (await (await call(a, "GET", `/webhooks/${endpointA.id}`)).json()) as any;
    expect(still.url).toBe(hookA.url);
    expect(await deliveriesOf(endpointA.id)).toHaveLength(1);

    // B's lead events never reach A's endpoint; A's lead id under B's workspace is nobody's lead.
    const leadA = await seedLead(a);
    const leadB = await seedLead(b);
    expect((await emitLeadEvent(env, { workspaceId: b.workspaceId, leadId: leadB.id, event: "lead.mql", at: Date.now() })).deliveryIds).toEqual([]);
    const hookB = await newHook();
    await createEndpoint(b, { url: hookB.url });
    expect((await emitLeadEvent(env, { workspaceId: b.workspaceId, leadId: leadA.id, event: "lead.mql", at: Date.now() })).deliveryIds).toEqual([]);
    expect(await deliveriesOf(endpointA.id)).toHaveLength(1);
  });
});

it("knows the same lead events as the API contract, and documents the payload in OpenAPI", async () => {
  expect([...WEBHOOK_EVENTS]).toEqual([...LEAD_EVENT_TYPES, ...SITE_EVENT_TYPES]);
  const doc = (await (await worker.fetch(new Request("https://api.sillage.test/api/v1/openapi.json"))).json()) as any;
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/webhooks", "/webhooks/{id}", "/webhooks/{id}/deliveries", "/webhooks/{id}/test", "/leads/export.csv"]),
  );
  expect(doc.webhooks["/leadEvent"].post.requestBody.content["application/json"].schema).toBeDefined();
});
