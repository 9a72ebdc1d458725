import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LeadDetail } from "./api/leads";
import { apiRoot, createSillageClient, SillageApiError, SillageUnreachableError } from "./api-client";

/** A lead as the API answers it (every field of the contract present). */
const LEAD: LeadDetail = {
  id: "lead_1",
  status: "mql",
  statusChangedAt: "2026-03-10T09:00:00.000Z",
  company: {
    name: "DANONE",
    siren: "552032534",
    headOfficeSiret: "55203253400646",
    legalForm: "SA à conseil d'administration (s.a.i.)",
    nafCode: "70.10Z",
    nafLabel: "Activités des sièges sociaux",
    nafSection: "M",
    headcountCode: "42",
    headcountLabel: "1 000 à 1 999 salariés",
    revenue: 27376000000,
    revenueYear: 2024,
    netIncome: null,
    category: "GE",
    address: "17 BOULEVARD HAUSSMANN 75009 PARIS",
    city: "PARIS",
    departement: "Paris",
    region: "Île-de-France",
    vatNumber: "FR27552032534",
    createdOn: "1955-01-01",
    linkedinUrl: "https://www.linkedin.com/company/danone/",
    domain: "danone.com",
    networkKind: "corporate",
  },
  score: {
    value: 70,
    threshold: 70,
    modelVersion: 1,
    explanation: [{ ruleId: "pricing-page", label: "Page Tarifs", points: 20, at: "2026-03-09T10:00:00.000Z", count: 1 }],
  },
  sla: { dueAt: "2026-03-12T09:00:00.000Z", overdue: false, remainingMs: 3600000 },
  firstSeenAt: "2026-03-01T09:00:00.000Z",
  lastSeenAt: "2026-03-09T10:00:00.000Z",
  timeline: [
    {
      url: "https://www.exemple.fr/tarifs",
      path: "/tarifs",
      title: "Tarifs",
      type: "pageview",
      name: null,
      at: "2026-03-09T10:00:00.000Z",
      engagedMs: 45000,
      visitorId: "vis_1",
    },
  ],
  contacts: [],
  notes: [],
  history: [{ from: "identified", to: "mql", actor: "system", reasonCode: null, note: null, at: "2026-03-10T09:00:00.000Z" }],
  links: [],
  signals: [],
  rejectionReasons: [{ code: "no_budget", label: "Pas de budget", requiresNote: false }],
};

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** Canned answers by "METHOD /path" (query string ignored); records every request. */
type Canned = { status: number; body: unknown; raw?: boolean; headers?: Record<string, string> } | "hang";
let routes: Record<string, Canned> = {};
const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

function handle(req: IncomingMessage, res: ServerResponse) {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, contentType: req.headers["content-type"], body });
    const canned = routes[`${req.method} ${req.url!.split("?")[0]}`];
    if (canned === "hang") return; // never answers: the client's timeout must fire
    if (!canned) {
      res.writeHead(500).end("no canned answer");
      return;
    }
    res.writeHead(canned.status, { "content-type": canned.raw ? "text/html" : "application/json", ...canned.headers });
    res.end(canned.raw ? String(canned.body) : JSON.stringify(canned.body));
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  routes = {};
  seen.length = 0;
});

const KEY = "slg_0123456789abcdef0123456789abcdef01234567";
const client = () => createSillageClient({ baseUrl, apiKey: KEY });

