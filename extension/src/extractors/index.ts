import { hubSpotCompanyPage, hubSpotContactPage } from "./hubspot";
import { linkedInCompanyPage } from "./linkedin-company";
import { linkedInProfilePage } from "./linkedin-profile";
import { pipedriveOrganizationPage, pipedrivePersonPage } from "./pipedrive";
import { salesforceAccountPage, salesforceContactPage, salesforceLeadPage } from "./salesforce";
import { salesNavigatorAccountPage, salesNavigatorLeadPage } from "./sales-navigator";
import { pageReader } from "./reader";
import type { PageExtractor } from "./types";

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

/** Every page kind at once (tests, the popup); content scripts take their site's extractors only. */
export const ALL_PAGES = pageReader(PAGE_EXTRACTORS);
export const pageKindOf = ALL_PAGES.kindOf;
export const extract = ALL_PAGES.read;
