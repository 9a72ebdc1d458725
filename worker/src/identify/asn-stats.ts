/**
 * Per-ASN figures derived from the `ip_ranges` table (IPv4 space announced, ranges per family), stored in
 * `asn_stats` so that identifying a visit reads one row instead of summing an operator's thousands of ranges.
 * Recomputed whole after each import of the IP table: it is then always the table's own figure, whatever was
 * resumed, replaced or limited.
 */

export interface AsnStats {
  asn: number;
  ipv4Addresses: number;
  ipv4Ranges: number;
  ipv6Ranges: number;
}

/** SQLite has no hex → integer function: the 8 hex digits of an IPv4 address, digit by digit. */
function ipv4HexToInt(column: string): string {
  const digits = Array.from({ length: 8 }, (_, i) => `(instr('0123456789abcdef', substr(${column}, ${i + 1}, 1)) - 1) * ${16 ** (7 - i)}`);
  return `(${digits.join(" + ")})`;
}

export const REFRESH_ASN_STATS_SQL =
  `INSERT INTO asn_stats (asn, ipv4_addresses, ipv4_ranges, ipv6_ranges) ` +
  `SELECT asn, ` +
  `SUM(CASE WHEN family = 4 THEN ${ipv4HexToInt('"end"')} - ${ipv4HexToInt("start")} + 1 ELSE 0 END), ` +
  `SUM(family = 4), SUM(family = 6) FROM ip_ranges GROUP BY asn`;

/** Recomputes every ASN's figures from `ip_ranges`, in one transaction (readers never see a half-filled table). */
export async function refreshAsnStats(db: D1Database): Promise<number> {
  const [, inserted] = await db.batch([db.prepare("DELETE FROM asn_stats"), db.prepare(REFRESH_ASN_STATS_SQL)]);
  return inserted?.meta.changes ?? 0;
}

interface AsnStatsRow {
  asn: number;
  ipv4_addresses: number;
  ipv4_ranges: number;
  ipv6_ranges: number;
}

export const asnStatsStatement = (db: D1Database, asn: number) =>
  db.prepare("SELECT asn, ipv4_addresses, ipv4_ranges, ipv6_ranges FROM asn_stats WHERE asn = ?1").bind(asn);

export function asnStatsFromRow(row: AsnStatsRow | null | undefined): AsnStats | null {
  if (!row) return null;
  return { asn: row.asn, ipv4Addresses: row.ipv4_addresses, ipv4Ranges: row.ipv4_ranges, ipv6Ranges: row.ipv6_ranges };
}

/** The ASN's figures, or null when the IP table has no range for it (or the stats were never computed). */
export async function asnStatsFor(db: D1Database, asn: number): Promise<AsnStats | null> {
  return asnStatsFromRow(await asnStatsStatement(db, asn).first<AsnStatsRow>());
}
