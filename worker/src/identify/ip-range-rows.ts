import { parseIp, type IpFamily } from "@sillage/shared/network/ip";

/** One row of the `ip_ranges` table (see db/schema/ip-ranges.ts). */
export interface IpRangeRow {
  family: IpFamily;
  start: string;
  end: string;
  asn: number;
  organization: string;
}

/**
 * One line of @ip-location-db/asn's `asn-ipv4.csv` / `asn-ipv6.csv`: `start,end,asn,organization`, the
 * organisation CSV-quoted when it holds a comma or a quote. Addresses and ASN never contain either, so the first
 * three commas split the line. Returns null for a malformed line or an address of the other family (an
 * IPv4-mapped address in the IPv6 file would otherwise land among IPv4 ranges).
 */
export function parseAsnCsvLine(line: string, family: IpFamily): IpRangeRow | null {
  const c1 = line.indexOf(",");
  const c2 = line.indexOf(",", c1 + 1);
  const c3 = line.indexOf(",", c2 + 1);
  if (c1 < 0 || c2 < 0 || c3 < 0) return null;
  const start = parseIp(line.slice(0, c1));
  const end = parseIp(line.slice(c1 + 1, c2));
  const asnText = line.slice(c2 + 1, c3);
  const organization = unquoteCsvField(line.slice(c3 + 1).replace(/\r$/, ""));
  if (!start || !end || start.family !== family || end.family !== family) return null;
  if (end.hex < start.hex || !/^\d{1,10}$/.test(asnText) || organization === null) return null;
  const asn = Number(asnText);
  if (asn > 0xffffffff) return null;
  return { family, start: start.hex, end: end.hex, asn, organization };
}

function unquoteCsvField(field: string): string | null {
  if (!field.startsWith('"')) return field.includes('"') ? null : field;
  if (field.length < 2 || !field.endsWith('"')) return null;
  const inner = field.slice(1, -1);
  // Inside quotes a quote is written twice; a lone quote means the line is not what we expect.
  if (inner.replaceAll('""', "").includes('"')) return null;
  return inner.replaceAll('""', '"');
}

/** D1 accepts at most 100 bound parameters per statement, and strings up to 2 MB. */
export const MAX_BOUND_PARAMETERS = 100;
/**
 * Rows per statement. Each statement binds ONE parameter, a JSON array of rows that SQLite unpacks with
 * json_each: well within D1's limits (~60 bytes a row → ~120 KB a statement), and one round trip instead of the
 * 100 a five-column multi-row VALUES would need at 20 rows per statement.
 */
export const ROWS_PER_STATEMENT = 2000;

// "WHERE true" is SQLite's documented way to let ON CONFLICT follow INSERT … SELECT without ambiguity.
// The DO UPDATE … WHERE makes re-importing identical data a no-op: nothing is rewritten unless the source changed.
const UPSERT_SQL =
  `INSERT INTO ip_ranges (family, start, "end", asn, organization) ` +
  `SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), ` +
  `json_extract(value, '$[3]'), json_extract(value, '$[4]') FROM json_each(?1) WHERE true ` +
  `ON CONFLICT (family, start) DO UPDATE SET "end" = excluded."end", asn = excluded.asn, ` +
  `organization = excluded.organization ` +
  `WHERE ip_ranges."end" IS NOT excluded."end" OR ip_ranges.asn IS NOT excluded.asn ` +
  `OR ip_ranges.organization IS NOT excluded.organization`;

/** Multi-row upserts, up to `rowsPerStatement` rows each, to run in one `db.batch` (one transaction). */
export function upsertIpRangeStatements(db: D1Database, rows: readonly IpRangeRow[], rowsPerStatement = ROWS_PER_STATEMENT): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const chunk = rows.slice(i, i + rowsPerStatement).map((r) => [r.family, r.start, r.end, r.asn, r.organization]);
    statements.push(db.prepare(UPSERT_SQL).bind(JSON.stringify(chunk)));
  }
  return statements;
}
