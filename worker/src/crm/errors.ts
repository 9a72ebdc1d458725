/** What a CRM call can end in besides success; the sync job decides what each means for the lead. */

/** 401/403: the token is revoked, expired or lacks a scope. The connection is marked broken with this reason. */
export class CrmAuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly response: string,
  ) {
    super(message);
  }
}

/** 429, 5xx or no answer after the in-place retries: try the whole sync again after `delayMs`. */
export class CrmRetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
    readonly status: number | null,
    readonly response: string,
  ) {
    super(message);
  }
}

/** Another 4xx (validation error…): retrying the same request would fail the same way. */
export class CrmRejected extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly response: string,
  ) {
    super(message);
  }
}
