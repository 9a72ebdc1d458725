import { crmRecordId } from "@sillage/shared/api/crm-record";
import type { LeadLookupQuery } from "@sillage/shared/api/leads";
import { parseCompanyIdentifier } from "@sillage/shared/firmographics/siren";
import { ApiError } from "../../http/errors";
import { linkedinCompanySlug, linkedinProfileSlug } from "../linkedin-url";
import { normalizeWebDomain } from "../web-domain";
import { lookupByContactLinkedin } from "./by-contact-linkedin";
import { lookupByCrmRecord } from "./by-crm-record";
import { lookupByDomain } from "./by-domain";
import { lookupBySiren } from "./by-identifier";
import { lookupByLinkedinCompany } from "./by-linkedin-company";
import { lookupByName } from "./by-name";
import type { LookupHit } from "./lookup-hit";

/**
 * `GET /leads/lookup`: normalises the one key given, then asks the matching look-up. A key that cannot be what
 * it claims (a SIREN failing its check digit, a LinkedIn profile given as a company page) is a 400; a valid key
 * that matches nothing is a hit without a lead, with the reason.
 */
export async function lookupLead(db: D1Database, workspaceId: string, q: LeadLookupQuery): Promise<LookupHit> {
  if (q.linkedin !== undefined) {
    const slug = linkedinCompanySlug(q.linkedin);
    if (!slug) throw new ApiError("bad_request", "linkedin: expected a LinkedIn company page URL (…/company/<name>/) or its slug");
    return lookupByLinkedinCompany(db, workspaceId, slug);
  }
  if (q.contactLinkedin !== undefined) {
    const slug = linkedinProfileSlug(q.contactLinkedin);
    if (!slug) throw new ApiError("bad_request", "contactLinkedin: expected a LinkedIn profile URL (…/in/<name>/) or its slug");
    return lookupByContactLinkedin(db, workspaceId, slug);
  }
  if (q.domain !== undefined) {
    const domain = normalizeWebDomain(q.domain);
    if (!domain) throw new ApiError("bad_request", "domain: expected a web domain such as danone.com or a URL of the site");
    return lookupByDomain(db, workspaceId, domain);
  }
  if (q.siren !== undefined) {
    const id = parseCompanyIdentifier(q.siren);
    if (!id) throw new ApiError("bad_request", "siren: expected a SIREN (9 digits) or a SIRET (14 digits) with a valid check digit");
    return lookupBySiren(db, workspaceId, id);
  }
  if (q.crm !== undefined) {
    const record = crmRecordId(q.crm);
    if (!record) {
      throw new ApiError(
        "bad_request",
        "crm: expected the URL of a HubSpot company or contact, a Salesforce account, contact or lead, or a Pipedrive organisation or person, or its id such as hubspot:4415263/9876543210",
      );
    }
    return lookupByCrmRecord(db, workspaceId, record);
  }
  return lookupByName(db, workspaceId, q.name ?? "");
}
