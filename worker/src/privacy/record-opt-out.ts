import { rememberOptOut } from "./opted-out";

/** Same rule as the collector's `vid` (shared/src/collect-payload.ts): the tracker's random id. */
export const VISITOR_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const SITE_KEY_MAX_LENGTH = 64;

export interface OptOutSite {
  id: string;
  name: string;
  publicKey: string;
}

/** The site behind a public key (the snippet's `data-site`), or null. */
export async function siteByPublicKey(db: D1Database, publicKey: string): Promise<OptOutSite | null> {
  if (!publicKey || publicKey.length > SITE_KEY_MAX_LENGTH) return null;
  return db.prepare("SELECT id, name, public_key AS publicKey FROM sites WHERE public_key = ?").bind(publicKey).first<OptOutSite>();
}

export type OptOutResult = { ok: true; site: OptOutSite } | { ok: false; problem: "invalid_site" | "invalid_vid" | "unknown_site" };

/**
 * Records that the browser `vid` objects to being tracked on the site `siteKey`. Idempotent: opting out twice
 * keeps the first date. Past data is not touched here: that is erasure (POST /api/v1/privacy/erase), asked of
 * the site's owner, who is the data controller.
 */
export async function recordOptOut(db: D1Database, siteKey: unknown, vid: unknown, now = Date.now()): Promise<OptOutResult> {
  if (typeof siteKey !== "string" || !siteKey || siteKey.length > SITE_KEY_MAX_LENGTH) return { ok: false, problem: "invalid_site" };
  if (typeof vid !== "string" || !VISITOR_KEY_PATTERN.test(vid)) return { ok: false, problem: "invalid_vid" };
  const site = await siteByPublicKey(db, siteKey);
  if (!site) return { ok: false, problem: "unknown_site" };
  await db.prepare("INSERT OR IGNORE INTO opt_outs (site_id, visitor_key, created_at) VALUES (?, ?, ?)").bind(site.id, vid, now).run();
  rememberOptOut(site.id, vid, now);
  return { ok: true, site };
}
