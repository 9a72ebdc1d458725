import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cidrToHexRange } from "./cidr";
import { formatIpHex, parseIp } from "./ip";

describe("cidrToHexRange", () => {
  it("gives the first and last address of an IPv4 block", () => {
    expect(cidrToHexRange("90.0.0.0/9")).toEqual({ family: 4, start: "5a000000", end: "5a7fffff" });
    expect(cidrToHexRange("193.50.12.0/24")).toEqual({ family: 4, start: "c1320c00", end: "c1320cff" });
  });

  it("ignores host bits, like routers do", () => {
    expect(cidrToHexRange("10.1.2.3/16")).toEqual(cidrToHexRange("10.1.0.0/16"));
  });

  it("handles /0 and host routes", () => {
    expect(cidrToHexRange("0.0.0.0/0")).toEqual({ family: 4, start: "00000000", end: "ffffffff" });
    expect(cidrToHexRange("1.2.3.4/32")).toEqual({ family: 4, start: "01020304", end: "01020304" });
    expect(cidrToHexRange("::/0")).toEqual({ family: 6, start: "0".repeat(32), end: "f".repeat(32) });
    expect(cidrToHexRange("2a01:cb00::1/128")).toEqual({
      family: 6,
      start: "2a01cb00000000000000000000000001",
      end: "2a01cb00000000000000000000000001",
    });
  });

  it("gives the first and last address of an IPv6 block", () => {
    expect(cidrToHexRange("2a01:cb00::/32")).toEqual({
      family: 6,
      start: "2a01cb00000000000000000000000000",
      end: "2a01cb00ffffffffffffffffffffffff",
    });
  });

  it("reads an IPv4-mapped IPv6 block as the IPv4 block", () => {
    expect(cidrToHexRange("::ffff:10.0.0.0/104")).toEqual(cidrToHexRange("10.0.0.0/8"));
    expect(cidrToHexRange("::ffff:10.0.0.0/64")).toBeNull();
  });

  it.each(["10.0.0.0", "10.0.0.0/33", "2a01::/129", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/ 8", "x/8", "10.0.0.0/", "/8"])("rejects %j", (s) => {
    expect(cidrToHexRange(s)).toBeNull();
  });

  it("contains exactly the addresses sharing the prefix (property)", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), fc.ipV4(), (base, prefix, probe) => {
        const range = cidrToHexRange(`${base}/${prefix}`)!;
        const num = (s: string) => BigInt(`0x${parseIp(s)!.hex}`);
        const shift = BigInt(32 - prefix);
        const inside = num(probe) >> shift === num(base) >> shift;
        const hex = parseIp(probe)!.hex;
        expect(range.start <= hex && hex <= range.end).toBe(inside);
        expect(parseIp(formatIpHex(4, range.start))!.hex).toBe(range.start);
      }),
    );
  });
});
