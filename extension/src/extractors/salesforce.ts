import { contactDomain, domainFrom, emailFrom, LABELS, personNameFrom, sirenFrom } from "./crm-fields";
import { fieldBySelector } from "./field-container";
import { labelledValue } from "./labelled-field";
import { isNotFoundPage } from "./not-found-page";
import { titleLeadingName } from "./page-title";
import { accessibleText, firstOf, isHiddenInTree } from "./text";
import { nothingFound, type Extraction, type PageExtractor } from "./types";

type SalesforceObject = "Account" | "Lead" | "Contact";

const GENERIC_TITLES = [
  "Salesforce",
  "Lightning Experience",
  "Account",
  "Accounts",
  "Compte",
  "Comptes",
  "Lead",
  "Leads",
  "Piste",
  "Pistes",
  "Contact",
  "Contacts",
];

/** Lightning record pages: `https://<org>.lightning.force.com/lightning/r/<Object>/<id>/view`. */
export function salesforceRecord(url: URL): { object: SalesforceObject; id: string } | undefined {
  const host = url.hostname;
  if (!host.endsWith(".lightning.force.com") && !host.endsWith(".my.salesforce.com")) return undefined;
  const m = /^\/lightning\/r\/(Account|Lead|Contact)\/([a-zA-Z0-9]{15,18})(?:\/|$)/.exec(url.pathname);
  return m ? { object: m[1] as SalesforceObject, id: m[2]! } : undefined;
}

/** Lightning tags each record field with its API name, which admins' translations do not change:
 * `data-target-selection-name="sfdc:RecordField.Account.Website"`. Custom fields end in `__c`. */
function field(doc: Document, object: SalesforceObject, apiNames: string[]) {
  const selector = apiNames.map((n) => `[data-target-selection-name="sfdc:RecordField.${object}.${n}"]`).join(", ");
  return fieldBySelector(doc, selector);
}

/** The record name in the highlights panel (`slot="primaryField"`), skipping cached hidden tabs. */
function highlightName(doc: Document): string | undefined {
  const el = Array.from(doc.querySelectorAll('[slot="primaryField"]')).find((e) => !isHiddenInTree(e));
  return firstOf(accessibleText(el));
}

function extractAccount(doc: Document, id: string): Extraction {
  const name = firstOf(
    () => highlightName(doc),
    () => field(doc, "Account", ["Name"])?.text,
    () => labelledValue(doc, ["Account Name", "Nom du compte"])?.text,
    () => titleLeadingName(doc.title, GENERIC_TITLES),
  );
  const domain = domainFrom(
    () => field(doc, "Account", ["Website"]),
    () => labelledValue(doc, LABELS.website),
  );
  const siren = sirenFrom(
    () => field(doc, "Account", ["SIREN__c", "Siren__c", "SIRET__c", "Siret__c"]),
    () => labelledValue(doc, LABELS.siren),
    () => labelledValue(doc, LABELS.vat),
  );
  if (!name && !domain && !siren) return nothingFound("salesforce-account");
  return {
    kind: "crm-company",
    crm: "salesforce",
    recordId: id,
    ...(name ? { name } : {}),
    ...(domain ? { domain } : {}),
    ...(siren ? { siren } : {}),
  };
}

function extractPerson(doc: Document, object: "Lead" | "Contact", id: string): Extraction {
  const personName = personNameFrom(
    firstOf(
      () => highlightName(doc),
      () => field(doc, object, ["Name"])?.text,
      () => labelledValue(doc, ["Name", "Nom"])?.text,
      () => titleLeadingName(doc.title, GENERIC_TITLES),
    ),
  );
  const email = emailFrom(
    () => field(doc, object, ["Email"]),
    () => labelledValue(doc, LABELS.email),
  );
  // A lead names its company in a text field; a contact links to its Account.
  const companyName =
    object === "Lead"
      ? firstOf(
          () => field(doc, "Lead", ["Company"])?.text,
          () => labelledValue(doc, ["Company", "Société", "Entreprise"])?.text,
        )
      : firstOf(
          () => field(doc, "Contact", ["AccountId"])?.text,
          () => labelledValue(doc, ["Account Name", "Nom du compte"])?.text,
        );
  const website = object === "Lead" ? (field(doc, "Lead", ["Website"]) ?? labelledValue(doc, LABELS.website)) : undefined;
  const domain = contactDomain(website, email);
  const page = object === "Lead" ? "salesforce-lead" : "salesforce-contact";
  if (!personName && !email && !companyName && !domain) return nothingFound(page);
  return {
    kind: "crm-contact",
    crm: "salesforce",
    recordId: id,
    recordType: object === "Lead" ? "lead" : "contact",
    ...(personName ? { personName } : {}),
    ...(email ? { email } : {}),
    ...(companyName ? { companyName } : {}),
    ...(domain ? { domain } : {}),
  };
}

function pageExtractor(object: SalesforceObject, page: "salesforce-account" | "salesforce-lead" | "salesforce-contact"): PageExtractor {
  return {
    page,
    matches: (url) => salesforceRecord(url)?.object === object,
    extract: (doc, url) => {
      const record = salesforceRecord(url);
      if (!record || isNotFoundPage(doc)) return nothingFound(page);
      return object === "Account" ? extractAccount(doc, record.id) : extractPerson(doc, object, record.id);
    },
  };
}

export const salesforceAccountPage = pageExtractor("Account", "salesforce-account");
export const salesforceLeadPage = pageExtractor("Lead", "salesforce-lead");
export const salesforceContactPage = pageExtractor("Contact", "salesforce-contact");
