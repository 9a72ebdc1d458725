import { describe, expect, it, vi } from "vitest";
import type { LeadDetail, LeadLookupQuery } from "@sillage/shared/api/leads";
import { SillageApiError, SillageUnreachableError } from "@sillage/shared/api-client";
import { sampleLeadDetail } from "../panel/sample-lead-detail";
import type { PagePush, PanelPush } from "../messages";
import type { LeadsApi } from "./api-port";
import { PanelPorts } from "./panel-ports";
import { createBackgroundService, type BackgroundDeps, type SenderInfo } from "./service";

const KEY = "slg_" + "a".repeat(40);
/** The lead panel, an extension page framed in tab 7. */
const TAB: SenderInfo = { tabId: 7, fromExtensionPage: true };
/** The content script of tab 7's page. */
const CONTENT: SenderInfo = { tabId: 7, fromExtensionPage: false };
/** The popup or the options page (no tab). */
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
    correctLeadIdentity: vi.fn(async (): Promise<{ leadId: string | null; reattributedHits: number }> => ({ leadId: null, reattributedHits: 0 })),
  };
  return api;
}

function setup({ api = fakeApi(), settings = { apiBaseUrl: "http://127.0.0.1:8787", apiKey: KEY }, granted = true } = {}) {
  let now = 0;
  const notified: Array<[number, PanelPush]> = [];
  const told: Array<[number, PagePush]> = [];
  // The entrypoint's own port registry, with fake ports: what each panel receives.
  const ports = new PanelPorts<{ postMessage(m: unknown): void }>();
  const deps: BackgroundDeps = {
    loadSettings: async () => settings,
    hasOriginPermission: vi.fn(async () => granted),
    // The fake answers the contract's shapes where the background reads them, loosely elsewhere.
    createApi: vi.fn(() => api as unknown as LeadsApi),
    notifyPanel: (tabId, message, doc) => {
      notified.push([tabId, message]);
      ports.post(tabId, message, doc);
    },
    notifyPage: (tabId, message) => told.push([tabId, message]),
    openOptions: vi.fn(async () => {}),
    now: () => now,
  };
  const service = createBackgroundService(deps);
  /** The lead panel a document framed in tab 7, its port open: the pages it was handed, in order. */
  const panel = (doc: string) => {
    const received: PanelPush[] = [];
    const close = ports.add(7, { postMessage: (m) => received.push(m as PanelPush) }, doc);
    const pages = () => received.flatMap((m) => (m.type === "page-context" ? [m.context?.key ?? null] : []));
    return { received, pages, close };
  };
  return { service, deps, api, notified, told, panel, advance: (ms: number) => (now += ms) };
}

/** The service, its fake API knowing one lead (the sample, Danone). */
function setupWithLead() {
  const lead = sampleLeadDetail();
  return { lead, ...setup({ api: fakeApi({ [lead.id]: lead }) }) };
}

