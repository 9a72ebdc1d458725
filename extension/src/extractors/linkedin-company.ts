import { isLinkedInHost } from "./domain";
import { labelledValue, readValue } from "./labelled-field";
import { companySlugFromHref, companyUrlFromSlug } from "./linkedin-url";
import { isNotFoundPage } from "./not-found-page";
import { titleLeadingName } from "./page-title";
import { jsonLdOfType, metaContent, stringProp, type JsonLdNode } from "./structured-data";
import { accessibleText, firstOf } from "./text";
import { nothingFound, type Extraction, type PageExtractor } from "./types";
import { firstWebsite } from "./website-value";

const GENERIC_TITLES = ["LinkedIn", "Sign up", "S'inscrire", "Log in", "S'identifier"];
const WEBSITE_LABELS = ["Website", "Site web", "Site internet"];
const VISIT_WEBSITE = /^(visit website|voir le site web|visiter le site web|consulter le site web)/i;

/** `/company/<slug>/…` and `/showcase/<slug>/…` on any LinkedIn host, except Sales Navigator. */
export function companyPageSlug(url: URL): string | undefined {
  if (!isLinkedInHost(url.hostname) || url.pathname.startsWith("/sales/")) return undefined;
  return companySlugFromHref(url.href);
}

/** The JSON-LD Organization describing this page's company (not, say, LinkedIn as publisher). */
function pageOrganization(doc: Document, slug: string): JsonLdNode | undefined {
  const orgs = jsonLdOfType(doc, "Organization");
  const refersToSlug = (o: JsonLdNode): boolean =>
    [o["@id"], o["url"], ...(Array.isArray(o["sameAs"]) ? o["sameAs"] : [o["sameAs"]])].some((v) => typeof v === "string" && companySlugFromHref(v) === slug);
  return orgs.find(refersToSlug) ?? orgs.find((o) => stringProp(o, "name")?.toLowerCase() !== "linkedin");
}

/** The top-card "Visit website" button, labelled by aria-label or by its text. */
function visitWebsiteLink(root: ParentNode): Element | undefined {
  return Array.from(root.querySelectorAll("a[href]")).find(
    (a) => VISIT_WEBSITE.test(a.getAttribute("aria-label") ?? "") || VISIT_WEBSITE.test(accessibleText(a)),
  );
}

function extract(doc: Document, url: URL): Extraction {
  const slug = companyPageSlug(url);
  if (!slug || isNotFoundPage(doc)) return nothingFound("linkedin-company");
  const main = doc.querySelector("main") ?? doc;
  const org = pageOrganization(doc, slug);

  const name = firstOf(
    stringProp(org, "name"),
    accessibleText(main.querySelector("h1")),
    () => titleLeadingName(metaContent(doc, "og:title"), GENERIC_TITLES, { colonSection: true }),
    () => titleLeadingName(doc.title, GENERIC_TITLES, { colonSection: true }),
  );
  const website = firstWebsite(
    stringProp(org, "url"),
    () => readValue(doc.querySelector('[data-test-id="about-us__website"] dd, [data-test-id="about-us__website"] a')),
    () => labelledValue(main, WEBSITE_LABELS),
    () => readValue(visitWebsiteLink(main)),
  );
  if (!name && !website) return nothingFound("linkedin-company");
  return {
    kind: "linkedin-company",
    slug,
    ...(name ? { name } : {}),
    ...(website ? { website: website.url, domain: website.domain } : {}),
    linkedinUrl: companyUrlFromSlug(slug),
  };
}

export const linkedInCompanyPage: PageExtractor = {
  page: "linkedin-company",
  matches: (url) => companyPageSlug(url) !== undefined,
  extract,
};
