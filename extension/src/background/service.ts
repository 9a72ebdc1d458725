/**
 * The background's request handlers, with the browser reached only through `BackgroundDeps` so that the
 * whole protocol (settings, permission, cache, invalidation, error mapping) is unit-tested with fakes.
 */
import type { LeadDetail } from "@sillage/shared/api/leads";
import {
  CONTENT_SCRIPT_REQUESTS,
  planKey,
  requestProblem,
  type Failure,
  type LookupOutcome,
  type PageContext,
  type PagePush,
  type PanelPush,
  type Request,
  type RequestOf,
  type RequestType,
  type ResponseMap,
  type Result,
} from "../messages";
import type { LeadCorrectionResult } from "@sillage/shared/api/networks";
import { toFailure, type LeadsApi } from "./api-port";
import type { LookupAnswer } from "./lookup-answer";
import { runPlan } from "./run-plan";
import { normalizeBaseUrl, originPattern, type Settings } from "./settings";
import { SwrCache } from "./swr-cache";

/** Documents remembered per tab: the current one, and the few before it whose panel or late report may still
 * arrive (a full navigation, back and forward through the back/forward cache). */
const DOCS_PER_TAB = 4;

/** A look-up is fresh for a minute, then served stale (and refreshed) for up to ten. */
export const LOOKUP_FRESH_MS = 60_000;
export const LOOKUP_MAX_STALE_MS = 10 * 60_000;
export const LOOKUP_MAX_ENTRIES = 50;

export interface BackgroundDeps {
  loadSettings(): Promise<Partial<Settings>>;
  /** Whether the extension may call this origin pattern (optional host permission granted). */
  hasOriginPermission(pattern: string): Promise<boolean>;
  createApi(settings: Settings): LeadsApi;
  /** Pushes to the lead panel(s) open in a tab (a refreshed look-up, the page's new context): with `doc`, only to
   * the panel that document framed (and to panels that named no document; `""` reaches only those). */
  notifyPanel(tabId: number, message: PanelPush, doc?: string): void;
  /** Tells a tab's content script (top frame) something: the panel was closed, or report your context again. */
  notifyPage(tabId: number, message: PagePush): void;
  openOptions(): Promise<void>;
  /** Called after the cache changed, to persist it (debounced by the caller). */
  onCacheChanged?(cache: SwrCache<LookupAnswer>): void;
  now?: () => number;
}

export interface SenderInfo {
  /** The tab of a content script or of the lead panel (an extension page framed in the tab); absent for the
   * popup and the options page. */
  tabId?: number;
  /** An extension page (the lead panel, the popup, the options page), as opposed to a content script in a web page. */
  fromExtensionPage: boolean;
}

type Handlers = { [K in RequestType]: (req: RequestOf<K>, sender: SenderInfo) => Promise<ResponseMap[K]> };

class FailureError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

