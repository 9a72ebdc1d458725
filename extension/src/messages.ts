/**
 * The message protocol between the extension's parts and the background service worker, which is the only
 * part that holds the API key and calls the Sillage API. Content scripts only report what the page is about
 * (`page-context`); everything that reads or changes a lead comes from extension pages (the lead panel, the
 * popup, the options page), never from a page's content script. Requests are validated on arrival; answers
 * are typed results, never thrown errors, so every caller has to handle "bad key" and "unreachable".
 */
import { LEAD_ACTIONS, OPERATOR_KINDS, type LeadAction, type OperatorKind } from "@sillage/shared/api/lead-actions";
import type { LeadDetail, LeadStatus, LeadSummary } from "@sillage/shared/api/leads";
import type { LeadCorrectionResult, NetworkCorrectionBody } from "@sillage/shared/api/networks";
import { isValidSiren } from "@sillage/shared/firmographics/siren";
import { browser } from "wxt/browser";

export { LEAD_ACTIONS, OPERATOR_KINDS, type LeadAction, type OperatorKind };

/** The single-key look-ups `GET /api/v1/leads/lookup` accepts (exactly one per request). `crm` is a CRM
 * record's URL, which the API reads as the record's identity. */
export const LOOKUP_BYS = ["linkedin", "contactLinkedin", "domain", "siren", "name", "crm"] as const;
export type LookupBy = (typeof LOOKUP_BYS)[number];
export interface LookupKey {
  by: LookupBy;
  value: string;
}

