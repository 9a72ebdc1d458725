import { isLinkedInHost } from "./domain";
import { labelledValue, readValue } from "./labelled-field";
import { companySlugFromHref, companyUrlFromSlug } from "./linkedin-url";
import { isNotFoundPage } from "./not-found-page";
import { isAnotherLinkedInPage } from "./linkedin-page-key";
import { LINKEDIN_UI_TITLES, VISIT_WEBSITE_LABELS, WEBSITE_LABELS } from "./linkedin-ui-text";
import { notUiText, titleLeadingName } from "./page-title";
import { jsonLdOfType, metaContent, stringProp, type JsonLdNode } from "./structured-data";
import { accessibleText, firstOf, labelKey } from "./text";
import { nothingFound, type Extraction, type PageExtractor } from "./types";
import { firstWebsite } from "./website-value";

const VISIT_WEBSITE = new RegExp(`^(?:${VISIT_WEBSITE_LABELS.join("|")})`);

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
    (a) => VISIT_WEBSITE.test(labelKey(a.getAttribute("aria-label") ?? "")) || VISIT_WEBSITE.test(labelKey(accessibleText(a))),
  );
}

function extract(doc: Document, url: URL): Extraction {
  const slug = companyPageSlug(url);
  if (!slug || isNotFoundPage(doc) || isAnotherLinkedInPage(doc, /org|company/i)) return nothingFound("linkedin-company");
  const main = doc.querySelector("main") ?? doc;
  const org = pageOrganization(doc, slug);

  const name = firstOf(
    notUiText(stringProp(org, "name"), LINKEDIN_UI_TITLES),
    () => notUiText(accessibleText(main.querySelector("h1")), LINKEDIN_UI_TITLES),
    () => titleLeadingName(metaContent(doc, "og:title"), LINKEDIN_UI_TITLES, { colonSection: true }),
    () => titleLeadingName(doc.title, LINKEDIN_UI_TITLES, { colonSection: true }),
  );
  const website = firstWebsite(
    stringProp(org, "url"),
    () => readValue(doc.querySelector('[data-test-id="about-us__website"] dd, [data-test-id="about-us__website"] a')),
    () => labelledValue(main, WEBSITE_LABELS),
    // Guest pages' Organization gives the website as its single `sameAs` (the About block says the same).
    () => stringProp(org, "sameAs"),
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
