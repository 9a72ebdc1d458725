/**
 * Validation of a site's allowed hostnames (the collector's `hostnameAllowed` matches page hostnames against
 * them): "www.exemple.fr" (also allows exemple.fr's www), "*.exemple.fr" (the domain and all subdomains),
 * "localhost", an IPv4 address. Internationalised names are stored in their ASCII (punycode) form, which is
 * what browsers report as `location.hostname`. An empty list means any hostname.
 */
export const MAX_HOSTNAMES = 50;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export type HostnamesResult = { ok: true; value: string[] } | { ok: false; message: string };

function normaliseOne(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const entry = raw.trim().toLowerCase().replace(/\.$/, "");
  const shown = `"${raw.slice(0, 80)}"`;
  if (!entry) return { ok: false, message: "an empty hostname" };
  if (entry === "*") return { ok: false, message: `${shown}: leave the list empty to allow every hostname` };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(entry) || entry.includes("/"))
    return { ok: false, message: `${shown} is a URL: give only its hostname, e.g. www.exemple.fr` };
  if (entry.includes(":")) return { ok: false, message: `${shown}: no port or IPv6 address, only a hostname` };
  const wildcard = entry.startsWith("*.");
  const host = wildcard ? entry.slice(2) : entry;
  if (host.includes("*")) return { ok: false, message: `${shown}: a wildcard is only allowed as "*." at the start` };
  if (IPV4.test(host)) return wildcard ? { ok: false, message: `${shown}: no wildcard on an IP address` } : { ok: true, value: host };
  let ascii: string;
  try {
    ascii = new URL(`http://${host}`).hostname;
  } catch {
    return { ok: false, message: `${shown} is not a valid hostname` };
  }
  // An ASCII entry must come back unchanged: URL parsing would quietly drop "?x" or rewrite "1.2.3" as an IP.
  const isAscii = /^[\x21-\x7e]+$/.test(host);
  if ((isAscii && ascii !== host) || ascii.length > 253 || !ascii.split(".").every((l) => LABEL.test(l)))
    return { ok: false, message: `${shown} is not a valid hostname` };
  return { ok: true, value: wildcard ? `*.${ascii}` : ascii };
}

export function normaliseHostnames(list: readonly string[]): HostnamesResult {
  if (list.length > MAX_HOSTNAMES) return { ok: false, message: `at most ${MAX_HOSTNAMES} hostnames per site` };
  const out: string[] = [];
  for (const raw of list) {
    const one = normaliseOne(raw);
    if (!one.ok) return one;
    if (!out.includes(one.value)) out.push(one.value);
  }
  return { ok: true, value: out };
}
