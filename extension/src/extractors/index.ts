import { hubSpotCompanyPage, hubSpotContactPage } from "./hubspot";
import { linkedInCompanyPage } from "./linkedin-company";
import { linkedInProfilePage } from "./linkedin-profile";
import { pipedriveOrganizationPage, pipedrivePersonPage } from "./pipedrive";
import { salesforceAccountPage, salesforceContactPage, salesforceLeadPage } from "./salesforce";
import { salesNavigatorAccountPage, salesNavigatorLeadPage } from "./sales-navigator";
import type { Extraction, PageExtractor, PageKind } from "./types";

export type * from "./types";

/** Every supported page kind. URL patterns do not overlap, so order does not matter. */
export const PAGE_EXTRACTORS: readonly PageExtractor[] = [
  linkedInCompanyPage,
  linkedInProfilePage,
  salesNavigatorAccountPage,
  salesNavigatorLeadPage,
  hubSpotCompanyPage,
  hubSpotContactPage,
  salesforceAccountPage,
  salesforceLeadPage,
  salesforceContactPage,
  pipedriveOrganizationPage,
  pipedrivePersonPage,
];

/** Which page kind a URL is, without reading the document (e.g. to decide whether to wait for it). */
export function pageKindOf(url: URL): PageKind | undefined {
  return PAGE_EXTRACTORS.find((e) => e.matches(url))?.page;
}

/** Reads the company or person the page is about. Pure: same document and URL, same answer. */
export function extract(doc: Document, url: URL): Extraction {
  const extractor = PAGE_EXTRACTORS.find((e) => e.matches(url));
  return extractor ? extractor.extract(doc, url) : { kind: "none", reason: "unsupported-page" };
}
