import { isLinkedInHost } from "./domain";

const BASE = "https://www.linkedin.com";

function parse(href: string): URL | undefined {
  try {
    return new URL(href, BASE);
  } catch {
    return undefined;
  }
}

function segment(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const s = decodeURIComponent(raw).trim().toLowerCase();
    return s || undefined;
  } catch {
    return undefined;
  }
}

/** The company slug in a LinkedIn link: `/company/<slug>`, `/showcase/<slug>`, or Sales Navigator's
 * `/sales/company/<id>` (the same numeric id the public page accepts). Any LinkedIn subdomain. */
export function companySlugFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const url = parse(href);
  if (!url || !isLinkedInHost(url.hostname)) return undefined;
  const m = /^\/(?:company|showcase|sales\/company)\/([^/?#]+)/.exec(url.pathname);
  return segment(m?.[1]);
}

/** The profile slug in `/in/<slug>/`. */
export function profileSlugFromHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const url = parse(href);
  if (!url || !isLinkedInHost(url.hostname)) return undefined;
  return segment(/^\/in\/([^/?#]+)/.exec(url.pathname)?.[1]);
}

/** Canonical company URL: no country subdomain, no tracking parameters, no sub-tab. */
export function companyUrlFromSlug(slug: string): string {
  return `${BASE}/company/${encodeURIComponent(slug)}/`;
}
