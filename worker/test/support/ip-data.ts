import { env } from "cloudflare:workers";
import { parseAsnCsvLine } from "../../src/identify/ip-range-rows";

/** Real lines of @ip-location-db/asn (asn-ipv4.csv), loaded through the importer's own line parser. */
export const REAL_RANGES = [
  "2.3.0.0,2.15.255.255,3215,Orange S.A.",
  "62.147.0.0,62.147.255.255,12322,Free SAS",
  "2.26.132.0,2.26.132.255,16276,OVH SAS",
  "81.194.0.0,81.194.255.255,2200,Renater",
  "140.94.0.0,140.94.255.255,206720,AIRBUS SAS",
  "141.227.0.0,141.227.5.255,21070,TotalEnergies SE",
];

export function loadRealRanges(): Promise<void> {
  return loadRanges(REAL_RANGES);
}

/** Lines in the shape of asn-ipv4.csv (`first,last,asn,organization`) into the ip_ranges table. */
export async function loadRanges(lines: readonly string[]): Promise<void> {
  const rows = lines.map((l) => parseAsnCsvLine(l, 4)!);
  await env.DB.batch(
    rows.map((r) =>
      env.DB.prepare(`INSERT OR REPLACE INTO ip_ranges (family, start, "end", asn, organization) VALUES (?, ?, ?, ?, ?)`).bind(
        r.family,
        r.start,
        r.end,
        r.asn,
        r.organization,
      ),
    ),
  );
}
