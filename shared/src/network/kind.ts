import { CORPORATE } from "./lists/corporate";
import { RESEARCH_EDUCATION } from "./lists/education";
import { GOVERNMENT } from "./lists/government";
import { HOSTING } from "./lists/hosting";
import { FOREIGN_ISPS } from "./lists/isp-foreign";
import { FRENCH_ISPS } from "./lists/isp-france";
import { MOBILE_OPERATORS } from "./lists/mobile";
import { NAME_PATTERNS } from "./lists/name-patterns";
import { B2B_OPERATORS } from "./lists/operators";
import type { AsnList } from "./lists/types";
import { VPN_EXITS } from "./lists/vpn";
import { NETWORK_KINDS, type NetworkKind } from "./kinds";

export { isLeadKind, LEAD_KINDS, NETWORK_KINDS, type NetworkKind } from "./kinds";

export interface NetworkIdentity {
  /** Autonomous system number (Cloudflare's `request.cf.asn`, or the ip_ranges table). */
  asn?: number | null;
  /** AS organisation name (`request.cf.asOrganization`, or the ip_ranges table). */
  organization?: string | null;
}

export interface NetworkClassification {
  kind: NetworkKind;
  /** Why, in words a user can read: "French consumer ISP: Free (Iliad, ex-Proxad)". */
  reason: string;
  /**
   * What decided: the workspace's override, a curated ASN list, a name pattern, nothing (default), or the address
   * itself (private ranges).
   */
  source: "override" | "asn-list" | "name" | "default" | "address";
}

/** A workspace's own decisions by ASN, e.g. { 3215: "isp", 64512: "corporate" }. They win over everything. */
export type AsnKindOverrides = ReadonlyMap<number, NetworkKind> | Readonly<Record<number, NetworkKind>>;

/** For addresses that are not globally routed (see ip.ts `isPublicIp`). */
export const PRIVATE_ADDRESS: NetworkClassification = Object.freeze({
  kind: "unknown",
  reason: "private address",
  source: "address",
});

interface CuratedList {
  kind: NetworkKind;
  label: string;
  list: AsnList;
}

/** Curated lists, consulted before any name heuristic. An ASN appears in one list only (tested). */
export const CURATED_LISTS: readonly CuratedList[] = [
  { kind: "vpn", label: "VPN exit", list: VPN_EXITS },
  { kind: "hosting", label: "hosting/cloud", list: HOSTING },
  { kind: "mobile", label: "mobile operator", list: MOBILE_OPERATORS },
  { kind: "isp", label: "French consumer ISP", list: FRENCH_ISPS },
  { kind: "isp", label: "B2B telecom operator", list: B2B_OPERATORS },
  { kind: "isp", label: "consumer ISP", list: FOREIGN_ISPS },
  { kind: "education", label: "research & education network", list: RESEARCH_EDUCATION },
  { kind: "government", label: "public body", list: GOVERNMENT },
  { kind: "corporate", label: "company network", list: CORPORATE },
];

const byAsn = new Map<number, { kind: NetworkKind; reason: string }>();
for (const { kind, label, list } of CURATED_LISTS) {
  for (const [asn, name] of Object.entries(list)) {
    const n = Number(asn);
    if (!byAsn.has(n)) byAsn.set(n, { kind, reason: `${label}: ${name} (AS${n})` });
  }
}

/** Lower case, no accents, single spaces: the form name patterns are written for. */
export function normalizeOrganization(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’`´]/g, "'").replace(/\s+/g, " ").trim();
}

function overrideFor(overrides: AsnKindOverrides | undefined, asn: number): NetworkKind | undefined {
  if (!overrides) return undefined;
  const kind = overrides instanceof Map ? overrides.get(asn) : (overrides as Readonly<Record<number, NetworkKind>>)[asn];
  return kind !== undefined && (NETWORK_KINDS as readonly string[]).includes(kind) ? kind : undefined;
}

/**
 * Which kind of network an AS is: workspace overrides first, then the curated ASN lists, then name patterns,
 * else "unknown". Pure. When in doubt the answer is not "corporate".
 */
export function classifyNetwork(net: NetworkIdentity, overrides?: AsnKindOverrides): NetworkClassification {
  const asn = typeof net.asn === "number" && Number.isInteger(net.asn) && net.asn > 0 ? net.asn : null;
  const organization = (net.organization ?? "").trim();

  if (asn !== null) {
    const override = overrideFor(overrides, asn);
    if (override) return { kind: override, reason: `workspace override for AS${asn}`, source: "override" };
    const curated = byAsn.get(asn);
    if (curated) return { ...curated, source: "asn-list" };
  }

  if (organization !== "") {
    const name = normalizeOrganization(organization);
    for (const { kind, label, pattern, unless } of NAME_PATTERNS) {
      const match = pattern.exec(name);
      if (match && !unless?.test(name)) return { kind, reason: `${label}: "${match[0].trim()}" in "${organization}"`, source: "name" };
    }
  }

  if (asn === null && organization === "") return { kind: "unknown", reason: "no network information", source: "default" };
  return {
    kind: "unknown",
    reason: `not a listed network and no telling word in "${organization || `AS${asn}`}"`,
    source: "default",
  };
}
