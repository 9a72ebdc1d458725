import { z } from "zod";
import {
  leadDetailSchema,
  leadLinkResultSchema,
  leadListSchema,
  leadLookupResultSchema,
  leadNoteResultSchema,
  leadTransitionResultSchema,
  type LeadDetail,
  type LeadLinkBody,
  type LeadLinkResult,
  type LeadList,
  type LeadListParams,
  type LeadLookupQuery,
  type LeadLookupResult,
  type LeadNoteBody,
  type LeadNoteResult,
  type LeadTransitionBody,
  type LeadTransitionResult,
} from "./api/leads";
import { leadCorrectionResultSchema, type LeadCorrectionResult, type NetworkCorrectionBody } from "./api/networks";

/**
 * Typed client of the Sillage REST API (`/api/v1`), for the extension's background worker, scripts and tests.
 * Every answer is checked against the shared zod schemas, so a caller never handles a shape the types do not
 * describe. Failures are one of two errors: `SillageApiError` (the API answered with an error, or with something
 * that is not the contract) and `SillageUnreachableError` (no answer at all: network down, DNS, timeout).
 */

/** `GET /api/v1/me` (worker/src/routes/me.ts). */
export const meSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(["admin", "member"]),
  sites: z.array(z.object({ id: z.string(), name: z.string(), publicKey: z.string(), allowedHostnames: z.array(z.string()) })),
});
export type Me = z.infer<typeof meSchema>;

/** `GET /api/v1/identify` (worker/src/routes/identify.ts). */
export const identifyResultSchema = z.object({
  ip: z.string(),
  network: z.object({ asn: z.number().int().nullable(), organization: z.string().nullable(), kind: z.string(), reason: z.string() }),
  company: z.record(z.string(), z.unknown()).nullable(),
  confidence: z.number(),
  reason: z.string(),
});
export type IdentifyResult = z.infer<typeof identifyResultSchema>;

/** The API answered, with an error (4xx/5xx) or with a body that breaks the contract (`invalid_response`). */
export class SillageApiError extends Error {
  readonly kind = "api" as const;
  readonly status: number;
  /** The API's error code ("not_found", "conflict", …), "invalid_response", or "http_<status>" for a non-JSON error. */
  readonly code: string;
  /** Quote it to support: it finds the request in the worker's logs. Empty when the answer carried none. */
  readonly requestId: string;
  constructor(status: number, code: string, message: string, requestId: string) {
    super(message);
    this.name = "SillageApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** No answer: the API could not be reached (offline, wrong URL, DNS, refused connection) or took too long. */
export class SillageUnreachableError extends Error {
  readonly kind = "unreachable" as const;
  readonly url: string;
  readonly timedOut: boolean;
  constructor(url: string, message: string, opts: { cause?: unknown; timedOut?: boolean } = {}) {
    super(message, { cause: opts.cause });
    this.name = "SillageUnreachableError";
    this.url = url;
    this.timedOut = opts.timedOut ?? false;
  }
}

export interface SillageClientOptions {
  /** Origin of the worker ("https://sillage.example.workers.dev"); a trailing "/api/v1" is accepted too. */
  baseUrl: string;
  /**
   * Sent as `Authorization: Bearer`. Without it, the browser's console session cookie authenticates (same origin
   * only), and every request carries the console's CSRF header.
   */
  apiKey?: string;
  /** Defaults to the global fetch (called unbound: extension service workers reject a fetch bound to another object). */
  fetch?: typeof fetch;
  /** Per request; default 15 s. */
  timeoutMs?: number;
}

export interface SillageClient {
  me(): Promise<Me>;
  lookupLead(query: LeadLookupQuery): Promise<LeadLookupResult>;
  getLead(id: string): Promise<LeadDetail>;
  listLeads(params?: LeadListParams): Promise<LeadList>;
  transitionLead(id: string, body: LeadTransitionBody): Promise<LeadTransitionResult>;
  linkLead(id: string, body: LeadLinkBody): Promise<LeadLinkResult>;
  /** The note's text, or the request body `{ body }`. */
  addNote(id: string, body: string | LeadNoteBody): Promise<LeadNoteResult>;
  identify(ip: string): Promise<IdentifyResult>;
  /** "Wrong company?": the lead's network belongs to another company (`siren`), or is an operator (`kind`). */
  correctLeadIdentity(id: string, body: NetworkCorrectionBody): Promise<LeadCorrectionResult>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** "https://x.dev/", "https://x.dev/api/v1" → "https://x.dev/api/v1". */
export function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, "");
  return /\/api\/v1$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`;
}

/** Query string of defined values; arrays become repeated parameters (`status=mql&status=sql`). */
export function queryString(params: Record<string, string | number | readonly string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }) });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiRequest = <T>(method: HttpMethod, path: string, schema: z.ZodType<T>, body?: unknown) => Promise<T>;

/** One API call, checked against `schema`; the base every typed client method (here and in console-api.ts) is made of. */
export function createApiRequest(options: SillageClientOptions): ApiRequest {
  const root = apiRoot(options.baseUrl);
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return async function request<T>(method: HttpMethod, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const url = `${root}${path}`;
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
    else headers["X-Sillage-CSRF"] = "1";
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let res: Response;
    try {
      res = await doFetch(url, {
        method,
        headers,
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        ...(options.apiKey ? {} : { credentials: "same-origin" as const }),
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      const why = timedOut ? `network timeout, no answer within ${timeoutMs} ms` : `network error: ${err instanceof Error ? err.message : String(err)}`;
      throw new SillageUnreachableError(url, `Sillage API unreachable at ${root} (${why})`, { cause: err, timedOut });
    }

    const headerRequestId = res.headers.get("X-Request-Id") ?? "";
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      const why = timedOut
        ? `network timeout, answer not complete within ${timeoutMs} ms`
        : `network error while reading the answer: ${err instanceof Error ? err.message : String(err)}`;
      throw new SillageUnreachableError(url, `Sillage API unreachable at ${root} (${why})`, { cause: err, timedOut });
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }

    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const e = parsed.data.error;
        throw new SillageApiError(res.status, e.code, e.message, e.requestId || headerRequestId);
      }
      throw new SillageApiError(
        res.status,
        `http_${res.status}`,
        `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""} from ${method} ${path}`,
        headerRequestId,
      );
    }

    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SillageApiError(res.status, "invalid_response", `Unexpected answer to ${method} ${path}: ${describeIssues(parsed.error)}`, headerRequestId);
    }
    return parsed.data;
  };
}

export function createSillageClient(options: SillageClientOptions): SillageClient {
  const request = createApiRequest(options);
  const lead = (id: string) => `/leads/${encodeURIComponent(id)}`;

  return {
    me: () => request("GET", "/me", meSchema),
    lookupLead: (query) => request("GET", `/leads/lookup${queryString(query)}`, leadLookupResultSchema),
    getLead: (id) => request("GET", lead(id), leadDetailSchema),
    listLeads: (params = {}) => request("GET", `/leads${queryString({ ...params })}`, leadListSchema),
    transitionLead: (id, body) => request("POST", `${lead(id)}/transitions`, leadTransitionResultSchema, body),
    linkLead: (id, body) => request("POST", `${lead(id)}/links`, leadLinkResultSchema, body),
    addNote: (id, body) => request("POST", `${lead(id)}/notes`, leadNoteResultSchema, typeof body === "string" ? { body } : body),
    identify: (ip) => request("GET", `/identify${queryString({ ip })}`, identifyResultSchema),
    correctLeadIdentity: (id, body) => request("POST", `${lead(id)}/correction`, leadCorrectionResultSchema, body),
  };
}
