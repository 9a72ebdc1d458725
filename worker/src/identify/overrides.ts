import type { ParsedIp } from "@sillage/shared/network/ip";
import type { NetworkKind } from "@sillage/shared/network/kind";

/**
 * The workspace's CIDR → SIREN override containing this address, if any. Overrides may nest (a /16 inside a
 * /8), so the closest few starting at or below the address are checked, nearest (most specific) first.
 */
export async function cidrOverrideFor(db: D1Database, workspaceId: string, ip: ParsedIp) {
  const { results } = await db
    .prepare(
      `SELECT value, siren, "end" FROM identity_overrides
        WHERE workspace_id = ? AND type = 'cidr' AND family = ? AND start <= ? ORDER BY start DESC LIMIT 8`,
    )
    .bind(workspaceId, ip.family, ip.hex)
    .all<{ value: string; siren: string; end: string }>();
  return results.find((r) => r.end >= ip.hex) ?? null;
}

/** e-mail domain or LinkedIn slug → SIREN, as the workspace declared it. */
export async function valueOverrideFor(db: D1Database, workspaceId: string, type: "email_domain" | "linkedin", value: string) {
  return db
    .prepare("SELECT siren FROM identity_overrides WHERE workspace_id = ? AND type = ? AND value = ? LIMIT 1")
    .bind(workspaceId, type, value.toLowerCase())
    .first<{ siren: string }>();
}

/** The workspace's verdict on one ASN, as the map classifyNetwork takes. */
export async function networkOverridesFor(db: D1Database, workspaceId: string, asn: number): Promise<Map<number, NetworkKind>> {
  const row = await db
    .prepare("SELECT kind FROM network_overrides WHERE workspace_id = ? AND asn = ?")
    .bind(workspaceId, asn)
    .first<{ kind: NetworkKind }>();
  return new Map(row ? [[asn, row.kind]] : []);
}