describe("createSillageClient", () => {
  it("sends the key, and returns the parsed lead", async () => {
    routes["GET /api/v1/leads/lead_1"] = { status: 200, body: { ...LEAD, extra: "ignored" } };
    const lead = await client().getLead("lead_1");
    expect(lead).toEqual(LEAD);
    expect(seen[0]).toMatchObject({ method: "GET", url: "/api/v1/leads/lead_1", auth: `Bearer ${KEY}` });
  });

  it("builds look-up and list queries: encoded values, repeated parameters", async () => {
    routes["GET /api/v1/leads/lookup"] = { status: 200, body: { lead: null, matchedBy: 'no lead is linked to LinkedIn page "danone"' } };
    routes["GET /api/v1/leads"] = { status: 200, body: { items: [], nextCursor: null } };
    const found = await client().lookupLead({ linkedin: "https://www.linkedin.com/company/danone/?a=1&b=2" });
    expect(found.lead).toBeNull();
    await client().listLeads({ status: ["mql", "sql"], minScore: 50, q: "société générale", sort: "name", cursor: undefined });
    const lookupUrl = new URL(seen[0]!.url, baseUrl);
    expect(lookupUrl.searchParams.get("linkedin")).toBe("https://www.linkedin.com/company/danone/?a=1&b=2");
    const listUrl = new URL(seen[1]!.url, baseUrl);
    expect(listUrl.searchParams.getAll("status")).toEqual(["mql", "sql"]);
    expect(listUrl.searchParams.get("minScore")).toBe("50");
    expect(listUrl.searchParams.get("q")).toBe("société générale");
    expect(listUrl.searchParams.has("cursor")).toBe(false);
  });

  it("posts JSON for transitions, notes and links", async () => {
    const transitions = [{ from: "mql", to: "sql", actor: "Sophie", reasonCode: null, note: null, at: "2026-03-11T09:00:00.000Z" }];
    routes["POST /api/v1/leads/lead_1/transitions"] = { status: 200, body: { transitions, lead: { ...LEAD, status: "sql", sla: null } } };
    routes["POST /api/v1/leads/lead_1/notes"] = {
      status: 201,
      body: { note: { id: "note_1", body: "Rappeler", authorName: "Sophie", at: "2026-03-11T09:00:00.000Z" }, lead: LEAD },
    };
    const link = {
      id: "lnk_1",
      kind: "linkedin-company",
      value: "danone",
      url: "https://www.linkedin.com/company/danone/",
      createdBy: "Sophie",
      at: "2026-03-11T09:00:00.000Z",
    };
    routes["POST /api/v1/leads/lead_1/links"] = { status: 201, body: { link, movedFrom: null, lead: LEAD } };

    const c = client();
    expect((await c.transitionLead("lead_1", { action: "accept" })).lead.status).toBe("sql");
    expect((await c.addNote("lead_1", "Rappeler")).note.authorName).toBe("Sophie");
    await c.addNote("lead_1", { body: "Rappeler" });
    expect((await c.linkLead("lead_1", { kind: "linkedin-company", value: "danone" })).link.value).toBe("danone");
    expect(seen.map((s) => [s.method, s.url, s.contentType, JSON.parse(s.body)])).toEqual([
      ["POST", "/api/v1/leads/lead_1/transitions", "application/json", { action: "accept" }],
      ["POST", "/api/v1/leads/lead_1/notes", "application/json", { body: "Rappeler" }],
      ["POST", "/api/v1/leads/lead_1/notes", "application/json", { body: "Rappeler" }],
      ["POST", "/api/v1/leads/lead_1/links", "application/json", { kind: "linkedin-company", value: "danone" }],
    ]);
  });

  it("posts a lead correction and reads who the hits belong to now; a lead no network named is a 409 with its code", async () => {
    routes["POST /api/v1/leads/lead_1/correction"] = { status: 200, body: { leadId: "lead_2", reattributedHits: 3 } };
    routes["POST /api/v1/leads/lead_9/correction"] = {
      status: 409,
      body: { error: { code: "not_network_identified", message: "No network named this lead.", requestId: "req-9" } },
    };
    const c = client();
    expect(await c.correctLeadIdentity("lead_1", { action: "company", siren: "552032534" })).toEqual({ leadId: "lead_2", reattributedHits: 3 });
    expect(JSON.parse(seen[0]!.body)).toEqual({ action: "company", siren: "552032534" });
    const refused = await c.correctLeadIdentity("lead_9", { action: "operator", kind: "isp" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SillageApiError);
    expect(refused).toMatchObject({ status: 409, code: "not_network_identified" });
  });

  it("reads me and identify", async () => {
    routes["GET /api/v1/me"] = { status: 200, body: { workspace: { id: "ws_1", name: "Démo" }, role: "admin", sites: [] } };
    routes["GET /api/v1/identify"] = {
      status: 200,
      body: {
        ip: "2.3.4.5",
        network: { asn: 3215, organization: "Orange", kind: "isp", reason: "consumer ISP" },
        company: null,
        confidence: 0,
        reason: "consumer ISP",
      },
    };
    expect((await client().me()).workspace.name).toBe("Démo");
    expect((await client().identify("2.3.4.5")).network.kind).toBe("isp");
    expect(seen[1]!.url).toBe("/api/v1/identify?ip=2.3.4.5");
  });

  it("throws SillageApiError with the API's status, code, message and request id", async () => {
    routes["GET /api/v1/leads/lead_x"] = {
      status: 404,
      body: { error: { code: "not_found", message: "No lead lead_x in this workspace.", requestId: "req-123" } },
      headers: { "X-Request-Id": "req-123" },
    };
    routes["POST /api/v1/leads/lead_1/transitions"] = {
      status: 409,
      body: { error: { code: "conflict", message: "Cannot accept this lead: it is sql, and accept is allowed from mql only.", requestId: "req-409" } },
    };
    const missing = await client()
      .getLead("lead_x")
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SillageApiError);
    expect(missing).toMatchObject({ kind: "api", status: 404, code: "not_found", message: "No lead lead_x in this workspace.", requestId: "req-123" });
    const conflict = await client()
      .transitionLead("lead_1", { action: "accept" })
      .catch((e: unknown) => e);
    expect(conflict).toMatchObject({ status: 409, code: "conflict", requestId: "req-409" });
  });

  it("reports a non-JSON error page and a body that breaks the contract as API errors", async () => {
    routes["GET /api/v1/me"] = { status: 502, body: "<html>Bad gateway</html>", raw: true, headers: { "X-Request-Id": "edge-1" } };
    routes["GET /api/v1/leads/lead_1"] = { status: 200, body: { ...LEAD, status: "hot" } };
    await expect(client().me()).rejects.toMatchObject({ kind: "api", status: 502, code: "http_502", requestId: "edge-1" });
    const invalid = await client()
      .getLead("lead_1")
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(SillageApiError);
    expect(invalid).toMatchObject({ status: 200, code: "invalid_response" });
    expect((invalid as Error).message).toMatch(/status/);
  });

  it("throws SillageUnreachableError when nothing answers, or not in time", async () => {
    // A port that was just free: connection refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const refused = await createSillageClient({ baseUrl: `http://127.0.0.1:${closedPort}`, apiKey: KEY })
      .me()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SillageUnreachableError);
    expect(refused).toMatchObject({ kind: "unreachable", timedOut: false });
    expect((refused as Error).message).toMatch(/network error/);
    expect(refused).not.toBeInstanceOf(SillageApiError);

    routes["GET /api/v1/me"] = "hang";
    const slow = await createSillageClient({ baseUrl, apiKey: KEY, timeoutMs: 150 })
      .me()
      .catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(SillageUnreachableError);
    expect(slow).toMatchObject({ timedOut: true });
    expect((slow as Error).message).toMatch(/150 ms/);
  });

  it("uses the fetch it is given, and accepts a base URL with or without /api/v1", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200, headers: { "content-type": "application/json" } });
    };
    await createSillageClient({ baseUrl: "https://sillage.example.fr/api/v1/", apiKey: KEY, fetch: fakeFetch }).listLeads();
    expect(calls).toEqual(["https://sillage.example.fr/api/v1/leads"]);
    expect(apiRoot("https://sillage.example.fr")).toBe("https://sillage.example.fr/api/v1");
  });
});
