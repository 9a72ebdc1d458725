import { contactDomain, domainFrom, emailFrom, joinNames, LABELS, personNameFrom, sirenFrom } from "./crm-fields";
import { fieldBySelector } from "./field-container";
import { labelledValue } from "./labelled-field";
import { isNotFoundPage } from "./not-found-page";
import { titleLeadingName } from "./page-title";
import { accessibleText, firstOf, labelKey } from "./text";
import { nothingFound, type Extraction, type PageExtractor } from "./types";

type HubSpotObject = "company" | "contact";

const GENERIC_TITLES = ["HubSpot", "Companies", "Entreprises", "Company", "Entreprise", "Contacts", "Contact"];
const ASSOCIATED_COMPANIES = new Set(["companies", "entreprises", "company", "entreprise"]);

/** app.hubspot.com and regional hosts (app-eu1.hubspot.com). Object type 0-1 is contacts, 0-2 companies;
 * older URLs spell it out (`/contacts/<portal>/company/<id>`). */
export function hubSpotRecord(url: URL): { object: HubSpotObject; id: string } | undefined {
  if (!/^app(?:-[a-z0-9]+)?\.hubspot\.com$/.test(url.hostname)) return undefined;
  const modern = /^\/contacts\/\d+\/record\/(0-1|0-2)\/(\d+)/.exec(url.pathname);
  if (modern) return { object: modern[1] === "0-2" ? "company" : "contact", id: modern[2]! };
  const legacy = /^\/contacts\/\d+\/(company|contact)\/(\d+)/.exec(url.pathname);
  if (legacy) return { object: legacy[1] as HubSpotObject, id: legacy[2]! };
  return undefined;
}

/** HubSpot tags each property editor with its internal name: `data-selenium-test="property-input-domain"`. */
function property(doc: Document, name: string) {
  return fieldBySelector(doc, `[data-selenium-test="property-input-${name}"]`);
}

function recordTitle(doc: Document): string | undefined {
  return firstOf(accessibleText(doc.querySelector('[data-selenium-test="highlightTitle"]')), () => titleLeadingName(doc.title, GENERIC_TITLES));
}

function extractCompany(doc: Document, id: string): Extraction {
  const name = firstOf(
    () => recordTitle(doc),
    () => property(doc, "name")?.text,
    () => labelledValue(doc, ["Company name", "Nom de l'entreprise"])?.text,
  );
  const domain = domainFrom(
    () => property(doc, "domain"),
    () => labelledValue(doc, LABELS.domain),
    () => property(doc, "website"),
    () => labelledValue(doc, LABELS.website),
  );
  const siren = sirenFrom(
    () => property(doc, "siren"),
    () => labelledValue(doc, LABELS.siren),
    () => labelledValue(doc, LABELS.vat),
  );
  if (!name && !domain && !siren) return nothingFound("hubspot-company");
  return {
    kind: "crm-company",
    crm: "hubspot",
    recordId: id,
    ...(name ? { name } : {}),
    ...(domain ? { domain } : {}),
    ...(siren ? { siren } : {}),
  };
}

/** The first company in the record's "Companies" association card. */
function associatedCompany(doc: Document): string | undefined {
  for (const heading of Array.from(doc.querySelectorAll("h2, h3, h4, [role='heading']"))) {
    const key = labelKey(accessibleText(heading)).replace(/\s*\(\d+\)$/, "");
    if (!ASSOCIATED_COMPANIES.has(key)) continue;
    const card = heading.closest("section, [role='region']") ?? heading.parentElement;
    const link = card?.querySelector('a[href*="/record/0-2/"], a[href*="/company/"]');
    const name = accessibleText(link);
    if (name) return name;
  }
  return undefined;
}

function extractContact(doc: Document, id: string): Extraction {
  const personName = personNameFrom(
    firstOf(
      () => recordTitle(doc),
      () =>
        joinNames(
          property(doc, "firstname")?.text ?? labelledValue(doc, ["First name", "Prénom"])?.text,
          property(doc, "lastname")?.text ?? labelledValue(doc, ["Last name", "Nom"])?.text,
        ),
    ),
  );
  const email = emailFrom(
    () => property(doc, "email"),
    () => labelledValue(doc, LABELS.email),
  );
  const companyName = firstOf(
    () => property(doc, "company")?.text,
    () => labelledValue(doc, ["Company name", "Nom de l'entreprise"])?.text,
    () => associatedCompany(doc),
  );
  const domain = contactDomain(() => property(doc, "website") ?? labelledValue(doc, LABELS.website), email);
  if (!personName && !email && !companyName && !domain) return nothingFound("hubspot-contact");
  return {
    kind: "crm-contact",
    crm: "hubspot",
    recordId: id,
    ...(personName ? { personName } : {}),
    ...(email ? { email } : {}),
    ...(companyName ? { companyName } : {}),
    ...(domain ? { domain } : {}),
  };
}

export const hubSpotCompanyPage: PageExtractor = {
  page: "hubspot-company",
  matches: (url) => hubSpotRecord(url)?.object === "company",
  extract: (doc, url) => {
    const record = hubSpotRecord(url);
    return record && !isNotFoundPage(doc) ? extractCompany(doc, record.id) : nothingFound("hubspot-company");
  },
};

export const hubSpotContactPage: PageExtractor = {
  page: "hubspot-contact",
  matches: (url) => hubSpotRecord(url)?.object === "contact",
  extract: (doc, url) => {
    const record = hubSpotRecord(url);
    return record && !isNotFoundPage(doc) ? extractContact(doc, record.id) : nothingFound("hubspot-contact");
  },
};
