import { collectPayloadSchema, MAX_URL_LENGTH, type CollectPayload } from "@sillage/shared/collect-payload";
import { drop, pass, type Step } from "./result";

export interface ValidHit {
  payload: CollectPayload;
  /** Parsed page URL; absent only for pixel events (e.g. an e-mail open). */
  url?: URL;
}

function httpUrl(value: string): URL | null {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u : null;
  } catch {
    return null;
  }
}

/** Step 2 — shape and limits (pure). Over-long URLs get their own reasons so they can be told apart. */
export function validate(raw: Record<string, unknown>): Step<ValidHit> {
  if (typeof raw.url === "string" && raw.url.length > MAX_URL_LENGTH) return drop("url_too_long");
  if (typeof raw.ref === "string" && raw.ref.length > MAX_URL_LENGTH) return drop("referrer_too_long");
  const parsed = collectPayloadSchema.safeParse(raw);
  if (!parsed.success) return drop("invalid_payload");
  const payload = parsed.data;
  const url = payload.url === undefined ? undefined : httpUrl(payload.url);
  if (url === null) return drop("invalid_payload");
  const needsUrl = payload.type === "pageview" || payload.type === "engagement";
  if (needsUrl && !url) return drop("invalid_payload");
  if (payload.type === "event" && !payload.name) return drop("invalid_payload");
  if (payload.type === "identify" && !payload.traits) return drop("invalid_payload");
  if (payload.type === "engagement" && (payload.pid === undefined || payload.ms === undefined)) return drop("invalid_payload");
  return pass({ payload, url });
}
