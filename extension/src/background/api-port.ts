/**
 * The part of the Sillage API client the background uses, and how its errors become the protocol's typed
 * failures. Handlers depend on this interface only, so unit tests pass a fake and the real client can be
 * swapped in without touching them.
 */
import { SillageApiError, SillageUnreachableError, type SillageClient } from "@sillage/shared/api-client";
import type { Failure } from "../messages";

/** What the background calls (the shared typed client, which checks every answer against the contract). */
export type LeadsApi = Pick<SillageClient, "me" | "lookupLead" | "getLead" | "listLeads" | "transitionLead" | "linkLead" | "addNote" | "correctLeadIdentity">;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Maps anything a client call can throw to a failure the UI knows how to explain: the API's error
 * (`SillageApiError`: 401 = the key is refused; otherwise its message and request id), or no answer at all
 * (`SillageUnreachableError`: wrong address, worker down, offline, timeout).
 */
export function toFailure(err: unknown): Failure {
  if (err instanceof SillageUnreachableError) return { kind: "unreachable", message: err.message };
  if (err instanceof SillageApiError || (isObject(err) && typeof err.status === "number" && err.status > 0)) {
    const e = err as { status: number; code?: unknown; message?: unknown; requestId?: unknown };
    if (e.status === 401) return { kind: "bad-api-key" };
    return {
      kind: "api",
      status: e.status,
      code: typeof e.code === "string" ? e.code : "http_" + e.status,
      message: typeof e.message === "string" && e.message ? e.message : `HTTP ${e.status}`,
      requestId: typeof e.requestId === "string" ? e.requestId : "",
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  // A bare fetch() rejects with a TypeError when nothing answered (refused, DNS, offline).
  if (err instanceof TypeError) return { kind: "unreachable", message };
  return { kind: "api", status: 0, code: "unexpected", message, requestId: "" };
}
