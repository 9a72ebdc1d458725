/**
 * The message protocol between the extension's pages (content scripts, popup, options) and the background
 * service worker, which is the only part that holds the API key and calls the Sillage API. Requests are
 * validated on arrival (a content script lives next to a hostile page); answers are typed results, never
 * thrown errors, so every caller has to handle "bad key" and "unreachable".
 */
import type { LeadDetail, LeadStatus, LeadSummary } from "@sillage/shared/api/leads";
import { browser } from "wxt/browser";

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

export const LEAD_ACTIONS = ["accept", "reject", "nurture"] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

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
}

export type RequestType = keyof RequestMap;
export type Request = { [K in RequestType]: { type: K } & RequestMap[K] }[RequestType];
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

/** Background → tab: a stale look-up was revalidated and its answer changed. */
export interface LookupRefreshed {
  type: "lookup-refreshed";
  outcome: LookupOutcome;
}

/** Requests only extension pages may send: they take settings, so a content script must not. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<RequestType> = new Set(["test-connection"]);

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
      return isText(m.leadId, 100) && isObject(m.target) && oneOf(LINK_KINDS, m.target.kind) && isText(m.target.value, 500)
        ? null
        : "link: leadId or target";
    case "test-connection": {
      const given = [m.baseUrl, m.apiKey].filter((v) => v !== undefined).length;
      // Both or neither: a URL without a key would send the SAVED key to an address chosen by the caller.
      if (given === 1) return "test-connection: give both baseUrl and apiKey, or neither";
      return optionalText(m.baseUrl, 500) && optionalText(m.apiKey, 200) ? null : "test-connection: baseUrl or apiKey";
    }
    case "open-options":
      return null;
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

/** Calls `fn` on every lead refresh the background pushes to this tab; returns the unsubscribe function. */
export function onLookupRefreshed(fn: (outcome: LookupOutcome) => void): () => void {
  const listener = (message: unknown) => {
    if (isObject(message) && message.type === "lookup-refreshed" && isObject(message.outcome)) fn(message.outcome as unknown as LookupOutcome);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