/** A look-up request asking the keys in this order. */
const lookupBy = (...keys: Array<[by: string, value: string]>) => ({ type: "lookup", plan: keys.map(([by, value]) => ({ by, value })) });
const lookup = (domain: string) => lookupBy(["domain", domain]);
/** What a content script reports of a page found by its domain. */
const pageContext = (domain: string, hint: string) => ({ key: `domain=${domain}`, plan: [{ by: "domain", value: domain }], link: null, hint });
/** What a content script reports, and the document it reports from. */
const report = (context: ReturnType<typeof pageContext> | null, doc: string) => ({ type: "page-context", context, doc });
const DANONE = pageContext("danone.com", "Danone");
const LAPOSTE = pageContext("laposte.fr", "La Poste");
const DOC_1 = "doc-11111111";
const DOC_2 = "doc-22222222";

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
    api.lookupLead.mockRejectedValueOnce(
      new SillageUnreachableError("http://127.0.0.1:8787/api/v1/leads/lookup", "Sillage API unreachable (network error: Failed to fetch)"),
    );
    expect(await service.handle(lookup("b.fr"), TAB)).toEqual({
      ok: false,
      error: { kind: "unreachable", message: "Sillage API unreachable (network error: Failed to fetch)" },
    });
    api.lookupLead.mockRejectedValueOnce(httpError(500, "internal", "Something went wrong", "req_42"));
    expect(await service.handle(lookup("c.fr"), TAB)).toEqual({
      ok: false,
      error: { kind: "api", status: 500, code: "internal", message: "Something went wrong", requestId: "req_42" },
    });
  });

  it("asks the plan's keys at once and answers the most specific key that found a lead", async () => {
    const { lead, api, service } = setupWithLead();
    const answer = await service.handle(lookupBy(["siren", "123"], ["domain", "danone.com"], ["name", "Danone"]), TAB);
    expect(answer).toMatchObject({ ok: true, value: { lead: { id: lead.id }, via: { by: "domain", value: "danone.com" }, matchedBy: "domain", stale: false } });
    // All three asked before any answer came back: one API round trip, not one per key.
    expect(api.lookupLead.mock.calls.map(([q]) => q)).toEqual([{ siren: "123" }, { domain: "danone.com" }, { name: "Danone" }]);
  });

  it("a more specific key's failure ends the look-up even when a later key found the lead", async () => {
    const { api, service } = setupWithLead();
    api.lookupLead.mockRejectedValueOnce(httpError(503, "unavailable"));
    const answer = await service.handle(lookupBy(["siren", "552032534"], ["domain", "danone.com"]), TAB);
    expect(answer).toMatchObject({ ok: false, error: { kind: "api", status: 503 } });
  });

  it("reads the settings and the origin's permission once, until they change", async () => {
    const { service, deps } = setupWithLead();
    await service.handle(lookup("a.fr"), TAB);
    await service.handle(lookup("b.fr"), TAB);
    expect(deps.hasOriginPermission).toHaveBeenCalledTimes(1);
    service.permissionsChanged();
    await service.handle(lookup("c.fr"), TAB);
    expect(deps.hasOriginPermission).toHaveBeenCalledTimes(2);
    service.settingsChanged();
    await service.handle(lookup("d.fr"), TAB);
    expect(deps.hasOriginPermission).toHaveBeenCalledTimes(3);
  });

  it("skips a key the API refuses as malformed and goes on with the next", async () => {
    const { lead, api, service } = setupWithLead();
    api.lookupLead.mockRejectedValueOnce(httpError(400, "bad_request"));
    const answer = await service.handle(lookupBy(["siren", "12"], ["domain", "danone.com"]), TAB);
    expect(answer).toMatchObject({ ok: true, value: { lead: { id: lead.id } } });
  });

  it("serves a repeated look-up from cache, then stale with a pushed refresh to the asking tab", async () => {
    const { lead, api, service, notified, advance } = setupWithLead();
    await service.handle(lookup("danone.com"), TAB);
    await service.handle(lookup("danone.com"), TAB);
    expect(api.lookupLead).toHaveBeenCalledTimes(1);

    advance(61_000);
    const rescored = { ...lead, score: { ...lead.score, value: 90 } };
    api.lookupLead.mockResolvedValueOnce({ lead: rescored, matchedBy: "domain" });
    expect(await service.handle(lookup("danone.com"), TAB)).toMatchObject({ ok: true, value: { stale: true, lead: { score: { value: 74.6 } } } });
    await vi.waitFor(() => expect(notified).toHaveLength(1));
    expect(notified[0]).toEqual([
      7,
      { type: "lookup-refreshed", outcome: expect.objectContaining({ planKey: "domain=danone.com", stale: false, lead: rescored }) },
    ]);
  });

  it("after accepting, answers the lead as the API now has it and updates the cached look-ups", async () => {
    const { lead, api, service } = setupWithLead();
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
    const { lead, api, service } = setupWithLead();
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
    const { lead, api, service } = setupWithLead();
    expect(await service.handle({ type: "add-note", leadId: lead.id, body: "Rappeler" }, TAB)).toMatchObject({ ok: true, value: { id: lead.id } });
    expect(api.addNote).toHaveBeenCalledWith(lead.id, { body: "Rappeler" });
    expect(api.getLead).toHaveBeenCalledWith(lead.id);
  });

  it("after linking, pages that found nothing look again", async () => {
    const { lead, api, service } = setupWithLead();
    const plan = lookupBy(["linkedin", "https://www.linkedin.com/company/danone-france/"]);
    expect(await service.handle(plan, TAB)).toMatchObject({ ok: true, value: { lead: null } });
    await service.handle(
      { type: "link", leadId: lead.id, target: { kind: "linkedin-company", value: "https://www.linkedin.com/company/danone-france/" } },
      TAB,
    );
    expect(api.linkLead).toHaveBeenCalledWith(lead.id, { kind: "linkedin-company", value: "https://www.linkedin.com/company/danone-france/" });
    api.lookupLead.mockResolvedValueOnce({ lead, matchedBy: "linkedin link" });
    expect(await service.handle(plan, TAB)).toMatchObject({ ok: true, value: { lead: { id: lead.id } } });
  });

  it("forgets every cached look-up when the settings change (another key may be another workspace)", async () => {
    const { api, service } = setupWithLead();
    await service.handle(lookup("danone.com"), TAB);
    service.settingsChanged();
    await service.handle(lookup("danone.com"), TAB);
    expect(api.lookupLead).toHaveBeenCalledTimes(2);
  });

  it("tests a connection with the settings typed in the options page, and only from an extension page", async () => {
    const { service, deps } = setup({ settings: { apiBaseUrl: "", apiKey: "" } });
    const req = { type: "test-connection", baseUrl: "https://sillage.example.workers.dev/", apiKey: KEY };
    expect(await service.handle(req, CONTENT)).toMatchObject({ ok: false, error: { kind: "invalid-request" } });
    expect(await service.handle(req, PAGE)).toEqual({ ok: true, value: { workspaceName: "Démo Sillage", role: "admin" } });
    expect(deps.createApi).toHaveBeenCalledWith({ apiBaseUrl: "https://sillage.example.workers.dev", apiKey: KEY });
    expect(deps.hasOriginPermission).toHaveBeenCalledWith("https://sillage.example.workers.dev/*");
    // An address without a key would send the SAVED key to it: refused.
    expect(await service.handle({ type: "test-connection", baseUrl: "https://evil.example" }, PAGE)).toMatchObject({
      ok: false,
      error: { kind: "invalid-request" },
    });
  });

  it("a content script only reports its page: it can neither read nor change a lead", async () => {
    const { lead, service, api } = setupWithLead();
    for (const req of [
      lookup("danone.com"),
      { type: "get-lead", leadId: lead.id },
      { type: "list-leads" },
      { type: "transition", leadId: lead.id, action: "accept" },
      { type: "add-note", leadId: lead.id, body: "x" },
      { type: "correct-identity", leadId: lead.id, correction: { action: "operator", kind: "isp" } },
    ]) {
      expect(await service.handle(req, CONTENT), req.type).toMatchObject({
        ok: false,
        error: { kind: "invalid-request", message: expect.stringContaining("extension pages only") },
      });
    }
    expect(api.lookupLead).not.toHaveBeenCalled();
    expect(api.transitionLead).not.toHaveBeenCalled();
    // …and only a content script reports a page.
    const context = pageContext("danone.com", "Danone");
    expect(await service.handle({ type: "page-context", context }, TAB)).toMatchObject({ ok: false, error: { kind: "invalid-request" } });
  });

  it("hands the page's context to the tab's panel and starts its look-up before the panel asks", async () => {
    const { lead, service, api, notified, told } = setupWithLead();
    const context = pageContext("danone.com", "Danone");
    expect(await service.handle({ type: "page-context", context }, CONTENT)).toEqual({ ok: true, value: null });
    expect(notified).toEqual([[7, { type: "page-context", context }]]);
    await vi.waitFor(() => expect(api.lookupLead).toHaveBeenCalledTimes(1));
    // The panel's own request is answered from that look-up.
    expect(await service.handle(lookup("danone.com"), TAB)).toMatchObject({ ok: true, value: { lead: { id: lead.id } } });
    expect(api.lookupLead).toHaveBeenCalledTimes(1);
    // A panel that connects later gets it at once, with the answer (no request of its own); a tab the
    // background knows nothing of is asked again.
    service.panelConnected(7);
    expect(notified.at(-1)).toEqual([
      7,
      { type: "page-context", context, lookup: { planKey: context.key, lead, matchedBy: "domain", via: context.plan[0], stale: false } },
    ]);
    service.panelConnected(8);
    expect(told).toEqual([[8, { type: "report-context" }]]);
    // Closing the panel is said to the page's content script.
    await service.handle({ type: "close-panel" }, TAB);
    expect(told.at(-1)).toEqual([7, { type: "panel-closed" }]);
    await service.handle({ type: "panel-size", height: 420 }, TAB);
    expect(told.at(-1)).toEqual([7, { type: "panel-size", height: 420 }]);
  });

  it("a page whose answer is cached reaches the panel with it, in one message; a stale one is refreshed", async () => {
    const { lead, service, api, notified, advance } = setupWithLead();
    const context = pageContext("danone.com", "Danone");
    await service.handle(lookup("danone.com"), TAB);
    notified.length = 0;
    await service.handle({ type: "page-context", context }, CONTENT);
    expect(notified).toEqual([[7, { type: "page-context", context, lookup: expect.objectContaining({ lead, stale: false }) }]]);
    expect(api.lookupLead).toHaveBeenCalledTimes(1);

    // Past its freshness: pushed as stale at once, and the refresh that differs follows on the port.
    advance(61_000);
    const rescored = { ...lead, score: { ...lead.score, value: 90 } };
    api.lookupLead.mockResolvedValueOnce({ lead: rescored, matchedBy: "domain" });
    notified.length = 0;
    service.panelConnected(7);
    expect(notified[0]).toEqual([7, { type: "page-context", context, lookup: expect.objectContaining({ lead, stale: true }) }]);
    await vi.waitFor(() => expect(notified).toHaveLength(2));
    expect(notified[1]).toEqual([7, { type: "lookup-refreshed", outcome: expect.objectContaining({ lead: rescored, stale: false }) }]);
  });

  it("a panel framed by the tab's next document is not handed the previous document's page", async () => {
    const { service, notified, told } = setupWithLead();
    const danone = pageContext("danone.com", "Danone");
    const laposte = pageContext("laposte.fr", "La Poste");
    await service.handle({ type: "page-context", context: danone, doc: "doc-aaaaaaaa" }, CONTENT);
    await service.handle(lookup("danone.com"), TAB);
    notified.length = 0;
    // Full navigation: the new document's panel connects before its content script has read the page. It is
    // not handed the previous page; the page is asked (it answers once read, or "nothing yet" — see below).
    service.panelConnected(7, "doc-bbbbbbbb");
    expect(notified).toEqual([]);
    expect(told).toEqual([[7, { type: "report-context" }]]);
    await service.handle({ type: "page-context", context: laposte, doc: "doc-bbbbbbbb" }, CONTENT);
    expect(notified).toEqual([[7, { type: "page-context", context: laposte }]]);
    // The same document's panel reconnecting (the service worker dropped its port) gets its page again.
    service.panelConnected(7, "doc-bbbbbbbb");
    expect(notified.at(-1)).toEqual([7, { type: "page-context", context: laposte }]);
    // A malformed document id is refused.
    expect(await service.handle({ type: "page-context", context: laposte, doc: "<script>" }, CONTENT)).toMatchObject({ ok: false });
  });

  describe("a full navigation in a tab: the new document's panel shows the new page, whatever the order", () => {
    // A full navigation: document 1 (and its panel) goes, document 2 comes. Its content script's report, its
    // panel's port, and document 1's last messages come from different processes, in any order.

    it("document 1's late report reaches neither document 2's panel nor what it is handed on connecting", async () => {
      const { service, panel } = setup();
      const first = panel(DOC_1);
      await service.handle(report(DANONE, DOC_1), CONTENT);
      const second = panel(DOC_2);
      await service.handle(report(LAPOSTE, DOC_2), CONTENT);
      // Document 1 re-read its page once more before going (its page observer, an in-page navigation event).
      await service.handle(report(DANONE, DOC_1), CONTENT);
      await service.handle(report(null, DOC_1), CONTENT);
      expect(second.pages()).toEqual([LAPOSTE.key]);
      expect(first.pages()).toEqual([DANONE.key, DANONE.key, null]);
      // Its port reconnects (a dropped port): still its own page.
      service.panelConnected(7, DOC_2);
      expect(second.pages()).toEqual([LAPOSTE.key, LAPOSTE.key]);
    });

    it("document 2's panel connecting after document 1's late report still gets document 2's page", async () => {
      const { service, panel } = setup();
      await service.handle(report(DANONE, DOC_1), CONTENT);
      await service.handle(report(LAPOSTE, DOC_2), CONTENT);
      await service.handle(report(DANONE, DOC_1), CONTENT);
      const second = panel(DOC_2);
      service.panelConnected(7, DOC_2);
      expect(second.pages()).toEqual([LAPOSTE.key]);
    });

    it("the worker restarted and only document 1's late report reached it: document 2's panel asks its page again", async () => {
      const before = setup();
      await before.service.handle(report(LAPOSTE, DOC_2), CONTENT);
      // A new worker (the old one stopped, and its memory with it); document 1's last message wakes it.
      const { service, panel, told } = setup();
      await service.handle(report(DANONE, DOC_1), CONTENT);
      const second = panel(DOC_2);
      service.panelConnected(7, DOC_2);
      expect(second.pages()).toEqual([]);
      expect(told).toEqual([[7, { type: "report-context" }]]);
      // Document 2's content script answers with what it read.
      await service.handle(report(LAPOSTE, DOC_2), CONTENT);
      expect(second.pages()).toEqual([LAPOSTE.key]);
    });

    it("a panel that connects before its page is read shows 'loading', then its page, never the tab's previous one", async () => {
      const { service, panel, told } = setup();
      await service.handle(report(DANONE, DOC_1), CONTENT);
      const second = panel(DOC_2);
      service.panelConnected(7, DOC_2);
      expect(told).toEqual([[7, { type: "report-context" }]]);
      // The content script has not read its page yet: "nothing yet" (the panel shows its loading state).
      await service.handle(report(null, DOC_2), CONTENT);
      await service.handle(report(LAPOSTE, DOC_2), CONTENT);
      expect(second.pages()).toEqual([null, LAPOSTE.key]);
    });
  });

  it("a look-up in flight when the page is linked does not bring 'no lead' back into the cache", async () => {
    const lead = sampleLeadDetail();
    const api = fakeApi({ [lead.id]: lead });
    let answer!: (v: { lead: null; matchedBy: string }) => void;
    api.lookupLead.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { service } = setup({ api });
    const plan = { type: "lookup", plan: [{ by: "linkedin", value: "https://www.linkedin.com/company/pennylane/" }] };
    // The page's look-up (started with its report) is still waiting for the API when the salesperson links it.
    const pending = service.handle(plan, TAB);
    await vi.waitFor(() => expect(api.lookupLead).toHaveBeenCalledTimes(1));
    await service.handle({ type: "link", leadId: lead.id, target: { kind: "linkedin-company", value: "https://www.linkedin.com/company/pennylane/" } }, TAB);
    answer({ lead: null, matchedBy: "no lead with this linkedin link" });
    await pending;
    api.lookupLead.mockResolvedValueOnce({ lead, matchedBy: "linkedin link" } as never);
    expect(await service.handle(plan, TAB)).toMatchObject({ ok: true, value: { lead: { id: lead.id } } });
  });

  it("wrong company: sends the correction, forgets what was cached, and answers the lead the visits went to", async () => {
    const lead = sampleLeadDetail();
    const other = { ...sampleLeadDetail(), id: "lead_other", company: { ...lead.company, name: "GERVAIS DANONE", siren: "552032534" } };
    const api = fakeApi({ [lead.id]: lead, [other.id]: other });
    api.correctLeadIdentity.mockResolvedValueOnce({ leadId: other.id, reattributedHits: 3 });
    const { service } = setup({ api });
    await service.handle(lookup("danone.com"), TAB);
    const correction = { action: "company", siren: "552032534" };
    expect(await service.handle({ type: "correct-identity", leadId: lead.id, correction }, TAB)).toMatchObject({
      ok: true,
      value: { leadId: other.id, reattributedHits: 3, lead: { id: other.id, company: { name: "GERVAIS DANONE" } } },
    });
    expect(api.correctLeadIdentity).toHaveBeenCalledWith(lead.id, correction);
    await service.handle(lookup("danone.com"), TAB);
    expect(api.lookupLead).toHaveBeenCalledTimes(2);

    // A lead no network named cannot be corrected: the API's refusal reaches the panel as it is.
    api.correctLeadIdentity.mockRejectedValueOnce(httpError(409, "not_network_identified", "this lead was not identified by its network"));
    expect(await service.handle({ type: "correct-identity", leadId: lead.id, correction: { action: "operator", kind: "vpn" } }, TAB)).toMatchObject({
      ok: false,
      error: { kind: "api", status: 409, code: "not_network_identified" },
    });
    // A malformed SIREN never leaves the extension.
    expect(await service.handle({ type: "correct-identity", leadId: lead.id, correction: { action: "company", siren: "55203" } }, TAB)).toMatchObject({
      ok: false,
      error: { kind: "invalid-request" },
    });
  });
});
