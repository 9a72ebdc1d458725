import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sites, workspaces } from "../../db/schema";
import { hostnameAllowed } from "./hostname";
import type { ValidHit } from "./validate";
import { drop, pass, type Step } from "./result";

export interface SiteConfig {
  id: string;
  workspaceId: string;
  publicKey: string;
  allowedHostnames: string[];
  respectDnt: boolean;
  respectGpc: boolean;
  /** The workspace's daily storage quota per site, in MB. */
  dailyQuotaMb: number;
}

const CACHE_TTL_MS = 60_000;
const cache = new Map<string, { site: SiteConfig | null; at: number }>();

/** Sites change rarely and every hit needs one: cache them per isolate for a minute (settings too). */
async function loadSite(db: Db, publicKey: string, now: number): Promise<SiteConfig | null> {
  const hit = cache.get(publicKey);
  if (hit && now - hit.at < CACHE_TTL_MS) return hit.site;
  const row = await db
    .select({
      id: sites.id,
      workspaceId: sites.workspaceId,
      publicKey: sites.publicKey,
      allowedHostnames: sites.allowedHostnames,
      respectDnt: sites.respectDnt,
      respectGpc: sites.respectGpc,
      dailyQuotaMb: workspaces.siteDailyQuotaMb,
    })
    .from(sites)
    .innerJoin(workspaces, eq(workspaces.id, sites.workspaceId))
    .where(eq(sites.publicKey, publicKey))
    .get();
  const site = row ?? null;
  if (cache.size > 10_000) cache.clear();
  cache.set(publicKey, { site, at: now });
  return site;
}

export function forgetSite(publicKey: string) {
  cache.delete(publicKey);
}

/** Step 2b — the site key must exist and the page must be on one of the site's hostnames. */
export async function resolveSite(db: Db, hit: ValidHit, now: number): Promise<Step<SiteConfig>> {
  const site = await loadSite(db, hit.payload.site, now);
  if (!site) return drop("unknown_site");
  if (hit.url && !hostnameAllowed(hit.url.hostname, site.allowedHostnames)) return drop("hostname_not_allowed");
  return pass(site);
}
