import { isLinkedInHost } from "./domain";
import { experiencePositions, type Position } from "./linkedin-experience";
import { companySlugFromHref, companyUrlFromSlug, profileSlugFromHref } from "./linkedin-url";
import { isNotFoundPage } from "./not-found-page";
import { titleLeadingName } from "./page-title";
import { jsonLdOfType, metaContent, nodeList, stringProp, type JsonLdNode } from "./structured-data";
import { accessibleText, firstOf, labelKey, normaliseSpace } from "./text";
import { nothingFound, type Employer, type Extraction, type PageExtractor } from "./types";

const GENERIC_TITLES = ["LinkedIn", "Sign up", "S'inscrire", "Log in", "S'identifier"];
// The top card's "Current company" button: "Current company: Doctolib. Click to skip to experience card".
const CURRENT_COMPANY_LABEL = /^(?:current company|entreprise actuelle|société actuelle)\s*:\s*(.+?)(?:\.\s|\.?$)/i;

export function profilePageSlug(url: URL): string | undefined {
  return isLinkedInHost(url.hostname) ? profileSlugFromHref(url.href) : undefined;
}

function toEmployer(name: string | undefined, href: string | null | undefined): Employer | undefined {
  const slug = companySlugFromHref(href);
  const cleanName = name ? normaliseSpace(name) : undefined;
  if (!cleanName && !slug) return undefined;
  return {
    ...(cleanName ? { name: cleanName } : {}),
    ...(slug ? { linkedinCompanyUrl: companyUrlFromSlug(slug), slug } : {}),
  };
}

function fromPosition(p: Position | undefined): Employer | undefined {
  return p ? toEmployer(p.companyName, p.linkedinCompanyUrl) : undefined;
}

/** The top card's current-company entry (logged-in button, or the guest page's link). */
function fromTopCard(doc: Document): Employer | undefined {
  for (const el of Array.from(doc.querySelectorAll("[aria-label]"))) {
    const m = CURRENT_COMPANY_LABEL.exec(normaliseSpace(el.getAttribute("aria-label") ?? ""));
    if (m) return toEmployer(m[1], el.closest("a")?.getAttribute("href") ?? el.querySelector("a")?.getAttribute("href"));
  }
  const guest = doc.querySelector('[data-section="currentPositionsDetails"] a[href]');
  return guest ? toEmployer(accessibleText(guest), guest.getAttribute("href")) : undefined;
}

function pagePerson(doc: Document, slug: string): JsonLdNode | undefined {
  const people = jsonLdOfType(doc, "Person");
  return people.find((p) => profileSlugFromHref(stringProp(p, "url")) === slug) ?? people[0];
}

/** JSON-LD `worksFor` lists past employers too; a current one has a role without an end date. */
function fromJsonLd(person: JsonLdNode | undefined): Employer | undefined {
  const current = nodeList(person, "worksFor").find((org) => {
    const roles = nodeList(org, "member");
    return roles.length === 0 || roles.some((r) => r["endDate"] === undefined || r["endDate"] === null);
  });
  return current ? toEmployer(stringProp(current, "name"), stringProp(current, "url")) : undefined;
}

function sameCompany(a: Employer, b: Employer): boolean {
  if (a.slug && b.slug) return a.slug === b.slug;
  return a.name !== undefined && b.name !== undefined && labelKey(a.name) === labelKey(b.name);
}

/** The first source that names a current employer wins; sources that agree with it fill its gaps. */
function mergeEmployer(sources: Array<Employer | undefined>): Employer | undefined {
  const found = sources.filter((s): s is Employer => s !== undefined);
  const primary = found[0];
  if (!primary) return undefined;
  const merged: Employer = { ...primary };
  for (const other of found.slice(1)) {
    if (!sameCompany(merged, other)) continue;
    merged.name ??= other.name;
    if (!merged.slug && other.slug) {
      merged.slug = other.slug;
      merged.linkedinCompanyUrl = other.linkedinCompanyUrl;
    }
  }
  return merged;
}

function extract(doc: Document, url: URL): Extraction {
  const slug = profilePageSlug(url);
  if (!slug || isNotFoundPage(doc)) return nothingFound("linkedin-profile");
  const person = pagePerson(doc, slug);
  const main = doc.querySelector("main") ?? doc;
  const personName = firstOf(
    stringProp(person, "name"),
    accessibleText(main.querySelector("h1")),
    () => titleLeadingName(metaContent(doc, "og:title"), GENERIC_TITLES),
    () => titleLeadingName(doc.title, GENERIC_TITLES),
  );
  const employer = mergeEmployer([
    fromPosition(experiencePositions(doc).find((p) => p.current)),
    fromTopCard(doc),
    fromJsonLd(person),
  ]);
  if (!personName && !employer) return nothingFound("linkedin-profile");
  return {
    kind: "linkedin-profile",
    slug,
    ...(personName ? { personName } : {}),
    ...(employer ? { employer } : {}),
  };
}

export const linkedInProfilePage: PageExtractor = {
  page: "linkedin-profile",
  matches: (url) => profilePageSlug(url) !== undefined,
  extract,
};
