import { formatIpHex, parseIp, type IpFamily, type ParsedIp } from "@sillage/shared/network/ip";

/** The autonomous system announcing an address, from the `ip_ranges` table. */
export interface IpRangeMatch {
  asn: number;
  organization: string;
  family: IpFamily;
  /** First and last address of the range, in the usual text form. */
  start: string;
  end: string;
}

/**
 * Ranges do not overlap, so the only candidate is the range with the greatest start ≤ ip: one descent of the
 * primary-key index (family, start), never a scan. Whether the ip is inside that range is checked in code.
 */
export const IP_RANGE_LOOKUP_SQL =
  'SELECT start, "end", asn, organization FROM ip_ranges WHERE family = ?1 AND start <= ?2 ORDER BY start DESC LIMIT 1';

interface Row {
  start: string;
  end: string;
  asn: number;
  organization: string;
}

/** Returns null for an invalid address or one outside every known range (unannounced, private…). */
export async function lookupIpRange(db: D1Database, ip: string | ParsedIp): Promise<IpRangeMatch | null> {
  const parsed = typeof ip === "string" ? parseIp(ip) : ip;
  if (!parsed) return null;
  const row = await db.prepare(IP_RANGE_LOOKUP_SQL).bind(parsed.family, parsed.hex).first<Row>();
  if (!row || row.end < parsed.hex) return null;
  return {
    asn: row.asn,
    organization: row.organization,
    family: parsed.family,
    start: formatIpHex(parsed.family, row.start),
    end: formatIpHex(parsed.family, row.end),
  };
}
