import { randomHex, toHex } from "./hex";

/** API keys look like `slg_` + 40 hex characters; only their SHA-256 is stored. */
export const API_KEY_PATTERN = /^slg_[0-9a-f]{40}$/;
export const API_KEY_PREFIX_LENGTH = 12;

export function generateApiKey(): string {
  return `slg_${randomHex(20)}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return toHex(digest);
}

export const hashApiKey = sha256Hex;
export const apiKeyPrefix = (key: string) => key.slice(0, API_KEY_PREFIX_LENGTH);
