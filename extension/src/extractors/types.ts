/** What the extension could read from the page it is on. Extractors never guess: a field is absent
 * when the page does not state it, and `none` says why nothing usable was found. */

export type Crm = "hubspot" | "salesforce" | "pipedrive";

/** Every page kind an extractor exists for; `none` results carry it so the caller can retry once the
 * (single-page-app) page has rendered. */
export type PageKind =
  | "linkedin-company"
  | "linkedin-profile"
  | "salesnav-account"
  | "salesnav-lead"
  | "hubspot-company"
  | "hubspot-contact"
  | "salesforce-account"
  | "salesforce-lead"
  | "salesforce-contact"
  | "pipedrive-organization"
  | "pipedrive-person";

export interface LinkedInCompanyExtraction {
  kind: "linkedin-company";
  /** The company's path segment: vanity name (`doctolib`) or numeric id (`1035`). */
  slug: string;
  name?: string;
  /** The company's own website, absolute, LinkedIn redirects unwrapped. */
  website?: string;
  /** `website` normalised: lowercase host, no `www.`, no port, no path. */
  domain?: string;
  /** Canonical `https://www.linkedin.com/company/<slug>/`. */
  linkedinUrl: string;
  /** Set when read from a Sales Navigator account page rather than the public company page. */
  via?: "sales-navigator";
}

export interface Employer {
  name?: string;
  linkedinCompanyUrl?: string;
  slug?: string;
}

export interface LinkedInProfileExtraction {
  kind: "linkedin-profile";
  /** The profile's `/in/<slug>/` segment, or the Sales Navigator lead id. */
  slug: string;
  personName?: string;
  /** The person's CURRENT employer; absent when the page shows no current position. */
  employer?: Employer;
  via?: "sales-navigator";
}

export interface CrmCompanyExtraction {
  kind: "crm-company";
  crm: Crm;
  /** The CRM's own record id, from the URL. */
  recordId: string;
  name?: string;
  domain?: string;
  /** 9 digits, Luhn-checked. */
  siren?: string;
}

export interface CrmContactExtraction {
  kind: "crm-contact";
  crm: Crm;
  recordId: string;
  /** Salesforce distinguishes leads from contacts; both are people. */
  recordType?: "lead" | "contact";
  personName?: string;
  email?: string;
  companyName?: string;
  /** From a website field, else from a work email (never from a consumer mailbox such as gmail.com). */
  domain?: string;
}

export type NoneReason =
  /** The URL is not a page kind we read (LinkedIn feed, a HubSpot deal, …). */
  | "unsupported-page"
  /** A supported page kind, but it states nothing usable (not rendered yet, deleted record, 404). */
  | "nothing-found";

export interface NoExtraction {
  kind: "none";
  reason: NoneReason;
  /** Which extractor ran, when the URL was recognised. */
  page?: PageKind;
}

export type Extraction = LinkedInCompanyExtraction | LinkedInProfileExtraction | CrmCompanyExtraction | CrmContactExtraction | NoExtraction;

/** One page kind: recognises its URLs and reads its documents. */
export interface PageExtractor {
  page: PageKind;
  matches(url: URL): boolean;
  extract(doc: Document, url: URL): Extraction;
}

export function nothingFound(page: PageKind): NoExtraction {
  return { kind: "none", reason: "nothing-found", page };
}
