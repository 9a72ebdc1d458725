import { isLinkedInHost } from "./domain";
import { experiencePositions, nameFromLogoAlt, type Position } from "./linkedin-experience";
import { companySlugFromHref, companyUrlFromSlug, profileSlugFromHref } from "./linkedin-url";
import { isNotFoundPage } from "./not-found-page";
import { isAnotherLinkedInPage } from "./linkedin-page-key";
import { notUiText, titleLeadingName, titleSegment } from "./page-title";
import { jsonLdOfType, metaContent, nodeList, stringProp, type JsonLdNode } from "./structured-data";
import { accessibleText, firstOf, labelKey, normaliseSpace } from "./text";
import { nothingFound, type Employer, type Extraction, type PageExtractor } from "./types";
import { CURRENT_COMPANY_LABELS, LINKEDIN_UI_TITLES } from "./linkedin-ui-text";
import { isNonEmployer } from "./non-employer";

// The top card's "Current company" button: "Current company: Doctolib. Click to skip to experience card".
// Matched on labelKey()'d text (accents stripped), the name taken from the original label.
const CURRENT_COMPANY_LABEL = new RegExp(String.raw`^(?:${CURRENT_COMPANY_LABELS.join("|")})\s*:\s*`);
const COMPANY_IN_LABEL = /:\s*(.+?)(?:\.\s|\.?$)/;

export function profilePageSlug(url: URL): string | undefined {
  return isLinkedInHost(url.hostname) ? profileSlugFromHref(url.href) : undefined;
}

/** An employer from a name and a company link; none for "Self-employed", "Retired", "Stealth"… (see non-employer.ts),
 * even with a link: LinkedIn's page by that name is a placeholder shared by strangers. */
function toEmployer(name: string | undefined, href: string | null | undefined): Employer | undefined {
  const slug = companySlugFromHref(href);
  const cleanName = name ? normaliseSpace(name) : undefined;
  if (!cleanName && !slug) return undefined;
  if (isNonEmployer(cleanName ?? slug)) return undefined;
  return {
    ...(cleanName ? { name: cleanName } : {}),
    ...(slug ? { linkedinCompanyUrl: companyUrlFromSlug(slug), slug } : {}),
  };
}

function fromPosition(p: Position | undefined): Employer | undefined {
  return p ? toEmployer(p.companyName, p.linkedinCompanyUrl) : undefined;
}

/** The logged-in top card's "Current company: …" button. */
function fromTopCard(doc: Document): Employer | undefined {
  for (const el of Array.from(doc.querySelectorAll("[aria-label]"))) {
    const label = normaliseSpace(el.getAttribute("aria-label") ?? "");
    if (!CURRENT_COMPANY_LABEL.test(labelKey(label))) continue;
    const m = COMPANY_IN_LABEL.exec(label);
    if (m) return toEmployer(m[1], el.closest("a")?.getAttribute("href") ?? el.querySelector("a")?.getAttribute("href"));
  }
  return undefined;
}

/**
 * The guest page's top-card company link. Guest pages mark past positions `currentPositionsDetails` too, so
 * this link names the latest employer, not necessarily a current one: it only completes (slug, name) an
 * employer another source says is current, never names one itself.
 */
function fromGuestTopCard(doc: Document): Employer | undefined {
  const link = doc.querySelector(
    '.top-card__links-container [data-section="currentPositionsDetails"] a[href], [data-section="currentPositionsDetails"] a.top-card-link[href]',
  );
  if (!link) return undefined;
  const name =
    accessibleText(link.querySelector(".top-card-link__description")) ||
    accessibleText(link) ||
    nameFromLogoAlt(link.querySelector("img[alt]")?.getAttribute("alt"));
  return toEmployer(name, link.getAttribute("href"));
}

/** A name LinkedIn masks for guests ("**********") is no name. */
const isMasked = (name: string | undefined) => name !== undefined && /^[*\s]+$/.test(name);

