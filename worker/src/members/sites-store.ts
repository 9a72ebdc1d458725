import { ApiError } from "../http/errors";
import { newId } from "../lib/ids";
import { normaliseHostnames } from "./site-hostnames";

export interface Site {
  id: string;
  name: string;
  /** What the snippet's data-site carries. Public, not a secret. */
  publicKey: string;
  allowedHostnames: string[];
  respectDnt: boolean;
  respectGpc: boolean;
  createdAt: number;
}

export type SiteInput = { name: string; allowedHostnames: string[]; respectDnt?: boolean; respectGpc?: boolean };
export type SitePatch = Partial<SiteInput>;

interface Row extends Omit<Site, "allowedHostnames" | "respectDnt" | "respectGpc"> {
  allowedHostnames: string;
  respectDnt: number;
  respectGpc: number;
}

const SELECT = `SELECT id, name, public_key AS publicKey, allowed_hostnames AS allowedHostnames, respect_dnt AS respectDnt,
  respect_gpc AS respectGpc, created_at AS createdAt FROM sites`;

const toSite = (r: Row): Site => ({
  ...r,
  allowedHostnames: JSON.parse(r.allowedHostnames) as string[],
  respectDnt: !!r.respectDnt,
  respectGpc: !!r.respectGpc,
});

function hostnames(list: string[]): string[] {
  const result = normaliseHostnames(list);
  if (!result.ok) throw new ApiError("bad_request", `Invalid allowedHostnames: ${result.message}.`);
  return result.value;
}

/** "pk_" + 24 random characters: unguessable, so that nobody can list sites by trying keys. */
export const newSitePublicKey = () => newId("pk");

export async function listSites(db: D1Database, workspaceId: string): Promise<Site[]> {
  const { results } = await db.prepare(`${SELECT} WHERE workspace_id = ? ORDER BY created_at, id`).bind(workspaceId).all<Row>();
  return results.map(toSite);
}

export async function getSite(db: D1Database, workspaceId: string, siteId: string): Promise<Site | null> {
  const row = await db.prepare(`${SELECT} WHERE workspace_id = ? AND id = ?`).bind(workspaceId, siteId).first<Row>();
  return row ? toSite(row) : null;
}

/** Defaults as the schema's: Do-Not-Track not honoured, Global Privacy Control honoured. */
export async function createSite(db: D1Database, workspaceId: string, input: SiteInput, now: number): Promise<Site> {
  const site: Site = {
    id: newId("site"),
    name: input.name,
    publicKey: newSitePublicKey(),
    allowedHostnames: hostnames(input.allowedHostnames),
    respectDnt: input.respectDnt ?? false,
    respectGpc: input.respectGpc ?? true,
    createdAt: now,
  };
  await db
    .prepare("INSERT INTO sites (id, workspace_id, name, public_key, allowed_hostnames, respect_dnt, respect_gpc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .bind(site.id, workspaceId, site.name, site.publicKey, JSON.stringify(site.allowedHostnames), site.respectDnt ? 1 : 0, site.respectGpc ? 1 : 0, now)
    .run();
  return site;
}

/** Null when the site is not in the workspace. The public key never changes (it is pasted in pages). */
export async function updateSite(db: D1Database, workspaceId: string, siteId: string, patch: SitePatch): Promise<Site | null> {
  const site = await getSite(db, workspaceId, siteId);
  if (!site) return null;
  const next: Site = {
    ...site,
    name: patch.name ?? site.name,
    allowedHostnames: patch.allowedHostnames ? hostnames(patch.allowedHostnames) : site.allowedHostnames,
    respectDnt: patch.respectDnt ?? site.respectDnt,
    respectGpc: patch.respectGpc ?? site.respectGpc,
  };
  await db
    .prepare("UPDATE sites SET name = ?, allowed_hostnames = ?, respect_dnt = ?, respect_gpc = ? WHERE id = ? AND workspace_id = ?")
    .bind(next.name, JSON.stringify(next.allowedHostnames), next.respectDnt ? 1 : 0, next.respectGpc ? 1 : 0, siteId, workspaceId)
    .run();
  return next;
}
