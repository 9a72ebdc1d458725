import { describe, expect, it, vi } from "vitest";
import type { LeadDetail, LeadLookupQuery } from "@sillage/shared/api/leads";
import { SillageApiError, SillageUnreachableError } from "@sillage/shared/api-client";
import { sampleLeadDetail } from "../content/sample-lead-detail";
import type { LookupRefreshed } from "../messages";
import type { LeadsApi } from "./api-port";
import { createBackgroundService, type BackgroundDeps, type SenderInfo } from "./service";

const KEY = "slg_" + "a".repeat(40);
const TAB: SenderInfo = { tabId: 7, fromExtensionPage: false };
const PAGE: SenderInfo = { fromExtensionPage: true };

/** The API's errors as the shared client throws them. */
const httpError = (status: number, code: string, message = code, requestId = "req_1") => new SillageApiError(status, code, message, requestId);

function fakeApi(leads: Record<string, LeadDetail> = {}) {
  const byDomain = new Map(Object.values(leads).map((l) => [l.company.domain, l]));
  const api = {
    me: vi.fn(async () => ({ workspace: { id: "ws_demo", name: "Démo Sillage" }, role: "admin" as const, sites: [] })),
    lookupLead: vi.fn(async (q: LeadLookupQuery) => {
      const lead = (q.domain && byDomain.get(q.domain)) || null;
      return { lead, matchedBy: lead ? "domain" : "no lead with this domain" };
    }),
    getLead: vi.fn(async (id: string) => {
      const lead = leads[id];
      if (!lead) throw httpError(404, "not_found");
      return lead;
    }),
    listLeads: vi.fn(async () => ({ items: [], nextCursor: null })),
    transitionLead: vi.fn(async (id: string, body: { action: string }): Promise<unknown> => {
      leads[id] = { ...leads[id]!, status: body.action === "accept" ? "sql" : "nurturing" };
      return { transitions: [], lead: leads[id] };
    }),
    linkLead: vi.fn(async (): Promise<unknown> => ({ link: {}, movedFrom: null })),
    // An answer without the lead: the background must read it again.
    addNote: vi.fn(async (): Promise<unknown> => ({})),
  };
  return api;
}

function setup({ api = fakeApi(), settings = { apiBaseUrl: "http://127.0.0.1:8787", apiKey: KEY }, granted = true } = {}) {
  let now = 0;
  const notified: Array<[number, LookupRefreshed]> = [];
  const deps: BackgroundDeps = {
    loadSettings: async () => settings,
    hasOriginPermission: vi.fn(async () => granted),
    // The fake answers the contract's shapes where the background reads them, loosely elsewhere.
    createApi: vi.fn(() => api as unknown as LeadsApi),
    notifyTab: (tabId, message) => notified.push([tabId, message]),
    openOptions: vi.fn(async () => {}),
    now: () => now,
  };
  const service = createBackgroundService(deps);
  return { service, deps, api, notified, advance: (ms: number) => (now += ms) };
}

const lookup = (domain: string) => ({ type: "lookup", plan: [{ by: "domain", value: domain }] });

