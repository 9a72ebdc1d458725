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
export const IP_RANGE_LOOKUP_SQL = 'SELECT start, "end", asn, organization FROM ip_ranges WHERE family = ?1 AND start <= ?2 ORDER BY start DESC LIMIT 1';

export interface IpRangeRow {
  start: string;
  end: string;
  asn: number;
  organization: string;
}

/** The look-up statement for one parsed address; `rangeFromRow` reads its answer. */
export const ipRangeStatement = (db: D1Database, ip: ParsedIp) => db.prepare(IP_RANGE_LOOKUP_SQL).bind(ip.family, ip.hex);

export function rangeFromRow(row: IpRangeRow | null | undefined, ip: ParsedIp): IpRangeMatch | null {
  if (!row || row.end < ip.hex) return null;
  return {
    asn: row.asn,
    organization: row.organization,
    family: ip.family,
    start: formatIpHex(ip.family, row.start),
    end: formatIpHex(ip.family, row.end),
  };
}

/** Returns null for an invalid address or one outside every known range (unannounced, private…). */
export async function lookupIpRange(db: D1Database, ip: string | ParsedIp): Promise<IpRangeMatch | null> {
  const parsed = typeof ip === "string" ? parseIp(ip) : ip;
  if (!parsed) return null;
  return rangeFromRow(await ipRangeStatement(db, parsed).first<IpRangeRow>(), parsed);
}
