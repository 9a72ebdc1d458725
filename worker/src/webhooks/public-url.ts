import type { Env } from "../env";

/**
 * The API's public origin for absolute links in webhook payloads. Queue consumers have no request to read it
 * from, so it comes from the `SILLAGE_PUBLIC_URL` variable (e.g. "https://sillage.example.fr"); without it,
 * payloads carry the API path only.
 */
export function publicBaseUrl(env: Env): string | null {
  const raw = (env as Env & { SILLAGE_PUBLIC_URL?: string }).SILLAGE_PUBLIC_URL;
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}
