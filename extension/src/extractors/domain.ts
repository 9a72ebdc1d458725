import { classifyEmailDomain } from "@sillage/shared/email-domains";

/** LinkedIn wraps outbound links; the real destination is in the `url` query parameter. */
const LINKEDIN_REDIRECT_PATHS = [/^\/redir\/redirect\/?$/, /^\/safety\/go\/?$/];

export function isLinkedInHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === "linkedin.com" || h.endsWith(".linkedin.com") || h === "lnkd.in";
}

/** Parses a website as typed by people ("doctolib.fr", "https://www.doctolib.fr/fr/"), http(s) only. */
export function parseWebUrl(raw: string | null | undefined): URL | undefined {
  const s = raw?.trim();
  if (!s || /\s/.test(s)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s.replace(/^\/\//, "")}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}

/** Follows LinkedIn's redirect wrappers (a few levels at most) to the real destination. */
export function unwrapRedirect(raw: string): string {
  let current = raw.trim();
  for (let depth = 0; depth < 3; depth++) {
    const url = parseWebUrl(current);
    if (!url || !isLinkedInHost(url.hostname)) return current;
    if (!LINKEDIN_REDIRECT_PATHS.some((re) => re.test(url.pathname))) return current;
    const target = url.searchParams.get("url");
    if (!target) return current;
    current = target;
  }
  return current;
}

/** A registrable-looking host name: letters/digits/hyphens, a dot, an alphabetic TLD; never an IP. */
function isPlausibleHost(host: string): boolean {
  if (host.length > 253 || !host.includes(".")) return false;
  const labels = host.split(".");
  if (labels.some((l) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return false;
  const tld = labels[labels.length - 1]!;
  return /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/.test(tld);
}

/** The normalised web domain of a website value: lowercase, no `www.`, no port, no path. */
export function websiteDomain(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const url = parseWebUrl(unwrapRedirect(raw));
  if (!url) return undefined;
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  return isPlausibleHost(host) ? host : undefined;
}

/** A bare email address from a field value or a `mailto:` link, lowercased; undefined if malformed. */
export function parseEmail(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let s = raw.trim().replace(/^mailto:/i, "");
  s = s.split("?")[0] ?? "";
  try {
    s = decodeURIComponent(s);
  } catch {
    // Keep the raw value; the shape check below decides.
  }
  s = s.trim().toLowerCase();
  if (!/^[^\s@<>()",;]+@[^\s@<>()",;]+$/.test(s)) return undefined;
  const domain = s.slice(s.indexOf("@") + 1);
  return isPlausibleHost(domain) ? s : undefined;
}

/** The employer's domain from a work email. Consumer mailboxes (gmail.com, orange.fr), disposable and
 * reserved domains yield nothing: the shared classifier is the one the worker uses too. */
export function workEmailDomain(email: string | null | undefined): string | undefined {
  const parsed = parseEmail(email);
  if (!parsed) return undefined;
  const domain = websiteDomain(parsed.slice(parsed.indexOf("@") + 1));
  if (!domain) return undefined;
  // A university is the organisation of its staff, so education domains count as well.
  const { kind } = classifyEmailDomain(domain);
  return kind === "company" || kind === "education" ? domain : undefined;
}
