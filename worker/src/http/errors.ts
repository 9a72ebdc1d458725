import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isTransientPlatformError } from "./transient-errors";

/** Stable, documented error codes and the HTTP status each one maps to. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_ip: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** A lead correction on a lead no network named (e.g. named by an e-mail domain only). */
  not_network_identified: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type routes throw; the app turns it into `{ error: { code, message, requestId } }`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.headers = headers;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string };
}

function fromHttpException(err: HTTPException): ApiError {
  const byStatus = Object.entries(ERROR_STATUS).find(([, s]) => s === err.status);
  const code = (byStatus?.[0] as ErrorCode | undefined) ?? (err.status >= 500 ? "internal" : "bad_request");
  return new ApiError(code, err.message || code.replace(/_/g, " "));
}

/** Renders any thrown value as our JSON error; unknown errors become a 500 without internals. */
export function errorResponse(c: Context, err: unknown): Response {
  const apiError =
    err instanceof ApiError
      ? err
      : err instanceof HTTPException
        ? fromHttpException(err)
        : isTransientPlatformError(err)
          ? new ApiError("upstream_unavailable", "The database is busy; try again in a moment.", { "Retry-After": "1" })
          : new ApiError("internal", "Something went wrong on our side. The request id helps us find it.");
  if (apiError.code === "upstream_unavailable" && !(err instanceof ApiError)) console.warn(c.get("requestId"), "transient", err);
  if (apiError.code === "internal") console.error(c.get("requestId"), err);
  const body: ErrorBody = { error: { code: apiError.code, message: apiError.message, requestId: c.get("requestId") ?? "" } };
  return c.json(body, apiError.status, apiError.headers);
}
