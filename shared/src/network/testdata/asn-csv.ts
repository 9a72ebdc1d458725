import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { parseIp, type IpFamily } from "../ip";

/**
 * Test helper (Node only): reads the real @ip-location-db/asn CSVs once, so that tests classify organisation names
 * exactly as the data spells them and look real addresses up.
 */
export interface AsnData {
  organizationOf(asn: number): string | undefined;
  /** IPv4 addresses the ASN announces in the data (0 when it announces none). */
  ipv4AddressesOf(asn: number): number;
  /** IPv4 ranges (rows of the CSV) the ASN announces, as the worker's `asn_stats` counts them. */
  ipv4RangesOf(asn: number): number;
  /** The range holding `ip` (binary search over the sorted source), or undefined. */
  lookup(ip: string): { asn: number; organization: string } | undefined;
  asnCount: number;
}

interface FamilyRanges {
  starts: string[];
  ends: string[];
  asns: number[];
}

const csvDir = () => path.dirname(createRequire(import.meta.url).resolve("@ip-location-db/asn/package.json"));

function splitLine(line: string): [string, string, string, string] | null {
  const c1 = line.indexOf(",");
  const c2 = line.indexOf(",", c1 + 1);
  const c3 = line.indexOf(",", c2 + 1);
  if (c3 < 0) return null;
  let org = line.slice(c3 + 1);
  if (org.startsWith('"')) org = org.slice(1, -1).replaceAll('""', '"');
  return [line.slice(0, c1), line.slice(c1 + 1, c2), line.slice(c2 + 1, c3), org];
}

/** The CSV's IPv4 is always dotted decimal: a fast path for 400k lines (parseIp would do, slower). */
function ipv4Hex(text: string): string | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  return parts.map((p) => Number(p).toString(16).padStart(2, "0")).join("");
}

async function readFamily(family: IpFamily, orgs: Map<number, string>): Promise<FamilyRanges> {
  const ranges: FamilyRanges = { starts: [], ends: [], asns: [] };
  const file = path.join(csvDir(), family === 4 ? "asn-ipv4.csv" : "asn-ipv6.csv");
  // A test helper may hold 40 MB for a moment; it is faster than readline here.
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    const f = splitLine(line);
    if (!f) continue;
    const start = family === 4 ? ipv4Hex(f[0]) : parseIp(f[0])?.hex;
    const end = family === 4 ? ipv4Hex(f[1]) : parseIp(f[1])?.hex;
    if (!start || !end) continue;
    const asn = Number(f[2]);
    if (!orgs.has(asn)) orgs.set(asn, f[3]);
    ranges.starts.push(start);
    ranges.ends.push(end);
    ranges.asns.push(asn);
  }
  return ranges;
}

let cached: Promise<AsnData> | undefined;

export function loadAsnData(): Promise<AsnData> {
  cached ??= (async () => {
    const orgs = new Map<number, string>();
    const byFamily: Record<IpFamily, FamilyRanges> = { 4: await readFamily(4, orgs), 6: await readFamily(6, orgs) };
    const v4 = new Map<number, number>();
    const ranges4 = new Map<number, number>();
    const r4 = byFamily[4];
    for (let i = 0; i < r4.asns.length; i++) {
      const asn = r4.asns[i]!;
      v4.set(asn, (v4.get(asn) ?? 0) + parseInt(r4.ends[i]!, 16) - parseInt(r4.starts[i]!, 16) + 1);
      ranges4.set(asn, (ranges4.get(asn) ?? 0) + 1);
    }
    return {
      ipv4AddressesOf: (asn) => v4.get(asn) ?? 0,
      ipv4RangesOf: (asn) => ranges4.get(asn) ?? 0,
      asnCount: orgs.size,
      organizationOf: (asn) => orgs.get(asn),
      lookup(ip) {
        const p = parseIp(ip);
        if (!p) return undefined;
        const r = byFamily[p.family];
        let lo = 0;
        let hi = r.starts.length - 1;
        let found = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (r.starts[mid]! <= p.hex) {
            found = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        if (found < 0 || r.ends[found]! < p.hex) return undefined;
        const asn = r.asns[found]!;
        return { asn, organization: orgs.get(asn)! };
      },
    };
  })();
  return cached;
}
