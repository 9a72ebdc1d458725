import type { ParsedIp } from "@sillage/shared/network/ip";
import type { NetworkKind } from "@sillage/shared/network/kind";

export interface CidrOverrideRow {
  value: string;
  siren: string;
  end: string;
}

/**
 * The workspace's CIDR → SIREN overrides that may contain this address. Overrides may nest (a /16 inside a
 * /8), so the closest few starting at or below the address are read; `pickCidrOverride` keeps the nearest
 * (most specific) one that contains it.
 */
export const cidrOverrideStatement = (db: D1Database, workspaceId: string, ip: ParsedIp) =>
  db
    .prepare(
      `SELECT value, siren, "end" FROM identity_overrides
        WHERE workspace_id = ? AND type = 'cidr' AND family = ? AND start <= ? ORDER BY start DESC LIMIT 8`,
    )
    .bind(workspaceId, ip.family, ip.hex);

export const pickCidrOverride = (rows: readonly CidrOverrideRow[], ip: ParsedIp) => rows.find((r) => r.end >= ip.hex) ?? null;

/** The workspace's CIDR → SIREN override containing this address, if any. */
export async function cidrOverrideFor(db: D1Database, workspaceId: string, ip: ParsedIp) {
  const { results } = await cidrOverrideStatement(db, workspaceId, ip).all<CidrOverrideRow>();
  return pickCidrOverride(results, ip);
}

/** Every ASN → SIREN correction of a workspace (a short list): the whole network belongs to that company. */
export const asnCompanyOverridesStatement = (db: D1Database, workspaceId: string) =>
  db.prepare("SELECT value, siren FROM identity_overrides WHERE workspace_id = ? AND type = 'asn'").bind(workspaceId);

export const asnCompanyMap = (rows: readonly { value: string; siren: string }[]) => new Map(rows.map((r) => [Number(r.value), r.siren] as const));

/** The SIREN a workspace says this ASN belongs to, if any. */
export async function asnCompanyOverrideFor(db: D1Database, workspaceId: string, asn: number): Promise<string | null> {
  const row = await valueOverrideFor(db, workspaceId, "asn", String(asn));
  return row?.siren ?? null;
}

/** e-mail domain or LinkedIn slug → SIREN, as the workspace declared it. */
export async function valueOverrideFor(db: D1Database, workspaceId: string, type: "email_domain" | "linkedin" | "asn", value: string) {
  return db
    .prepare("SELECT siren FROM identity_overrides WHERE workspace_id = ? AND type = ? AND value = ? LIMIT 1")
    .bind(workspaceId, type, value.toLowerCase())
    .first<{ siren: string }>();
}

/** Every ASN verdict of a workspace (a short list), as the map classifyNetwork takes. */
export const networkOverridesStatement = (db: D1Database, workspaceId: string) =>
  db.prepare("SELECT asn, kind FROM network_overrides WHERE workspace_id = ?").bind(workspaceId);

export const networkOverridesMap = (rows: readonly { asn: number; kind: NetworkKind }[]) => new Map(rows.map((r) => [r.asn, r.kind] as const));

/** The workspace's verdict on one ASN, as the map classifyNetwork takes. */
export async function networkOverridesFor(db: D1Database, workspaceId: string, asn: number): Promise<Map<number, NetworkKind>> {
  const row = await db.prepare("SELECT kind FROM network_overrides WHERE workspace_id = ? AND asn = ?").bind(workspaceId, asn).first<{ kind: NetworkKind }>();
  return new Map(row ? [[asn, row.kind]] : []);
}
