import { contactDomain, domainFrom, emailFrom, LABELS, personNameFrom, sirenFrom } from "./crm-fields";
import { labelledValue } from "./labelled-field";
import { isNotFoundPage } from "./not-found-page";
import { titleLeadingName } from "./page-title";
import { accessibleText, firstOf } from "./text";
import { nothingFound, type Extraction, type PageExtractor } from "./types";

type PipedriveObject = "organization" | "person";

const GENERIC_TITLES = ["Pipedrive", "Organization", "Organizations", "Organisation", "Organisations", "Person", "People", "Personne", "Personnes", "Contacts"];

/** `https://<company>.pipedrive.com/organization/<id>` and `/person/<id>`. */
export function pipedriveRecord(url: URL): { object: PipedriveObject; id: string } | undefined {
  if (!/^[a-z0-9-]+\.pipedrive\.com$/.test(url.hostname)) return undefined;
  const m = /^\/(organization|person)\/(\d+)(?:\/|$)/.exec(url.pathname);
  return m ? { object: m[1] as PipedriveObject, id: m[2]! } : undefined;
}

/** Pipedrive's detail header: the record name is the page's main heading. */
function headerName(doc: Document): string | undefined {
  const main = doc.querySelector("main, [role='main']") ?? doc;
  return firstOf(accessibleText(main.querySelector("h1")), accessibleText(main.querySelector('[data-testid^="header-title"]')), () =>
    titleLeadingName(doc.title, GENERIC_TITLES),
  );
}

function extractOrganization(doc: Document, id: string): Extraction {
  const name = firstOf(
    () => headerName(doc),
    () => labelledValue(doc, ["Name", "Nom"])?.text,
  );
  const domain = domainFrom(
    () => labelledValue(doc, LABELS.website),
    () => labelledValue(doc, LABELS.domain),
  );
  const siren = sirenFrom(
    () => labelledValue(doc, LABELS.siren),
    () => labelledValue(doc, LABELS.vat),
  );
  if (!name && !domain && !siren) return nothingFound("pipedrive-organization");
  return {
    kind: "crm-company",
    crm: "pipedrive",
    recordId: id,
    ...(name ? { name } : {}),
    ...(domain ? { domain } : {}),
    ...(siren ? { siren } : {}),
  };
}

function extractPerson(doc: Document, id: string): Extraction {
  const personName = personNameFrom(headerName(doc));
  const email = emailFrom(() => labelledValue(doc, LABELS.email));
  const companyName = firstOf(
    () => labelledValue(doc, ["Organization", "Organisation"])?.text,
    // The person's organisation is also linked from the header.
    accessibleText(doc.querySelector('a[href*="/organization/"]')),
  );
  const domain = contactDomain(() => labelledValue(doc, LABELS.website), email);
  if (!personName && !email && !companyName && !domain) return nothingFound("pipedrive-person");
  return {
    kind: "crm-contact",
    crm: "pipedrive",
    recordId: id,
    ...(personName ? { personName } : {}),
    ...(email ? { email } : {}),
    ...(companyName ? { companyName } : {}),
    ...(domain ? { domain } : {}),
  };
}

export const pipedriveOrganizationPage: PageExtractor = {
  page: "pipedrive-organization",
  matches: (url) => pipedriveRecord(url)?.object === "organization",
  extract: (doc, url) => {
    const record = pipedriveRecord(url);
    return record && !isNotFoundPage(doc) ? extractOrganization(doc, record.id) : nothingFound("pipedrive-organization");
  },
};

export const pipedrivePersonPage: PageExtractor = {
  page: "pipedrive-person",
  matches: (url) => pipedriveRecord(url)?.object === "person",
  extract: (doc, url) => {
    const record = pipedriveRecord(url);
    return record && !isNotFoundPage(doc) ? extractPerson(doc, record.id) : nothingFound("pipedrive-person");
  },
};
