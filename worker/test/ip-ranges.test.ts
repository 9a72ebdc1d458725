import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { IP_RANGE_LOOKUP_SQL, lookupIpRange } from "../src/identify/ip-ranges";
import { parseAsnCsvLine, upsertIpRangeStatements, type IpRangeRow } from "../src/identify/ip-range-rows";

// Lines copied verbatim from node_modules/@ip-location-db/asn (asn-ipv4.csv / asn-ipv6.csv), chosen for their
// boundaries: adjacent ranges, gaps, the first and last lines of each file, CSV quoting, and the one overlap.
const IPV4_LINES = `1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd
2.26.200.0,2.26.215.255,201907,"LLC ""SPUTNIK"""
82.57.216.0,82.63.255.255,3269,Telecom Italia S.p.A.
82.64.0.0,82.67.255.255,12322,Free SAS
82.68.0.0,82.69.255.255,13037,Zen Internet Ltd
82.70.32.0,82.70.95.255,31898,Oracle Corporation
90.0.0.0,90.36.127.255,3215,Orange S.A.
90.37.0.0,90.63.255.255,3215,Orange S.A.
90.64.0.0,90.64.255.255,15962,Orange Slovensko a.s.
214.95.0.0,215.0.255.255,749,United States Department of Defense (DoD)
215.0.0.0,215.1.3.255,721,DoD Network Information Center
215.1.4.0,215.1.4.255,27066,DoD Network Information Center
223.255.254.0,223.255.254.255,55415,Marina Bay Sands Pte Ltd`;

const IPV6_LINES = `2001::,2001::ffff:ffff:ffff:ffff:ffff:ffff,6939,Hurricane Electric LLC
2001:200:1ba::,2001:200:1ba:ffff:ffff:ffff:ffff:ffff,24047,"Internet Systems Consortium, Inc."
2a01:c919::,2a01:c9c0:c01d:ffff:ffff:ffff:ffff:ffff,5511,Orange S.A.
2a01:c9c0:c01e::,2a01:c9c0:c01e:ffff:ffff:ffff:ffff:ffff,24863,LINKdotNET AS number
2a01:c9c0:c01f::,2a01:dffe:ffff:ffff:ffff:ffff:ffff:ffff,5511,Orange S.A.
2a01:e00::,2a01:e03:ffff:ffff:ffff:ffff:ffff:ffff,12322,Free SAS
2a01:e05::,2a01:e06:ffff:ffff:ffff:ffff:ffff:ffff,12322,Free SAS
2c0f:fff0::,2c0f:fff0:ffff:ffff:ffff:ffff:ffff:ffff,37125,Layer3 Limited`;

function rows(text: string, family: 4 | 6): IpRangeRow[] {
  return text.split("\n").map((line) => {
    const row = parseAsnCsvLine(line, family);
    if (!row) throw new Error(`fixture line rejected: ${line}`);
    return row;
  });
}

async function load(list: IpRangeRow[]): Promise<number> {
  const results = await env.DB.batch(upsertIpRangeStatements(env.DB, list));
  return results.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
}

describe("parseAsnCsvLine", () => {
  it("reads plain and CSV-quoted organisations", () => {
    expect(parseAsnCsvLine("82.64.0.0,82.67.255.255,12322,Free SAS", 4)).toEqual({
      family: 4,
      start: "52400000",
      end: "5243ffff",
      asn: 12322,
      organization: "Free SAS",
    });
    expect(parseAsnCsvLine('1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."', 4)?.organization).toBe("Cloudflare, Inc.");
    expect(parseAsnCsvLine('2.26.200.0,2.26.215.255,201907,"LLC ""SPUTNIK"""', 4)?.organization).toBe('LLC "SPUTNIK"');
    expect(parseAsnCsvLine("90.0.0.0,90.36.127.255,3215,Orange S.A.\r", 4)?.organization).toBe("Orange S.A.");
  });

  it.each([
    ["", 4],
    ["90.0.0.0,90.36.127.255,3215", 4],
    ["90.0.0.0,90.36.127.255,AS3215,Orange", 4],
    ["90.0.0.0,90.36.127.255,99999999999,Orange", 4],
    ["90.36.127.255,90.0.0.0,3215,Orange", 4], // end before start
    ["90.0.0.0,90.36.127.255,3215,Orange", 6], // wrong family
    ["::ffff:90.0.0.0,::ffff:90.36.127.255,3215,Orange", 6], // mapped addresses would land among IPv4
    ['90.0.0.0,90.36.127.255,3215,"Orange', 4],
    ['90.0.0.0,90.36.127.255,3215,Or"ange', 4],
  ] as const)("rejects %j as IPv%s", (line, family) => {
    expect(parseAsnCsvLine(line, family)).toBeNull();
  });
});

