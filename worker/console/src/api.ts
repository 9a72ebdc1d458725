import { SillageApiError, SillageUnreachableError } from "@sillage/shared/api-client";
import { createConsoleClient } from "@sillage/shared/console-api";

/** Same origin, the session cookie authenticates: the page never holds an API key. */
export const api = createConsoleClient({ baseUrl: location.origin });

/** What to show for a failed call: the API's own message, or that it could not be reached. */
export function errorText(err: unknown, unreachable: string): string {
  if (err instanceof SillageUnreachableError) return unreachable;
  if (err instanceof SillageApiError) return err.requestId ? `${err.message} (${err.requestId})` : err.message;
  return err instanceof Error ? err.message : String(err);
}

export const isSignedOut = (err: unknown) => err instanceof SillageApiError && err.status === 401;