describe("background service", () => {
  it("refuses malformed requests without calling the API", async () => {
    const { service, deps } = setup();
    for (const bad of [null, "lookup", { type: "lookup", plan: [] }, { type: "lookup", plan: [{ by: "email", value: "x" }] }, { type: "drop-tables" }]) {
      expect(await service.handle(bad, TAB)).toMatchObject({ ok: false, error: { kind: "invalid-request" } });
    }
    expect(deps.createApi).not.toHaveBeenCalled();
  });

  it("says when nothing is configured, or the API origin is not granted", async () => {
    expect(await setup({ settings: { apiBaseUrl: "http://127.0.0.1:8787", apiKey: "" } }).service.handle(lookup("danone.com"), TAB)).toEqual({
      ok: false,
      error: { kind: "not-configured" },
    });
    const denied = setup({ granted: false });
    expect(await denied.service.handle(lookup("danone.com"), TAB)).toEqual({
      ok: false,
      error: { kind: "no-permission", origin: "http://127.0.0.1:8787" },
    });
    expect(denied.deps.hasOriginPermission).toHaveBeenCalledWith("http://127.0.0.1/*");
  });

  it("maps a refused key, an unreachable API and other API errors to typed failures", async () => {
    const api = fakeApi();
    const { service } = setup({ api });
    api.lookupLead.mockRejectedValueOnce(httpError(401, "unauthorized"));
    expect(await service.handle(lookup("a.fr"), TAB)).toEqual({ ok: false, error: { kind: "bad-api-key" } });
    api.lookupLead.mockRejectedValueOnce(new SillageUnreachableError("http://127.0.0.1:8787/api/v1/leads/lookup", "Sillage API unreachable (network error: Failed to fetch)"));
    expect(await service.handle(lookup("b.fr"), TAB)).toEqual({ ok: false, error: { kind: "unreachable", message: "Sillage API unreachable (network error: Failed to fetch)" } });
    api.lookupLead.mockRejectedValueOnce(httpError(500, "internal", "Something went wrong", "req_42"));
    expect(await service.handle(lookup("c.fr"), TAB)).toEqual({
      ok: false,
      error: { kind: "api", status: 500, code: "internal", message: "Something went wrong", requestId: "req_42" },
    });
  });

  it("tries the plan's keys in order and stops at the first lead", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    const { service } = setup({ api });
    const answer = await service.handle(
      { type: "lookup", plan: [{ by: "siren", value: "123" }, { by: "domain", value: "danone.com" }, { by: "name", value: "Danone" }] },
      TAB,
    );
    expect(answer).toMatchObject({ ok: true, value: { lead: { id: lead.id }, via: { by: "domain", value: "danone.com" }, matchedBy: "domain", stale: false } });
    expect(api.lookupLead.mock.calls.map(([q]) => q)).toEqual([{ siren: "123" }, { domain: "danone.com" }]);
  });

  it("skips a key the API refuses as malformed and goes on with the next", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    api.lookupLead.mockRejectedValueOnce(httpError(400, "bad_request"));
    const { service } = setup({ api });
    const answer = await service.handle({ type: "lookup", plan: [{ by: "siren", value: "12" }, { by: "domain", value: "danone.com" }] }, TAB);
    expect(answer).toMatchObject({ ok: true, value: { lead: { id: lead.id } } });
  });

  it("serves a repeated look-up from cache, then stale with a pushed refresh to the asking tab", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    const { service, notified, advance } = setup({ api });
    await service.handle(lookup("danone.com"), TAB);
    await service.handle(lookup("danone.com"), TAB);
    expect(api.lookupLead).toHaveBeenCalledTimes(1);

    advance(61_000);
    const rescored = { ...lead, score: { ...lead.score, value: 90 } };
    api.lookupLead.mockResolvedValueOnce({ lead: rescored, matchedBy: "domain" });
    expect(await service.handle(lookup("danone.com"), TAB)).toMatchObject({ ok: true, value: { stale: true, lead: { score: { value: 74.6 } } } });
    await vi.waitFor(() => expect(notified).toHaveLength(1));
    expect(notified[0]).toEqual([7, { type: "lookup-refreshed", outcome: expect.objectContaining({ planKey: "domain=danone.com", stale: false, lead: rescored }) }]);
  });

  it("after accepting, answers the lead as the API now has it and updates the cached look-ups", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    const { service } = setup({ api });
    await service.handle(lookup("danone.com"), TAB);
    const accepted = await service.handle({ type: "transition", leadId: lead.id, action: "accept" }, TAB);
    expect(accepted).toMatchObject({ ok: true, value: { id: lead.id, status: "sql" } });
    expect(api.transitionLead).toHaveBeenCalledWith(lead.id, { action: "accept" });
    // The transition's answer carried the lead: no extra read; the page's cached look-up shows SQL at once.
    expect(api.getLead).not.toHaveBeenCalled();
    expect(await service.handle(lookup("danone.com"), TAB)).toMatchObject({ ok: true, value: { lead: { status: "sql" }, stale: false } });
    expect(api.lookupLead).toHaveBeenCalledTimes(1);
  });

  it("drops the cached lead when an action is refused (someone else decided meanwhile)", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    const { service } = setup({ api });
    await service.handle(lookup("danone.com"), TAB);
    api.transitionLead.mockRejectedValueOnce(httpError(409, "conflict", "lead is sql"));
    expect(await service.handle({ type: "transition", leadId: lead.id, action: "accept" }, TAB)).toMatchObject({
      ok: false,
      error: { kind: "api", status: 409, message: "lead is sql" },
    });
    await service.handle(lookup("danone.com"), TAB);
    expect(api.lookupLead).toHaveBeenCalledTimes(2);
  });

  it("re-reads the lead when an action's answer does not carry it", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    const { service } = setup({ api });
    expect(await service.handle({ type: "add-note", leadId: lead.id, body: "Rappeler" }, TAB)).toMatchObject({ ok: true, value: { id: lead.id } });
    expect(api.addNote).toHaveBeenCalledWith(lead.id, { body: "Rappeler" });
    expect(api.getLead).toHaveBeenCalledWith(lead.id);
  });

  it("after linking, pages that found nothing look again", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    const { service } = setup({ api });
    const plan = { type: "lookup", plan: [{ by: "linkedin", value: "https://www.linkedin.com/company/danone-france/" }] };
    expect(await service.handle(plan, TAB)).toMatchObject({ ok: true, value: { lead: null } });
    await service.handle({ type: "link", leadId: lead.id, target: { kind: "linkedin-company", value: "https://www.linkedin.com/company/danone-france/" } }, TAB);
    expect(api.linkLead).toHaveBeenCalledWith(lead.id, { kind: "linkedin-company", value: "https://www.linkedin.com/company/danone-france/" });
    api.lookupLead.mockResolvedValueOnce({ lead, matchedBy: "linkedin link" });
    expect(await service.handle(plan, TAB)).toMatchObject({ ok: true, value: { lead: { id: lead.id } } });
  });

  it("forgets every cached look-up when the settings change (another key may be another workspace)", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    const { service } = setup({ api });
    await service.handle(lookup("danone.com"), TAB);
    service.settingsChanged();
    await service.handle(lookup("danone.com"), TAB);
    expect(api.lookupLead).toHaveBeenCalledTimes(2);
  });

  it("tests a connection with the settings typed in the options page, and only from an extension page", async () => {
    const { service, deps } = setup({ settings: { apiBaseUrl: "", apiKey: "" } });
    const req = { type: "test-connection", baseUrl: "https://sillage.example.workers.dev/", apiKey: KEY };
    expect(await service.handle(req, TAB)).toMatchObject({ ok: false, error: { kind: "invalid-request" } });
    expect(await service.handle(req, PAGE)).toEqual({ ok: true, value: { workspaceName: "Démo Sillage", role: "admin" } });
    expect(deps.createApi).toHaveBeenCalledWith({ apiBaseUrl: "https://sillage.example.workers.dev", apiKey: KEY });
    expect(deps.hasOriginPermission).toHaveBeenCalledWith("https://sillage.example.workers.dev/*");
    // An address without a key would send the SAVED key to it: refused.
    expect(await service.handle({ type: "test-connection", baseUrl: "https://evil.example" }, PAGE)).toMatchObject({
      ok: false,
      error: { kind: "invalid-request" },
    });
  });
});
