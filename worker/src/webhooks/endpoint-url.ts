import ipaddr from "ipaddr.js";

/** The developer's own receiver, as typed: allowed (http too) only in local mode, never in production. */
const LOCAL_DEV_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const MAX_URL_LENGTH = 2000;
/** Names that only mean something inside a network: cloud metadata services, mDNS, intranets. */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|localdomain|home\.arpa)$/;
const METADATA_NAMES = new Set(["metadata", "metadata.google.internal", "instance-data", "metadata.azure.internal"]);

export type EndpointUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Webhook URLs must be public https: lead data (names, e-mails, phones) must not cross the Internet in clear,
 * and Sillage must not be turned into a way to reach private or cloud-internal addresses (SSRF). Refused:
 * private, loopback, link-local, CGNAT, unique-local, IPv4-mapped/translated IPv6 and any non-unicast address
 * (in every spelling: `2130706433`, `0x7f.1`, `0177.0.0.1` are 127.0.0.1 once parsed), single-label and internal
 * names (`localhost.`, `*.internal`, `metadata.google.internal`), credentials in the URL.
 *
 * The one exception is explicit and local only: with `SILLAGE_TRUST_CLIENT_IP` = "1" (local dev and tests,
 * never production), a URL whose host is typed exactly `127.0.0.1`, `localhost` or `[::1]` is accepted, over
 * http too, so that a developer (and the test suite) can point Sillage at a receiver on their machine.
 */
export function checkEndpointUrl(raw: string, opts: { localMode: boolean }): EndpointUrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, message: `url: at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: "url: not a valid absolute URL" };
  }
  if (url.username || url.password) return { ok: false, message: "url: must not contain a user name or password" };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "url: must be https" };

  if (opts.localMode && LOCAL_DEV_HOSTS.has(typedHost(raw))) return { ok: true, url: url.toString() };
  if (url.protocol !== "https:") {
    return { ok: false, message: opts.localMode ? "url: must be https (or http on 127.0.0.1 / localhost in local mode)" : "url: must be https" };
  }
  const refusal = hostRefusal(url.hostname);
  if (refusal) return { ok: false, message: `url: must be a public https URL (${refusal})` };
  return { ok: true, url: url.toString() };
}

/** The host exactly as written in the URL (lower case, without port): "http://0x7f.1/" → "0x7f.1". */
function typedHost(raw: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(raw.trim())?.[1] ?? "";
  const host = authority.slice(authority.lastIndexOf("@") + 1).toLowerCase();
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d*$/, "");
}

/** Why a (WHATWG-parsed) host is not a public destination, or null. Pure. */
export function hostRefusal(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.+$/, ""); // "localhost." is localhost
  const literal = host.startsWith("[") ? host.slice(1, -1) : host;
  if (ipaddr.isValid(literal)) return addressRefusal(ipaddr.parse(literal));
  if (!host.includes(".")) return `${hostname} is not a public host name`;
  if (METADATA_NAMES.has(host)) return `${hostname} is a cloud metadata service`;
  if (INTERNAL_NAME.test(host)) return `${hostname} is an internal name`;
  return null;
}

function addressRefusal(addr: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  // ::ffff:127.0.0.1 and friends reach the embedded IPv4 address: judge that one.
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) return `${addr.toString()} is an IPv4-mapped address`;
  const range = addr.range();
  // ipaddr.js names every special-purpose block (private, loopback, linkLocal, carrierGradeNat, uniqueLocal,
  // reserved, 6to4, teredo…); only plain unicast is the public Internet. 169.254.169.254 is linkLocal.
  return range === "unicast" ? null : `${addr.toString()} is a ${range} address`;
}
