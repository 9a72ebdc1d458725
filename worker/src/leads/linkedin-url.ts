/**
 * LinkedIn addresses as salespeople paste them, reduced to the slug that identifies the page. Pure.
 * Slugs are lower-cased and URL-decoded, as the extension's extractors read them, so both sides agree.
 */

const LINKEDIN_HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com$/;
/** A bare slug: no spaces, slashes, query or fragment. */
const BARE_SLUG = /^[^\s/?#]{1,150}$/;

function decodeSlug(raw: string): string | null {
  try {
    const s = decodeURIComponent(raw).trim().toLowerCase();
    return s && BARE_SLUG.test(s) ? s : null;
  } catch {
    return null;
  }
}

/** A LinkedIn URL (with or without scheme), or null when the input is not one. */
function linkedinPath(input: string): string | null {
  const s = input.trim();
  if (!/linkedin\.com/i.test(s)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s.replace(/^\/\//, "")}`);
  } catch {
    return null;
  }
  return LINKEDIN_HOST.test(url.hostname.toLowerCase()) ? url.pathname : null;
}

/**
 * "https://fr.linkedin.com/company/danone/about/?trk=x" → "danone"; also /showcase/, /school/ and Sales
 * Navigator's /sales/company/<id>, or a bare slug ("danone"). Null for anything else (a profile URL, another site).
 */
export function linkedinCompanySlug(input: string): string | null {
  const path = linkedinPath(input);
  // Anything with a slash that is not LinkedIn is another site's address, not a slug.
  if (path === null) return input.includes("/") ? null : decodeSlug(input);
  const m = /^\/(?:company|showcase|school|sales\/company)\/([^/?#]+)/i.exec(path);
  return m ? decodeSlug(m[1]!) : null;
}

/**
 * A person's profile: "https://www.linkedin.com/in/jeanne-martin-123/" → "jeanne-martin-123"; Sales Navigator's
 * /sales/lead/<id>,<search>,… keeps the id only; a bare slug is taken as is.
 */
export function linkedinProfileSlug(input: string): string | null {
  const path = linkedinPath(input);
  if (path === null) return input.includes("/") ? null : decodeSlug(input);
  const m = /^\/(?:in|sales\/lead|sales\/people)\/([^/?#]+)/i.exec(path);
  if (!m) return null;
  return decodeSlug(m[1]!.split(",")[0]!);
}

export function linkedinCompanyUrlOf(slug: string): string {
  return `https://www.linkedin.com/company/${encodeURIComponent(slug)}/`;
}

export function linkedinProfileUrlOf(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/** LinkedIn's own hosts for public profiles: www. or a country edition (fr., uk.…). */
const PROFILE_HOST = /^(?:www\.|[a-z]{2}\.)?linkedin\.com$/;
/** What a public profile's slug may hold once decoded: letters (any script), digits, - and _. */
const PROFILE_SLUG = /^[\p{L}\p{N}_-]{3,100}$/u;

/**
 * A profile URL as a visitor's form may claim it: accepted only as a real `https://(www.)linkedin.com/in/<slug>`
 * address, and returned in one canonical form (`https://www.linkedin.com/in/<slug>/`) so that equal profiles
 * compare equal. Null for anything else (http, other hosts, company pages, Sales Navigator, bare slugs).
 */
export function canonicalProfileUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port || !PROFILE_HOST.test(url.hostname.toLowerCase())) return null;
  const m = /^\/in\/([^/]+)\/?$/.exec(url.pathname);
  const slug = m ? decodeSlug(m[1]!) : null;
  return slug && PROFILE_SLUG.test(slug) ? linkedinProfileUrlOf(slug) : null;
}