/** The link kinds the overlay makes (`POST /api/v1/leads/{id}/links`); a CRM record is sent as its URL. */
export const LINK_KINDS = ["linkedin-company", "linkedin-profile", "domain", "crm-record"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export interface LinkTarget {
  kind: LinkKind;
  value: string;
}

/** What the salesperson says is wrong with the identification (`POST /api/v1/leads/{id}/correction`): the
 * visitor's network is really this company (SIREN), or it is no company at all but an operator of this kind. */
export type IdentityCorrection = NetworkCorrectionBody;
export interface CorrectionOutcome extends LeadCorrectionResult {
  /** The lead the hits now belong to, as it now is; null when they went back to anonymous. */
  lead: LeadDetail | null;
}

/** What a content script read from its page: the look-ups to run, what to link, the search hint. */
export interface PageContext {
  /** Same key, same company: the panel keeps its view (e.g. moving between a company's LinkedIn tabs). */
  key: string;
  plan: LookupKey[];
  link: LinkTarget | null;
  /** The company name the page shows, to start the search with. */
  hint: string;
}

/** Why a request gave no answer. `api` carries the API's own message and request id for support. */
export type Failure =
  | { kind: "not-configured" }
  /** The user has not granted the extension access to the API's origin (optional host permission). */
  | { kind: "no-permission"; origin: string }
  | { kind: "bad-api-key" }
  | { kind: "unreachable"; message: string }
  | { kind: "api"; status: number; code: string; message: string; requestId: string }
  /** The extension was reloaded or updated under this page: the page must be reloaded. */
  | { kind: "extension"; message: string }
  | { kind: "invalid-request"; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export interface LookupOutcome {
  /** Identifies the look-up plan (the page), so pushed refreshes reach the right view. */
  planKey: string;
  lead: LeadDetail | null;
  /** The API's `matchedBy` for the key that matched, or for the last key tried. */
  matchedBy: string;
  /** The key that found the lead; null when none did. */
  via: LookupKey | null;
  /** Served from cache past its freshness: a refresh is on its way (`lookup-refreshed`). */
  stale: boolean;
}

export interface ConnectionInfo {
  workspaceName: string;
  role: string;
}

/** Every request and its payload. */
export interface RequestMap {
  /** Tries each key in order until one finds a lead. */
  lookup: { plan: LookupKey[] };
  "get-lead": { leadId: string };
  "list-leads": { q?: string; status?: LeadStatus; limit?: number };
  transition: { leadId: string; action: LeadAction; reasonCode?: string; note?: string };
  "add-note": { leadId: string; body: string };
  link: { leadId: string; target: LinkTarget };
  /** Calls `/api/v1/me` with the given settings (options page, before saving) or the saved ones. */
  "test-connection": { baseUrl?: string; apiKey?: string };
  "open-options": Record<string, never>;
  /** Content script → background: the page is now about this (null: nothing to show). */
  "page-context": { context: PageContext | null; doc?: string };
  /** Lead panel → background: the salesperson closed the panel. */
  "close-panel": Record<string, never>;
  /** Lead panel → background: the height its content needs (the page's frame is sized to it, so the page
   * below a short panel stays clickable). */
  "panel-size": { height: number };
  /** Lead panel → background: "wrong company?" */
  "correct-identity": { leadId: string; correction: IdentityCorrection };
}

/** What each request answers. Actions answer the lead as it is after the action. */
export interface ResponseMap {
  lookup: LookupOutcome;
  "get-lead": LeadDetail;
  "list-leads": LeadSummary[];
  transition: LeadDetail;
  "add-note": LeadDetail;
  link: LeadDetail;
  "test-connection": ConnectionInfo;
  "open-options": null;
  "page-context": null;
  "close-panel": null;
  "panel-size": null;
  "correct-identity": CorrectionOutcome;
}

export type RequestType = keyof RequestMap;
export type Request = { [K in RequestType]: { type: K } & RequestMap[K] }[RequestType];
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

/** Background → lead panel (its port): a stale look-up was revalidated and its answer changed. */
export interface LookupRefreshed {
  type: "lookup-refreshed";
  outcome: LookupOutcome;
}

/** Background → lead panel (its port): what the tab's page is about now, with its look-up's answer when the
 * background already has it (a cached answer: the panel shows the lead at once, without asking). */
export interface PageContextChanged {
  type: "page-context";
  context: PageContext | null;
  lookup?: LookupOutcome;
}

export type PanelPush = LookupRefreshed | PageContextChanged;

/** Background → the tab's content script: the panel was closed; or the background lost the page's context
 * (the service worker restarted) and asks for it again. */
export type PagePush = { type: "panel-closed" } | { type: "report-context" } | { type: "panel-size"; height: number };

/** The lead panel's port to the background (pushes: `PanelPush`). Named `sillage-panel#<doc>`: the document
 * whose content script framed it (the frame's URL fragment), so a panel is never handed the page its tab showed
 * before a full navigation. */
export const PANEL_PORT = "sillage-panel";

/** A document's id, as the content script makes it (the panel reads it from its URL's fragment). */
export const isDocId = (v: unknown): v is string => typeof v === "string" && /^[\w-]{8,64}$/.test(v);

/** The panel's document, from its port's name; undefined for a panel that names none. */
export function panelPortDoc(name: string): string | undefined | null {
  if (name === PANEL_PORT) return undefined;
  const doc = name.startsWith(`${PANEL_PORT}#`) ? name.slice(PANEL_PORT.length + 1) : null;
  return isDocId(doc) ? doc : null;
}

/** The only request a content script may send: it lives next to a page that may be hostile, so it reports
 * what it read and never sees nor changes a lead. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(["page-context"]);

/** A stable key for a plan: same keys in the same order, same cache entry. */
export function planKey(plan: readonly LookupKey[]): string {
  return plan.map((k) => `${k.by}=${k.value}`).join("|");
}

const MAX_TEXT = 5000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 500): v is string => typeof v === "string" && v.length > 0 && v.length <= max;
const optionalText = (v: unknown, max = 500) => v === undefined || (typeof v === "string" && v.length <= max);
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === "string" && (values as readonly string[]).includes(v);
const STATUSES: readonly LeadStatus[] = ["anonymous", "identified", "mql", "sql", "rejected", "nurturing"];

function isLookupKey(v: unknown): v is LookupKey {
  return isObject(v) && oneOf(LOOKUP_BYS, v.by) && isText(v.value, 300);
}

function isLinkTarget(v: unknown): v is LinkTarget {
  return isObject(v) && oneOf(LINK_KINDS, v.kind) && isText(v.value, 500);
}

function isPageContext(v: unknown): v is PageContext {
  return (
    isObject(v) &&
    isText(v.key, 2000) &&
    Array.isArray(v.plan) &&
    v.plan.length > 0 &&
    v.plan.length <= 6 &&
    v.plan.every(isLookupKey) &&
    (v.link === null || isLinkTarget(v.link)) &&
    typeof v.hint === "string" &&
    v.hint.length <= 300
  );
}

function isCorrection(v: unknown): v is IdentityCorrection {
  if (!isObject(v)) return false;
  if (v.action === "company") return typeof v.siren === "string" && /^\d{9}$/.test(v.siren) && isValidSiren(v.siren);
  return v.action === "operator" && oneOf(OPERATOR_KINDS, v.kind);
}

/**
 * Checks an incoming message's shape; returns why it is refused, or null when it is a valid request.
 * Hand-written rather than a schema library: the content scripts' bundle stays small, and the shapes are flat.
 */
export function requestProblem(raw: unknown): string | null {
  if (!isObject(raw) || typeof raw.type !== "string") return "not a request";
  const m = raw;
  switch (m.type as RequestType) {
    case "lookup":
      return Array.isArray(m.plan) && m.plan.length > 0 && m.plan.length <= 6 && m.plan.every(isLookupKey) ? null : "lookup: plan must be 1 to 6 keys";
    case "get-lead":
      return isText(m.leadId, 100) ? null : "get-lead: leadId";
    case "list-leads":
      if (!optionalText(m.q, 200)) return "list-leads: q";
      if (m.status !== undefined && !oneOf(STATUSES, m.status)) return "list-leads: status";
      if (m.limit !== undefined && !(Number.isInteger(m.limit) && (m.limit as number) >= 1 && (m.limit as number) <= 100)) return "list-leads: limit";
      return null;
    case "transition":
      if (!isText(m.leadId, 100)) return "transition: leadId";
      if (!oneOf(LEAD_ACTIONS, m.action)) return "transition: action";
      return optionalText(m.reasonCode, 40) && optionalText(m.note, 2000) ? null : "transition: reasonCode or note";
    case "add-note":
      return isText(m.leadId, 100) && isText(m.body, MAX_TEXT) ? null : "add-note: leadId or body";
    case "link":
      return isText(m.leadId, 100) && isLinkTarget(m.target) ? null : "link: leadId or target";
    case "test-connection": {
      const given = [m.baseUrl, m.apiKey].filter((v) => v !== undefined).length;
      // Both or neither: a URL without a key would send the SAVED key to an address chosen by the caller.
      if (given === 1) return "test-connection: give both baseUrl and apiKey, or neither";
      return optionalText(m.baseUrl, 500) && optionalText(m.apiKey, 200) ? null : "test-connection: baseUrl or apiKey";
    }
    case "open-options":
    case "close-panel":
      return null;
    case "panel-size":
      return Number.isInteger(m.height) && (m.height as number) >= 0 && (m.height as number) <= 10_000 ? null : "panel-size: height";
    case "page-context":
      if (m.doc !== undefined && !isDocId(m.doc)) return "page-context: doc";
      return m.context === null || isPageContext(m.context) ? null : "page-context: context";
    case "correct-identity":
      return isText(m.leadId, 100) && isCorrection(m.correction) ? null : "correct-identity: leadId or correction";
    default:
      return `unknown request type ${JSON.stringify(m.type).slice(0, 40)}`;
  }
}

/**
 * Sends a request to the background and returns its typed result. A dead extension context (the extension
 * was reloaded under an open tab) becomes a failure rather than an exception.
 */
export async function sendRequest<K extends RequestType>(type: K, payload: RequestMap[K]): Promise<Result<ResponseMap[K]>> {
  try {
    const answer = (await browser.runtime.sendMessage({ ...payload, type })) as Result<ResponseMap[K]> | undefined;
    if (!answer || typeof answer !== "object" || !("ok" in answer)) {
      return { ok: false, error: { kind: "extension", message: "no answer from the background" } };
    }
    return answer;
  } catch (err) {
    return { ok: false, error: { kind: "extension", message: err instanceof Error ? err.message : String(err) } };
  }
}

/**
 * The lead panel's line to the background: pushes (the page's context, refreshed look-ups) arrive on `onPush`.
 * A service worker that stopped drops the port; it is opened again, and the background then asks the page for
 * its context anew. Returns the function that closes it for good.
 */
export function connectPanel(onPush: (push: PanelPush) => void, doc?: string): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let closed = false;
  const open = () => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: isDocId(doc) ? `${PANEL_PORT}#${doc}` : PANEL_PORT });
    } catch {
      return; // the extension was reloaded under this page: nothing to talk to any more
    }
    port.onMessage.addListener((message: unknown) => {
      if (isObject(message) && (message.type === "page-context" || message.type === "lookup-refreshed")) onPush(message as unknown as PanelPush);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      setTimeout(open, 100);
    });
  };
  open();
  return () => {
    closed = true;
    port?.disconnect();
  };
}
