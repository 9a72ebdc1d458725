import { isLinkedInHost, parseWebUrl, unwrapRedirect, websiteDomain } from "./domain";
import type { FieldValue } from "./labelled-field";
import { resolve, type Source } from "./lazy";

export interface Website {
  url: string;
  domain: string;
}

/** A company website from one candidate value, trying the link target (redirects unwrapped) before the
 * displayed text. LinkedIn's own pages never count: an unresolvable redirect is not the company's site. */
export function websiteFrom(value: FieldValue | string | undefined): Website | undefined {
  if (!value) return undefined;
  const candidates = typeof value === "string" ? [value] : [value.href, value.text];
  for (const raw of candidates) {
    if (!raw) continue;
    const url = parseWebUrl(unwrapRedirect(raw));
    const domain = websiteDomain(url?.href);
    if (url && domain && !isLinkedInHost(url.hostname)) {
      // Query strings on these links are tracking (utm_*, trk), not part of the company's address.
      url.search = "";
      url.hash = "";
      return { url: url.href, domain };
    }
  }
  return undefined;
}

/** The first candidate that yields a website. */
export function firstWebsite(...sources: Array<Source<FieldValue | string | undefined>>): Website | undefined {
  for (const source of sources) {
    const w = websiteFrom(resolve(source));
    if (w) return w;
  }
  return undefined;
}
