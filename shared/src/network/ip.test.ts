import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addressRange, formatIpHex, isIpHex, isPublicIp, parseIp } from "./ip";

const v4 = (s: string) => parseIp(s);

describe("parseIp", () => {
  it("turns IPv4 into 8 hex digits", () => {
    expect(parseIp("90.1.2.3")).toEqual({ family: 4, hex: "5a010203" });
    expect(parseIp("0.0.0.0")).toEqual({ family: 4, hex: "00000000" });
    expect(parseIp("255.255.255.255")).toEqual({ family: 4, hex: "ffffffff" });
  });

  it("turns IPv6 into 32 lowercase hex digits", () => {
    expect(parseIp("2a01:CB00::1")).toEqual({ family: 6, hex: "2a01cb00000000000000000000000001" });
    expect(parseIp("::")).toEqual({ family: 6, hex: "0".repeat(32) });
    expect(parseIp("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).toEqual({ family: 6, hex: "f".repeat(32) });
  });

  it("treats IPv4-mapped IPv6 as the IPv4 address", () => {
    expect(parseIp("::ffff:90.1.2.3")).toEqual(v4("90.1.2.3"));
    expect(parseIp("::ffff:5a01:0203")).toEqual(v4("90.1.2.3"));
    expect(parseIp("0:0:0:0:0:ffff:5a01:203")).toEqual(v4("90.1.2.3"));
  });

  it("keeps other IPv6 with an embedded IPv4 as IPv6", () => {
    expect(parseIp("64:ff9b::1.2.3.4")).toEqual({ family: 6, hex: "0064ff9b000000000000000001020304" });
  });

  it.each([
    "",
    " 1.2.3.4",
    "1.2.3.4 ",
    "1.2.3",
    "1.2.3.4.5",
    "1.2.3.256",
    "127.1",
    "2130706433",
    "0x7f.0.0.1",
    "01.2.3.4",
    "1.2.3.-1",
    "[::1]",
    "fe80::1%eth0",
    "1:2:3:4:5:6:7:8:9",
    "2001:db8:::1",
    "::ffff:0x7f.0.0.1",
    "gggg::1",
    "localhost",
    "1.2.3.4/24",
  ])("rejects %j", (s) => {
    expect(parseIp(s)).toBeNull();
  });

  it("rejects non-strings without throwing", () => {
    expect(parseIp(undefined as unknown as string)).toBeNull();
    expect(parseIp(42 as unknown as string)).toBeNull();
  });
});

describe("formatIpHex", () => {
  it("formats back to the usual text form", () => {
    expect(formatIpHex(4, "5a010203")).toBe("90.1.2.3");
    expect(formatIpHex(6, "2a01cb00000000000000000000000001")).toBe("2a01:cb00::1");
  });
  it("refuses keys of the wrong width or alphabet", () => {
    expect(() => formatIpHex(4, "5a0102")).toThrow(RangeError);
    expect(() => formatIpHex(6, "5a010203")).toThrow(RangeError);
    expect(() => formatIpHex(4, "5A010203")).toThrow(RangeError);
    expect(isIpHex(4, "zz010203")).toBe(false);
  });
});

describe("properties", () => {
  const ipv4 = fc.ipV4();
  const ipv6 = fc.ipV6();

  it("IPv4 round-trips through hex", () => {
    fc.assert(
      fc.property(ipv4, (s) => {
        const p = parseIp(s);
        expect(p?.family).toBe(4);
        expect(isIpHex(4, p!.hex)).toBe(true);
        expect(formatIpHex(4, p!.hex)).toBe(s);
      }),
    );
  });

  it("IPv6 round-trips through hex (mapped addresses come back as IPv4)", () => {
    fc.assert(
      fc.property(ipv6, (s) => {
        const p = parseIp(s);
        expect(p).not.toBeNull();
        expect(isIpHex(p!.family, p!.hex)).toBe(true);
        expect(parseIp(formatIpHex(p!.family, p!.hex))).toEqual(p);
      }),
    );
  });

  const numeric4 = (s: string) => s.split(".").reduce((n, part) => n * 256n + BigInt(part), 0n);
  const numeric6 = (hex: string) => BigInt(`0x${hex}`);

  it("hex order is numeric order (IPv4)", () => {
    fc.assert(
      fc.property(ipv4, ipv4, (a, b) => {
        const ha = parseIp(a)!.hex;
        const hb = parseIp(b)!.hex;
        expect(ha < hb).toBe(numeric4(a) < numeric4(b));
        expect(ha === hb).toBe(numeric4(a) === numeric4(b));
      }),
    );
  });

  it("hex order is numeric order (IPv6)", () => {
    const hex32 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((n) => n.toString(16).padStart(32, "0"));
    fc.assert(
      fc.property(hex32, hex32, (a, b) => {
        const fa = parseIp(formatIpHex(6, a));
        const fb = parseIp(formatIpHex(6, b));
        // Mapped addresses leave the IPv6 family; compare only those that stay.
        fc.pre(fa?.family === 6 && fb?.family === 6);
        expect(fa!.hex < fb!.hex).toBe(numeric6(a) < numeric6(b));
      }),
    );
  });
});

describe("isPublicIp", () => {
  it.each([
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["169.254.1.1", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["192.0.2.1", "reserved"],
    ["198.51.100.1", "reserved"],
    ["203.0.113.1", "reserved"],
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["2002:5a01:0203::1", "6to4"],
    ["2001:0:4136:e378::1", "teredo"],
    ["64:ff9b::1.2.3.4", "rfc6052"],
    ["::ffff:192.168.0.1", "private"],
  ])("%s is not public (%s)", (s, range) => {
    const p = parseIp(s)!;
    expect(addressRange(p)).toBe(range);
    expect(isPublicIp(p)).toBe(false);
  });

  it.each(["90.1.2.3", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "2a01:cb00::1", "::ffff:90.1.2.3"])("%s is public", (s) => {
    expect(isPublicIp(parseIp(s)!)).toBe(true);
  });
});
