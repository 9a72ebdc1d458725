/**
 * CRM tokens encrypted at rest: AES-256-GCM (WebCrypto) with the worker secret SILLAGE_SECRETS_KEY (32 random
 * bytes, base64). The connection id is bound as additional data, so a ciphertext copied onto another
 * connection's row does not decrypt. Format: "v1.<iv>.<ciphertext>", base64url.
 */

const VERSION = "v1";

export class SecretsKeyMissing extends Error {
  constructor() {
    super("SILLAGE_SECRETS_KEY is not set: run `npx wrangler secret put SILLAGE_SECRETS_KEY` with 32 random bytes in base64 (`openssl rand -base64 32`).");
  }
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const fromB64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

async function importKey(raw: string | undefined): Promise<CryptoKey> {
  if (!raw) throw new SecretsKeyMissing();
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromB64(raw.trim());
  } catch {
    throw new Error("SILLAGE_SECRETS_KEY is not valid base64.");
  }
  if (bytes.length !== 32) throw new Error(`SILLAGE_SECRETS_KEY must be 32 bytes (base64 of 32 random bytes); it is ${bytes.length}.`);
  return crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function encryptSecret(keyB64: string | undefined, plaintext: string, boundTo: string): Promise<string> {
  const key = await importKey(keyB64);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new TextEncoder().encode(plaintext);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(boundTo) }, key, data));
  return `${VERSION}.${b64url(iv)}.${b64url(ct)}`;
}

export async function decryptSecret(keyB64: string | undefined, stored: string, boundTo: string): Promise<string> {
  const [version, iv, ct] = stored.split(".");
  if (version !== VERSION || !iv || !ct) throw new Error("unreadable stored secret");
  const key = await importKey(keyB64);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromB64(iv), additionalData: new TextEncoder().encode(boundTo) }, key, fromB64(ct));
  return new TextDecoder().decode(plain);
}

/** What the API shows of a token: its last four characters. */
export const secretHint = (token: string) => `…${token.slice(-4)}`;
