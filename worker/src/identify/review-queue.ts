import type { NetworkReviewList } from "@sillage/shared/api/networks";

interface ReviewRow {
  asn: number;
  organization: string | null;
  visits: number;
  visitors: number;
  lastSeenAt: number;
  kindReason: string | null;
}

interface RegistryRow {
  organization: string;
  siren: string | null;
  confidence: number;
  reason: string;
  provider: string;
}

/**
 * The workspace's networks still `unknown` that keep visiting, most visits first, with the evidence gathered: why
 * the kind stayed unknown, and the register's last answer for the organisation name. Networks the workspace already
 * gave a verdict on are left out.
 */
export async function networksToReview(db: D1Database, workspaceId: string, opts: { minVisits: number; limit: number }): Promise<NetworkReviewList> {
  const { results } = await db
    .prepare(
      `SELECT h.asn, max(h.organization) AS organization, count(*) AS visits, count(DISTINCT h.visitor_id) AS visitors,
              max(h.occurred_at) AS lastSeenAt, max(h.enrichment_reason) AS kindReason
         FROM hits h
        WHERE h.workspace_id = ?1 AND h.network_kind = 'unknown' AND h.asn IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM network_overrides o WHERE o.workspace_id = ?1 AND o.asn = h.asn)
        GROUP BY h.asn HAVING count(*) >= ?2
        ORDER BY visits DESC, lastSeenAt DESC LIMIT ?3`,
    )
    .bind(workspaceId, opts.minVisits, opts.limit)
    .all<ReviewRow>();
  const names = [...new Set(results.flatMap((r) => (r.organization ? [r.organization] : [])))];
  const registry = new Map<string, RegistryRow>();
  if (names.length) {
    // The latest answer per organisation name, whichever provider chain asked.
    const { results: rows } = await db
      .prepare(
        `SELECT organization, siren, confidence, reason, provider FROM organization_matches
          WHERE organization IN (SELECT value FROM json_each(?)) ORDER BY fetched_at`,
      )
      .bind(JSON.stringify(names))
      .all<RegistryRow>();
    for (const r of rows) registry.set(r.organization, r);
  }
  return {
    items: results.map((r) => {
      const reg = r.organization ? registry.get(r.organization) : undefined;
      return {
        asn: r.asn,
        organization: r.organization,
        visits: r.visits,
        visitors: r.visitors,
        lastSeenAt: new Date(r.lastSeenAt).toISOString(),
        evidence: {
          kindReason: r.kindReason,
          registry: reg ? { siren: reg.siren, confidence: reg.confidence, reason: reg.reason, provider: reg.provider } : null,
        },
      };
    }),
  };
}
