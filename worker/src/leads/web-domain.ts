/**
 * Web domains as people type them ("https://www.Danone.com/fr/", "danone.com", "jane@danone.com"), reduced to
 * the bare host: lower case, no scheme, `www.`, port, path or trailing dot. Pure.
 */

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/;

export function normalizeWebDomain(input: string): string | null {
  let s = input.trim();
  if (!s || /\s/.test(s)) return null;
  // An e-mail address stands for its domain.
  const at = s.lastIndexOf("@");
  if (at >= 0 && !s.includes("/")) s = s.slice(at + 1);
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s.replace(/^\/\//, "")}`).hostname;
  } catch {
    return null;
  }
  host = host
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\d?\./, "");
  if (host.length > 253) return null;
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  return TLD.test(labels[labels.length - 1]!) ? host : null;
}

/** Second-level labels under which a country code registers companies (danone.co.uk, not co.uk). */
const REGISTRY_SECOND_LEVELS = new Set(["co", "com", "net", "org", "gouv", "gov", "ac", "edu"]);

/**
 * The parent domains worth trying after the domain itself: "fr.danone.com" → ["danone.com"]. Never a bare
 * public suffix ("co.uk", "com").
 */
export function parentDomains(domain: string): string[] {
  const labels = domain.split(".");
  const out: string[] = [];
  for (let i = 1; labels.length - i >= 2; i++) {
    const rest = labels.slice(i);
    if (rest.length === 2 && REGISTRY_SECOND_LEVELS.has(rest[0]!) && rest[1]!.length === 2) break;
    out.push(rest.join("."));
  }
  return out;
}