function pagePerson(doc: Document, slug: string): JsonLdNode | undefined {
  const people = jsonLdOfType(doc, "Person");
  return people.find((p) => profileSlugFromHref(stringProp(p, "url")) === slug) ?? people[0];
}

/** JSON-LD `worksFor` lists past employers too; a current one has a role without an end date. */
function fromJsonLd(person: JsonLdNode | undefined): Employer | undefined {
  for (const org of nodeList(person, "worksFor")) {
    const roles = nodeList(org, "member");
    if (roles.length > 0 && !roles.some((r) => r["endDate"] === undefined || r["endDate"] === null)) continue;
    const name = stringProp(org, "name");
    const employer = toEmployer(isMasked(name) ? undefined : name, stringProp(org, "url"));
    if (employer) return employer;
  }
  return undefined;
}

function sameCompany(a: Employer, b: Employer): boolean {
  if (a.slug && b.slug) return a.slug === b.slug;
  return a.name !== undefined && b.name !== undefined && labelKey(a.name) === labelKey(b.name);
}

/**
 * The first source that names a current employer wins; sources that agree with it fill its gaps, and so do
 * `confirming` ones, which may not name an employer on their own.
 */
function mergeEmployer(sources: Array<Employer | undefined>, confirming: Array<Employer | undefined> = []): Employer | undefined {
  const found = sources.filter((s): s is Employer => s !== undefined);
  const primary = found[0];
  if (!primary) return undefined;
  const merged: Employer = { ...primary };
  for (const other of [...found.slice(1), ...confirming.filter((s): s is Employer => s !== undefined)]) {
    if (!sameCompany(merged, other)) continue;
    merged.name ??= other.name;
    if (!merged.slug && other.slug) {
      merged.slug = other.slug;
      merged.linkedinCompanyUrl = other.linkedinCompanyUrl;
    }
  }
  return merged;
}

/**
 * The position held today. People often hold several (a job and board seats, or two companies); the top card
 * shows the one they chose to present, so among the positions whose dates are open, the one the top card names
 * wins, else the first. The top card never makes an ended position current (guest pages name past ones there).
 */
function currentPosition(doc: Document, topCards: Array<Employer | undefined>): Employer | undefined {
  const current = experiencePositions(doc)
    .filter((p) => p.current)
    .map(fromPosition)
    .filter((e): e is Employer => e !== undefined);
  for (const card of topCards) {
    const named = card ? current.find((e) => sameCompany(e, card)) : undefined;
    if (named) return named;
  }
  return current[0];
}

/** `/in/<slug>/details/experience/`: its heading and its title's first part name the section ("Expérience"),
 * the person comes next: "(19) Expérience | Andrew Ng | LinkedIn". */
const isDetailsPage = (url: URL) => /^\/in\/[^/]+\/details\//.test(url.pathname);

function extract(doc: Document, url: URL): Extraction {
  const slug = profilePageSlug(url);
  if (!slug || isNotFoundPage(doc) || isAnotherLinkedInPage(doc, /profile/i)) return nothingFound("linkedin-profile");
  const person = pagePerson(doc, slug);
  const main = doc.querySelector("main") ?? doc;
  const details = isDetailsPage(url);
  const personName = firstOf(
    notUiText(stringProp(person, "name"), LINKEDIN_UI_TITLES),
    details ? () => titleSegment(doc.title, LINKEDIN_UI_TITLES, 1) : () => notUiText(accessibleText(main.querySelector("h1")), LINKEDIN_UI_TITLES),
    () => (details ? undefined : titleLeadingName(metaContent(doc, "og:title"), LINKEDIN_UI_TITLES)),
    () => (details ? undefined : titleLeadingName(doc.title, LINKEDIN_UI_TITLES)),
  );
  const badge = fromTopCard(doc);
  const guestTopCard = fromGuestTopCard(doc);
  const employer = mergeEmployer([currentPosition(doc, [badge, guestTopCard]), badge, fromJsonLd(person)], [guestTopCard]);
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