export function createBackgroundService(deps: BackgroundDeps) {
  const cache = new SwrCache<LookupAnswer>({
    freshMs: LOOKUP_FRESH_MS,
    maxStaleMs: LOOKUP_MAX_STALE_MS,
    maxEntries: LOOKUP_MAX_ENTRIES,
    now: deps.now,
  });
  const changed = () => deps.onCacheChanged?.(cache);
  /**
   * What each document of each tab is about, as its content script last said; the panel that document framed
   * shows it, and no other. Kept per document, not per tab: across a full navigation the new document's report,
   * its panel's port and the previous document's last messages arrive in any order (different processes), and
   * the last to arrive must not decide what the new panel shows. `""` stands for a document that named itself not.
   */
  const contexts = new Map<number, Map<string, PageContext | null>>();
  function remember(tabId: number, doc: string, context: PageContext | null): void {
    const docs = contexts.get(tabId) ?? new Map<string, PageContext | null>();
    docs.delete(doc); // re-inserted last: the most recent report
    docs.set(doc, context);
    for (const old of docs.keys()) if (docs.size > DOCS_PER_TAB) docs.delete(old);
    contexts.set(tabId, docs);
  }

  /** The client for the saved settings, kept until they or the granted origins change (two browser calls saved
   * on every look-up). Failures are not kept: the user fixes them in the options page. */
  let savedApi: Promise<LeadsApi> | null = null;
  function apiFor(given?: { baseUrl?: string; apiKey?: string }): Promise<LeadsApi> {
    if (given?.baseUrl !== undefined) return clientFor({ apiBaseUrl: given.baseUrl, apiKey: given.apiKey });
    if (!savedApi) {
      const made = deps.loadSettings().then(clientFor);
      savedApi = made;
      made.catch(() => {
        if (savedApi === made) savedApi = null;
      });
    }
    return savedApi;
  }

  async function clientFor(saved: Partial<Settings>): Promise<LeadsApi> {
    const baseUrl = saved.apiBaseUrl ? normalizeBaseUrl(saved.apiBaseUrl) : null;
    const apiKey = saved.apiKey?.trim();
    if (!baseUrl || !apiKey) throw new FailureError({ kind: "not-configured" });
    const pattern = originPattern(baseUrl);
    if (!(await deps.hasOriginPermission(pattern))) throw new FailureError({ kind: "no-permission", origin: new URL(baseUrl).origin });
    return deps.createApi({ apiBaseUrl: baseUrl, apiKey });
  }

  /**
   * Puts the lead as it now is into every cached look-up that showed it. `set` also disowns refreshes
   * started before the action, so an older answer cannot come back.
   */
  function storeLead(lead: LeadDetail): LeadDetail {
    cache.update(
      (a) => a.lead?.id === lead.id,
      (a) => ({ ...a, lead }),
    );
    changed();
    return lead;
  }

  /** Reads a lead afresh; when that fails, the look-ups that showed it are dropped (known out of date). */
  async function refreshLead(api: LeadsApi, leadId: string): Promise<LeadDetail> {
    try {
      return storeLead(await api.getLead(leadId));
    } catch (err) {
      if (cache.invalidate((a) => a.lead?.id === leadId) > 0) changed();
      throw err;
    }
  }

  /**
   * Runs an action on a lead, then answers the lead as it now is: the one the API sent back with its answer
   * (transitions, notes and links do), else read again. A refused action (409: someone else changed the
   * status meanwhile) also means the cached lead is out of date, so it is dropped.
   */
  async function act(leadId: string, action: (api: LeadsApi) => Promise<unknown>): Promise<LeadDetail> {
    const api = await apiFor();
    let answer: unknown;
    try {
      answer = await action(api);
    } catch (err) {
      if (cache.invalidate((a) => a.lead?.id === leadId) > 0) changed();
      throw err;
    }
    const lead = (answer as { lead?: LeadDetail } | null)?.lead;
    return lead && lead.id === leadId ? storeLead(lead) : refreshLead(api, leadId);
  }

  const handlers: Handlers = {
    async lookup(req, sender) {
      const api = await apiFor();
      const key = planKey(req.plan);
      const hit = await cache.get(
        key,
        () => runPlan(api, req.plan),
        (answer) => {
          changed();
          if (sender.tabId !== undefined) deps.notifyPanel(sender.tabId, { type: "lookup-refreshed", outcome: { planKey: key, ...answer, stale: false } });
        },
      );
      if (hit.freshness === "miss") changed();
      const outcome: LookupOutcome = { planKey: key, ...hit.value, stale: hit.freshness === "stale" };
      return outcome;
    },
    async "get-lead"(req) {
      return refreshLead(await apiFor(), req.leadId);
    },
    async "list-leads"(req) {
      const api = await apiFor();
      const list = await api.listLeads({ q: req.q || undefined, status: req.status, limit: req.limit ?? 50, sort: "score", order: "desc" });
      return list.items;
    },
    async transition(req) {
      return act(req.leadId, (api) =>
        api.transitionLead(req.leadId, {
          action: req.action,
          ...(req.reasonCode ? { reasonCode: req.reasonCode } : {}),
          ...(req.note ? { note: req.note } : {}),
        }),
      );
    },
    async "add-note"(req) {
      return act(req.leadId, (api) => api.addNote(req.leadId, { body: req.body }));
    },
    async link(req) {
      return act(req.leadId, async (api) => {
        const result = await api.linkLead(req.leadId, { kind: req.target.kind, value: req.target.value });
        const movedFrom = result.movedFrom;
        // Pages that found nothing (or are still asking) may now find this lead; the lead the link was taken
        // from lost a page.
        cache.invalidate((a) => a.lead === null || (movedFrom !== null && a.lead.id === movedFrom), { pending: true });
        return result;
      });
    },
    async "test-connection"(req) {
      const api = await apiFor(req.baseUrl !== undefined ? { baseUrl: req.baseUrl, apiKey: req.apiKey } : undefined);
      const me = await api.me();
      return { workspaceName: me.workspace.name, role: me.role };
    },
    async "open-options"() {
      await deps.openOptions();
      return null;
    },
    async "page-context"(req, sender) {
      const tabId = sender.tabId!;
      remember(tabId, req.doc ?? "", req.context);
      pushContext(tabId, req.context, req.doc ?? "");
      // Start the look-up now, while the panel's frame loads: its own request then joins this one (or reads
      // its answer from the cache), and a stale answer is refreshed. A failure here is the panel's to report,
      // when it asks.
      if (req.context) startLookup(tabId, req.context);
      return null;
    },
    async "close-panel"(_req, sender) {
      if (sender.tabId !== undefined) deps.notifyPage(sender.tabId, { type: "panel-closed" });
      return null;
    },
    async "panel-size"(req, sender) {
      if (sender.tabId !== undefined) deps.notifyPage(sender.tabId, { type: "panel-size", height: req.height });
      return null;
    },
    async "correct-identity"(req) {
      const api = await apiFor();
      let result: LeadCorrectionResult | undefined;
      try {
        result = await api.correctLeadIdentity(req.leadId, req.correction);
      } finally {
        // Right or refused, what was cached about this lead (and pages that found nothing) may be wrong now.
        if (cache.invalidate((a) => a.lead === null || a.lead.id === req.leadId || a.lead.id === result?.leadId, { pending: true }) > 0) changed();
      }
      const { leadId, reattributedHits } = result;
      const lead = leadId ? await refreshLead(api, leadId) : null;
      return { leadId, reattributedHits, lead };
    },
  };

  /** A document's context to the panel it framed, with the answer when the cache has it: one message, no request. */
  function pushContext(tabId: number, context: PageContext | null, doc: string): void {
    const known = context ? cache.peek(planKey(context.plan)) : null;
    const lookup: LookupOutcome | undefined =
      known && context ? { planKey: planKey(context.plan), ...known.value, stale: known.freshness === "stale" } : undefined;
    deps.notifyPanel(tabId, { type: "page-context", context, ...(lookup ? { lookup } : {}) }, doc);
  }

  function startLookup(tabId: number, context: PageContext): void {
    handlers.lookup({ type: "lookup", plan: context.plan }, { tabId, fromExtensionPage: true }).catch(() => {});
  }

  return {
    cache,
    /** Answers one message; never throws. */
    async handle(raw: unknown, sender: SenderInfo): Promise<Result<unknown>> {
      const problem = requestProblem(raw);
      if (problem) return { ok: false, error: { kind: "invalid-request", message: problem } };
      const req = raw as Request;
      // A content script only reports its page; reading or changing leads is for extension pages only.
      if (CONTENT_SCRIPT_REQUESTS.has(req.type)) {
        if (sender.fromExtensionPage || sender.tabId === undefined) {
          return { ok: false, error: { kind: "invalid-request", message: `${req.type} is for content scripts only` } };
        }
      } else if (!sender.fromExtensionPage) {
        return { ok: false, error: { kind: "invalid-request", message: `${req.type} is for extension pages only` } };
      }
      try {
        const handler = handlers[req.type] as (r: Request, s: SenderInfo) => Promise<unknown>;
        return { ok: true, value: await handler(req, sender) };
      } catch (err) {
        return { ok: false, error: err instanceof FailureError ? err.failure : toFailure(err) };
      }
    },
    /**
     * A lead panel opened its port in a tab: it gets its document's context at once. When the background does
     * not know it, the page is asked to report it again: the service worker restarted and forgot the tab, or
     * this document's report went to a worker that stopped since, or (a full navigation) the new page is not read
     * yet — its content script then answers "nothing yet" and reports the page once read. A panel that named no
     * document gets the tab's latest report.
     */
    panelConnected(tabId: number, doc?: string): void {
      const docs = contexts.get(tabId);
      const key = doc ?? (docs ? [...docs.keys()].at(-1) : undefined);
      if (!docs || key === undefined || !docs.has(key)) {
        deps.notifyPage(tabId, { type: "report-context" });
        return;
      }
      const context = docs.get(key)!;
      pushContext(tabId, context, doc ?? "");
      // A stale answer was pushed: its refresh (deduplicated) reaches this panel too.
      if (context && cache.peek(planKey(context.plan))?.freshness === "stale") startLookup(tabId, context);
    },
    tabClosed(tabId: number): void {
      contexts.delete(tabId);
    },
    /** Another API or key means another workspace: nothing cached may be shown any more. */
    settingsChanged(): void {
      savedApi = null;
      cache.clear();
      changed();
    },
    /** The user granted or withdrew an origin: the API's origin may be allowed now, or no longer. */
    permissionsChanged(): void {
      savedApi = null;
    },
  };
}

export type BackgroundService = ReturnType<typeof createBackgroundService>;
