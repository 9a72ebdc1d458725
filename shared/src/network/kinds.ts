/**
 * What kind of network an address belongs to. Only "corporate" names the company that visited; "education" and
 * "government" are organisations of their own kind (may be shown, flagged); every other kind says nothing about
 * who the visitor is.
 */
export const NETWORK_KINDS = ["isp", "mobile", "hosting", "vpn", "education", "government", "corporate", "unknown"] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** Kinds whose organisation may become a lead. */
export const LEAD_KINDS: ReadonlySet<NetworkKind> = new Set(["corporate", "education", "government"]);

/** True when the organisation behind the network may be reported as the visitor (education/government flagged). */
export function isLeadKind(kind: NetworkKind): boolean {
  return LEAD_KINDS.has(kind);
}
