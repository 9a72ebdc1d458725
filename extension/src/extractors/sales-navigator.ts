import { isLinkedInHost } from "./domain";
import { labelledValue } from "./labelled-field";
import { experiencePositions } from "./linkedin-experience";
import { companySlugFromHref, companyUrlFromSlug } from "./linkedin-url";
import { isNonEmployer } from "./non-employer";
import { isNotFoundPage } from "./not-found-page";
import { titleLeadingName } from "./page-title";
import { accessibleText, firstOf, labelKey } from "./text";
import { nothingFound, type Employer, type Extraction, type PageExtractor } from "./types";
import { firstWebsite } from "./website-value";

// Sales Navigator marks personal data with `data-anonymize` (for its own screenshot mode): a steady hook.
const PERSON_NAME = '[data-anonymize="person-name"]';
const COMPANY_NAME = '[data-anonymize="company-name"]';
const GENERIC_TITLES = ["Sales Navigator", "LinkedIn", "LinkedIn Sales Navigator"];
const CURRENT_ROLE_HEADINGS = new Set(["current role", "current roles", "poste actuel", "postes actuels"]);
const WEBSITE_LABELS = ["Website", "Site web", "Site internet"];

/** Lead pages are `/sales/lead/<id>` (and, before 2020, `/sales/people/<id>`); accounts `/sales/company/<id>`. */
function salesPathId(url: URL, kind: "lead" | "company"): string | undefined {
  if (!isLinkedInHost(url.hostname)) return undefined;
  const m = new RegExp(`^/sales/${kind === "lead" ? "(?:lead|people)" : kind}/([^/?#]+)`).exec(url.pathname);
  // Lead URLs append the search context: /sales/lead/<id>,NAME_SEARCH,<token>
  const id = m?.[1] ? decodeURIComponent(m[1]).split(",")[0]?.trim() : undefined;
  return id || undefined;
}

/** The company of the "Current role" block (its first that is a company: not "Self-employed"…); without such a
 * block, the first open-ended experience. */
function currentEmployer(doc: Document): Employer | undefined {
  const heading = Array.from(doc.querySelectorAll("h2, h3")).find((h) => CURRENT_ROLE_HEADINGS.has(labelKey(accessibleText(h))));
  const block = heading?.closest("section") ?? heading?.parentElement;
  const companies = Array.from(block?.querySelectorAll(`${COMPANY_NAME}, a[href*="/sales/company/"]`) ?? []);
  const company = companies.find((c) => !isNonEmployer(accessibleText(c))) ?? companies[0];
  if (company) {
    const link = company.closest("a[href]") ?? company.querySelector("a[href]");
    const slug = companySlugFromHref(link?.getAttribute("href"));
    const name = accessibleText(company);
    return {
      ...(name ? { name } : {}),
      ...(slug ? { slug, linkedinCompanyUrl: companyUrlFromSlug(slug) } : {}),
    };
  }
  const position = experiencePositions(doc).find((p) => p.current);
  if (!position) return undefined;
  return {
    ...(position.companyName ? { name: position.companyName } : {}),
    ...(position.slug ? { slug: position.slug, linkedinCompanyUrl: position.linkedinCompanyUrl } : {}),
  };
}

function extractLead(doc: Document, url: URL): Extraction {
  const leadId = salesPathId(url, "lead");
  if (!leadId || isNotFoundPage(doc)) return nothingFound("salesnav-lead");
  const personName = firstOf(accessibleText(doc.querySelector(PERSON_NAME)), accessibleText(doc.querySelector("main h1")), () =>
    titleLeadingName(doc.title, GENERIC_TITLES),
  );
  const employer = currentEmployer(doc);
  // "Self-employed", "Retired"…: no company to look up (non-employer.ts).
  const hasEmployer = employer && (employer.name || employer.slug) && !isNonEmployer(employer.name);
  if (!personName && !hasEmployer) return nothingFound("salesnav-lead");
  return {
    kind: "linkedin-profile",
    slug: leadId,
    via: "sales-navigator",
    ...(personName ? { personName } : {}),
    ...(hasEmployer ? { employer } : {}),
  };
}

/** A header link whose text is just "Website" / "Site web". */
function websiteButton(root: ParentNode): Element | undefined {
  const keys = new Set(WEBSITE_LABELS.map(labelKey));
  return Array.from(root.querySelectorAll("a[href]")).find(
    (a) => keys.has(labelKey(accessibleText(a))) || a.getAttribute("data-control-name") === "visit_company_website",
  );
}

function extractAccount(doc: Document, url: URL): Extraction {
  const id = salesPathId(url, "company");
  if (!id || isNotFoundPage(doc)) return nothingFound("salesnav-account");
  const main = doc.querySelector("main") ?? doc;
  const name = firstOf(accessibleText(main.querySelector(COMPANY_NAME)), accessibleText(main.querySelector("h1")), () =>
    titleLeadingName(doc.title, GENERIC_TITLES),
  );
  const buttonHref = websiteButton(main)?.getAttribute("href") ?? undefined;
  const website = firstWebsite(buttonHref, () => labelledValue(main, WEBSITE_LABELS));
  if (!name && !website) return nothingFound("salesnav-account");
  return {
    kind: "linkedin-company",
    slug: id.toLowerCase(),
    via: "sales-navigator",
    ...(name ? { name } : {}),
    ...(website ? { website: website.url, domain: website.domain } : {}),
    linkedinUrl: companyUrlFromSlug(id.toLowerCase()),
  };
}

export const salesNavigatorLeadPage: PageExtractor = {
  page: "salesnav-lead",
  matches: (url) => salesPathId(url, "lead") !== undefined,
  extract: extractLead,
};

export const salesNavigatorAccountPage: PageExtractor = {
  page: "salesnav-account",
  matches: (url) => salesPathId(url, "company") !== undefined,
  extract: extractAccount,
};
