/**
 * Where the API is and the key to call it with. Pure helpers here; storage access is in settings-store.ts.
 */
import { API_KEY_PATTERN } from "@sillage/shared/api-key";

export const DEFAULT_API_BASE_URL = "http://127.0.0.1:8787";

export interface Settings {
  apiBaseUrl: string;
  apiKey: string;
}

/** Keys in `browser.storage.local`. */
export const SETTINGS_KEYS = { apiBaseUrl: "sillage.apiBaseUrl", apiKey: "sillage.apiKey" } as const;

/**
 * The base URL as the client wants it: http(s) only, no credentials, query or fragment, no trailing slash.
 * Returns null when it is not such a URL (the options page says so instead of saving it).
 */
export function normalizeBaseUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The match pattern of the API's host, for `permissions.request`. A pattern without a port matches every
 * port of the host, so `http://127.0.0.1:8787` gives `http://127.0.0.1/*` and moving the local worker to
 * another port does not ask again.
 */
export function originPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Sillage API keys look like `slg_` + 40 hex digits: the options page says so before any request. */
export function looksLikeApiKey(key: string): boolean {
  return API_KEY_PATTERN.test(key.trim());
}
