import { toHex } from "@sillage/shared/hex";

/**
 * Webhook signatures: HMAC-SHA256 with the endpoint's secret over `${timestamp}.${body}`, where timestamp is
 * Unix seconds and body the exact bytes sent. Header: `Sillage-Signature: t=1767225600,v1=<64 hex>`.
 *
 * The timestamp is inside the signed bytes so that a captured request cannot be replayed later: receivers
 * reject signatures older (or further in the future) than a tolerance, 5 minutes by default. Several v1=
 * values may appear (during a secret rotation); one matching is enough.
 *
 * Pure Web Crypto: runs unchanged in Workers, Node 20+, Deno and browsers, so customers can copy it.
 */

export const SIGNATURE_HEADER = "Sillage-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? encoder.encode(body) : body;
}

function signedBytes(timestamp: number, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`);
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  // The whole secret string, prefix included, is the key: what the customer copies is what they use.
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** `t=<seconds>,v1=<hex>` for this body at this time. */
export async function signatureHeader(secret: string, body: string | Uint8Array, timestampSeconds: number): Promise<string> {
  const key = await hmacKey(secret, "sign");
  const mac = await crypto.subtle.sign("HMAC", key, signedBytes(timestampSeconds, toBytes(body)));
  return `t=${timestampSeconds},v1=${toHex(mac)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "expired" | "mismatch" };

/**
 * Checks a `Sillage-Signature` header against the raw body (the bytes received, before any JSON parsing).
 * `now` is epoch milliseconds. The comparison goes through `crypto.subtle.verify`, which is constant-time.
 */
export async function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string | Uint8Array,
  now: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Promise<VerifyResult> {
  if (!header) return { ok: false, reason: "malformed" };
  let timestamp: number | null = null;
  const candidates: Uint8Array<ArrayBuffer>[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (name === "v1") {
      const bytes = fromHex(value);
      if (bytes) candidates.push(bytes);
    }
  }
  if (timestamp === null || candidates.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: "expired" };
  const key = await hmacKey(secret, "verify");
  const data = signedBytes(timestamp, toBytes(body));
  for (const candidate of candidates) {
    if (await crypto.subtle.verify("HMAC", key, candidate, data)) return { ok: true, timestamp };
  }
  return { ok: false, reason: "mismatch" };
}
