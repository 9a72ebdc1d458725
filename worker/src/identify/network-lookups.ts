import type { ParsedIp } from "@sillage/shared/network/ip";
import type { NetworkKind } from "@sillage/shared/network/kind";
import { asnStatsFor, type AsnStats } from "./asn-stats";
import { ipRangeStatement, lookupIpRange, rangeFromRow, type IpRangeRow } from "./ip-ranges";
import {
  asnCompanyMap,
  asnCompanyOverrideFor,
  asnCompanyOverridesStatement,
  cidrOverrideFor,
  cidrOverrideStatement,
  networkOverridesFor,
  networkOverridesMap,
  networkOverridesStatement,
  pickCidrOverride,
  type CidrOverrideRow,
} from "./overrides";

/** The database reads behind IP → network → kind, so that a queue batch can make them all at once. */
export interface NetworkLookups {
  cidrOverride(workspaceId: string, ip: ParsedIp): Promise<{ value: string; siren: string } | null>;
  ipRange(ip: ParsedIp): Promise<{ asn: number; organization: string } | null>;
  networkOverrides(workspaceId: string, asn: number): Promise<Map<number, NetworkKind>>;
  /** The SIREN a workspace's correction gave this whole network, if any. */
  asnCompany(workspaceId: string, asn: number): Promise<string | null>;
  /** What the IP table says about the ASN (IPv4 space, ranges), for the network priors. */
  asnStats(asn: number): Promise<AsnStats | null>;
}

/** One query per question: the API, the CLI and single hits. */
export function directLookups(db: D1Database): NetworkLookups {
  return {
    cidrOverride: (workspaceId, ip) => cidrOverrideFor(db, workspaceId, ip),
    ipRange: (ip) => lookupIpRange(db, ip),
    networkOverrides: (workspaceId, asn) => networkOverridesFor(db, workspaceId, asn),
    asnCompany: (workspaceId, asn) => asnCompanyOverrideFor(db, workspaceId, asn),
    asnStats: (asn) => asnStatsFor(db, asn),
  };
}

export interface LookupNeed {
  workspaceId: string;
  ip: ParsedIp;
  /** False when Cloudflare already named the network (production): no range look-up is needed. */
  needsRange: boolean;
}

const ipKey = (ip: ParsedIp) => `${ip.family}:${ip.hex}`;

/**
 * Answers every look-up a batch of hits will ask, read in one D1 batch (one round trip): per address its
 * range and the workspace's CIDR overrides around it, per workspace its ASN verdicts. A question outside
 * what was prefetched falls back to a direct query.
 */
export async function prefetchLookups(db: D1Database, needs: readonly LookupNeed[]): Promise<NetworkLookups> {
  const direct = directLookups(db);
  const cidrKeys = new Map<string, LookupNeed>();
  const rangeKeys = new Map<string, ParsedIp>();
  const workspaces = new Set<string>();
  for (const n of needs) {
    cidrKeys.set(`${n.workspaceId}|${ipKey(n.ip)}`, n);
    if (n.needsRange) rangeKeys.set(ipKey(n.ip), n.ip);
    workspaces.add(n.workspaceId);
  }
  const stmts = [
    ...[...cidrKeys.values()].map((n) => cidrOverrideStatement(db, n.workspaceId, n.ip)),
    ...[...rangeKeys.values()].map((ip) => ipRangeStatement(db, ip)),
    ...[...workspaces].map((ws) => networkOverridesStatement(db, ws)),
    ...[...workspaces].map((ws) => asnCompanyOverridesStatement(db, ws)),
  ];
  if (stmts.length === 0) return direct;
  const results = await db.batch<Record<string, unknown>>(stmts);
  let i = 0;
  const cidr = new Map<string, CidrOverrideRow[]>();
  for (const key of cidrKeys.keys()) cidr.set(key, results[i++]!.results as unknown as CidrOverrideRow[]);
  const ranges = new Map<string, IpRangeRow | null>();
  for (const key of rangeKeys.keys()) ranges.set(key, (results[i++]!.results[0] as unknown as IpRangeRow | undefined) ?? null);
  const verdicts = new Map<string, Map<number, NetworkKind>>();
  for (const ws of workspaces) verdicts.set(ws, networkOverridesMap(results[i++]!.results as unknown as { asn: number; kind: NetworkKind }[]));
  const asnCompanies = new Map<string, Map<number, string>>();
  for (const ws of workspaces) asnCompanies.set(ws, asnCompanyMap(results[i++]!.results as unknown as { value: string; siren: string }[]));

  const asnStats = new Map<number, Promise<AsnStats | null>>();
  return {
    async cidrOverride(workspaceId, ip) {
      const rows = cidr.get(`${workspaceId}|${ipKey(ip)}`);
      return rows ? pickCidrOverride(rows, ip) : direct.cidrOverride(workspaceId, ip);
    },
    async ipRange(ip) {
      const key = ipKey(ip);
      return ranges.has(key) ? rangeFromRow(ranges.get(key), ip) : direct.ipRange(ip);
    },
    async networkOverrides(workspaceId, asn) {
      return verdicts.get(workspaceId) ?? direct.networkOverrides(workspaceId, asn);
    },
    async asnCompany(workspaceId, asn) {
      const map = asnCompanies.get(workspaceId);
      return map ? (map.get(asn) ?? null) : direct.asnCompany(workspaceId, asn);
    },
    // Only networks no list decided need it: one indexed read when first needed, shared by the batch's other hits.
    asnStats(asn) {
      let stats = asnStats.get(asn);
      if (!stats) asnStats.set(asn, (stats = direct.asnStats(asn)));
      return stats;
    },
  };
}