describe("lookupIpRange", () => {
  beforeAll(async () => {
    await load([...rows(IPV4_LINES, 4), ...rows(IPV6_LINES, 6)]);
  });

  it.each([
    ["82.64.0.0", 12322, "first address of a range"],
    ["82.67.255.255", 12322, "last address of a range"],
    ["82.68.0.0", 13037, "first address of the adjacent range"],
    ["82.63.255.255", 3269, "last address of the previous adjacent range"],
    ["90.36.127.255", 3215, "last address before a gap"],
    ["1.0.0.0", 13335, "first row of the file"],
    ["223.255.254.255", 55415, "last row of the file"],
    ["215.0.0.5", 721, "the overlap: the later, narrower range wins"],
    ["214.255.0.1", 749, "inside the wider overlapping range"],
  ])("%s → AS%s (%s)", async (ip, asn) => {
    expect((await lookupIpRange(env.DB, ip))?.asn).toBe(asn);
  });

  it.each([
    ["90.36.128.0", "just after a range, in a gap"],
    ["90.36.255.255", "just before the next range"],
    ["1.0.1.0", "gap after the first row"],
    ["0.255.255.255", "below every range"],
    ["223.255.255.0", "after the last range"],
    ["82.70.96.0", "one past the end of a range followed by nothing loaded"],
  ])("%s → null (%s)", async (ip) => {
    expect(await lookupIpRange(env.DB, ip)).toBeNull();
  });

  it("returns the range in text form", async () => {
    expect(await lookupIpRange(env.DB, "90.12.34.56")).toEqual({
      asn: 3215,
      organization: "Orange S.A.",
      family: 4,
      start: "90.0.0.0",
      end: "90.36.127.255",
    });
  });

  it("looks IPv6 up, boundaries included", async () => {
    expect((await lookupIpRange(env.DB, "2a01:e00::"))?.asn).toBe(12322);
    expect((await lookupIpRange(env.DB, "2a01:e03:ffff:ffff:ffff:ffff:ffff:ffff"))?.asn).toBe(12322);
    expect(await lookupIpRange(env.DB, "2a01:e04::")).toBeNull();
    expect(await lookupIpRange(env.DB, "2a01:e04:ffff:ffff:ffff:ffff:ffff:ffff")).toBeNull();
    expect((await lookupIpRange(env.DB, "2a01:e05::1"))?.organization).toBe("Free SAS");
    expect((await lookupIpRange(env.DB, "2a01:c9c0:c01d:ffff:ffff:ffff:ffff:ffff"))?.asn).toBe(5511);
    expect((await lookupIpRange(env.DB, "2a01:c9c0:c01e::"))?.asn).toBe(24863);
    expect((await lookupIpRange(env.DB, "2a01:c9c0:c01f::"))?.asn).toBe(5511);
    expect((await lookupIpRange(env.DB, "2a01:cb00:1234::1"))?.asn).toBe(5511);
    expect((await lookupIpRange(env.DB, "2001::1"))?.asn).toBe(6939);
    expect((await lookupIpRange(env.DB, "2c0f:fff0:ffff:ffff:ffff:ffff:ffff:ffff"))?.asn).toBe(37125);
    expect(await lookupIpRange(env.DB, "2c0f:fff1::")).toBeNull();
    expect(await lookupIpRange(env.DB, "2000::1")).toBeNull();
  });

  it("looks IPv4-mapped IPv6 up among IPv4 ranges", async () => {
    expect((await lookupIpRange(env.DB, "::ffff:82.64.0.0"))?.asn).toBe(12322);
    expect((await lookupIpRange(env.DB, "::ffff:5a00:1"))?.asn).toBe(3215);
  });

  it("never matches across families", async () => {
    // 0000:0000::/… would compare below every IPv6 range; an IPv4 key must not be looked up among IPv6 rows.
    expect(await lookupIpRange(env.DB, "::5a00:1")).toBeNull();
  });

  it("returns null for invalid input", async () => {
    expect(await lookupIpRange(env.DB, "not an ip")).toBeNull();
    expect(await lookupIpRange(env.DB, "90.0.0")).toBeNull();
  });

  it("uses the primary-key index (SEARCH, never SCAN)", async () => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${IP_RANGE_LOOKUP_SQL}`).bind(4, "5a000001").all<{ detail: string }>();
    const plan = results.map((r) => r.detail).join(" | ");
    expect(plan).toMatch(/SEARCH ip_ranges USING (INDEX sqlite_autoindex_ip_ranges_1|PRIMARY KEY) \(family=\? AND start<\?\)/);
    expect(plan).not.toMatch(/SCAN/);
    expect(plan).not.toMatch(/TEMP B-TREE/); // ORDER BY served by the index too
  });
});

describe("upsertIpRangeStatements", () => {
  it("is idempotent and updates a changed row in place", async () => {
    const slice = rows(IPV4_LINES, 4)
      .slice(0, 3)
      .map((r) => ({ ...r, start: `f${r.start.slice(1)}`, end: `f${r.end.slice(1)}` }));
    expect(await load(slice)).toBe(3);
    expect(await load(slice)).toBe(0);
    const changed = slice.map((r, i) => (i === 1 ? { ...r, organization: "Renamed" } : r));
    expect(await load(changed)).toBe(1);
    const row = await env.DB.prepare("SELECT organization FROM ip_ranges WHERE family = 4 AND start = ?").bind(slice[1]!.start).first();
    expect(row).toEqual({ organization: "Renamed" });
  });

  it("writes many rows per statement with one bound parameter, and quoting survives the JSON trip", async () => {
    const many = Array.from(
      { length: 4500 },
      (_, i): IpRangeRow => ({
        family: 6,
        start: `e${i.toString(16).padStart(31, "0")}`,
        end: `e${i.toString(16).padStart(31, "0")}`,
        asn: 4_200_000_000 + i,
        organization: i === 7 ? 'LLC "SPUTNIK", \\ é ü 中' : "x",
      }),
    );
    const statements = upsertIpRangeStatements(env.DB, many);
    expect(statements).toHaveLength(3); // 2000 + 2000 + 500
    const results = await env.DB.batch(statements);
    expect(results.reduce((n, r) => n + (r.meta.changes ?? 0), 0)).toBe(4500);
    const row = await env.DB.prepare("SELECT asn, organization FROM ip_ranges WHERE family = 6 AND start = ?").bind(many[7]!.start).first();
    expect(row).toEqual({ asn: 4_200_000_007, organization: 'LLC "SPUTNIK", \\ é ü 中' });
    expect(upsertIpRangeStatements(env.DB, many, 20)).toHaveLength(225);
  });
});
