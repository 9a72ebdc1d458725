import ipaddr from "ipaddr.js";

/**
 * IP addresses as the `ip_ranges` table stores them: fixed-width lowercase hex (8 digits for IPv4, 32 for IPv6),
 * so that comparing two strings of the same family compares the addresses numerically.
 * Pure: runs in Workers and in Node.
 */
export type IpFamily = 4 | 6;

export interface ParsedIp {
  family: IpFamily;
  /** 8 (IPv4) or 32 (IPv6) lowercase hex digits. */
  hex: string;
}

export const HEX_WIDTH: Readonly<Record<IpFamily, number>> = { 4: 8, 6: 32 };

/**
 * Parses an address as it comes from a request header or a CSV. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes
 * IPv4, because the table looks IPv4 visitors up among IPv4 ranges.
 * Strict on purpose: only dotted four-part decimal IPv4 (no `127.1`, `0x7f.0.0.1`, leading zeros), no IPv6 zone id
 * (`fe80::1%eth0`), no surrounding spaces or brackets. Returns null for anything else.
 */
export function parseIp(input: string): ParsedIp | null {
  if (typeof input !== "string" || input.length === 0 || input.length > 64) return null;
  if (input.includes(":")) return parseIpv6(input);
  if (!ipaddr.IPv4.isValidFourPartDecimal(input)) return null;
  return { family: 4, hex: bytesToHex(ipaddr.IPv4.parse(input).toByteArray()) };
}

function parseIpv6(input: string): ParsedIp | null {
  if (input.includes("%") || !ipaddr.IPv6.isValid(input)) return null;
  // ipaddr.js accepts hex/octal parts in an embedded IPv4 (`::ffff:0x7f.0.0.1`); we do not.
  const dotted = input.lastIndexOf(":");
  if (input.includes(".") && !ipaddr.IPv4.isValidFourPartDecimal(input.slice(dotted + 1))) return null;
  const v6 = ipaddr.IPv6.parse(input);
  if (v6.isIPv4MappedAddress()) return { family: 4, hex: bytesToHex(v6.toIPv4Address().toByteArray()) };
  return { family: 6, hex: bytesToHex(v6.toByteArray()) };
}

function bytesToHex(bytes: number[]): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

function hexToBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16));
  return bytes;
}

/** True when `hex` is a well-formed table key for `family`. */
export function isIpHex(family: IpFamily, hex: string): boolean {
  return hex.length === HEX_WIDTH[family] && /^[0-9a-f]+$/.test(hex);
}

/** Back from table form to the usual text form (`1.2.3.4`, `2001:db8::1`). */
export function formatIpHex(family: IpFamily, hex: string): string {
  if (!isIpHex(family, hex)) throw new RangeError(`not an IPv${family} hex key: ${hex}`);
  const bytes = hexToBytes(hex);
  return family === 4 ? new ipaddr.IPv4(bytes).toString() : new ipaddr.IPv6(bytes).toString();
}

/**
 * ipaddr.js names every special-purpose range (private, loopback, linkLocal, uniqueLocal, carrierGradeNat,
 * reserved, multicast, unspecified, 6to4, teredo…); globally routed addresses are "unicast".
 */
export function addressRange(ip: ParsedIp): string {
  const bytes = hexToBytes(ip.hex);
  return ip.family === 4 ? new ipaddr.IPv4(bytes).range() : new ipaddr.IPv6(bytes).range();
}

/**
 * Only globally routed unicast addresses can belong to a visitor's network. Private, loopback, link-local,
 * CGNAT, documentation, multicast and other reserved space never identifies anyone, and IPv6 transition
 * prefixes (6to4, Teredo, NAT64) hide the real network behind a relay.
 */
export function isPublicIp(ip: ParsedIp): boolean {
  return addressRange(ip) === "unicast";
}
