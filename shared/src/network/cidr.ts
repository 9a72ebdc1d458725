import { parseIp, type IpFamily } from "./ip";

/** An inclusive address range in table form (see ip.ts). */
export interface HexRange {
  family: IpFamily;
  start: string;
  end: string;
}

/**
 * `10.1.0.0/16` or `2a01:cb00::/32` → first and last address in hex, for workspace overrides (IP ranges → SIREN).
 * Host bits are ignored (`10.1.2.3/16` means 10.1.0.0–10.1.255.255), as routers do. An IPv4-mapped IPv6 CIDR
 * (`::ffff:10.0.0.0/104`) is accepted and returned as the IPv4 range, like parseIp does for addresses.
 * Returns null for anything that is not an address followed by a valid prefix length.
 */
export function cidrToHexRange(cidr: string): HexRange | null {
  const slash = cidr.indexOf("/");
  if (slash < 0) return null;
  const addressText = cidr.slice(0, slash);
  const prefixText = cidr.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const address = parseIp(addressText);
  if (!address) return null;
  let prefix = Number(prefixText);
  if (address.family === 4 && addressText.includes(":")) {
    if (prefix < 96) return null; // a mapped prefix shorter than /96 leaves the IPv4-mapped block
    prefix -= 96;
  }
  const bits = address.family === 4 ? 32 : 128;
  if (prefix > bits) return null;

  const value = BigInt(`0x${address.hex}`);
  const hostBits = BigInt(bits - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const start = value & ~hostMask;
  const end = start | hostMask;
  const width = address.hex.length;
  return {
    family: address.family,
    start: start.toString(16).padStart(width, "0"),
    end: end.toString(16).padStart(width, "0"),
  };
}
