/**
 * Errors of the platform that say "not now" rather than "wrong": D1 busy or overloaded (locally, another process
 * — `wrangler d1 execute` — holding the SQLite file; in production, D1's queue full or its connection reset).
 * Trying again a moment later succeeds, so the caller gets a 503 with Retry-After, never a 500.
 */
const TRANSIENT = [
  /SQLITE_BUSY/,
  /database is locked/i,
  /D1 DB is overloaded/i,
  /Network connection lost/i,
  /reset because its code was updated/i,
  /storage operation exceeded timeout/i,
];

export function isTransientPlatformError(err: unknown): boolean {
  const message = err instanceof Error ? `${err.message} ${err.cause instanceof Error ? err.cause.message : ""}` : "";
  return TRANSIENT.some((re) => re.test(message));
}
