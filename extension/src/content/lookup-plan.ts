/**
 * From what a page says (the extractors' answer) to what to ask the API: an ordered list of single-key
 * look-ups, most specific first, and what to link the page to when nothing matches. Pure and unit-tested:
 * this is where "which lead is this page about" is decided.
 */
import { isNonEmployer } from "../extractors/non-employer";
import type { Extraction } from "../extractors/types";
import type { LinkTarget, LookupKey } from "../messages";

const profileUrl = (slug: string) => `https://www.linkedin.com/in/${slug}/`;

/** A key when the page gave a value; `false`/empty values give none. */
const key = (by: LookupKey["by"], value: string | false | undefined): LookupKey | null => (value ? { by, value } : null);

/** A company name worth asking for: not "Freelance", "Retired"… (a company by that name is someone else). */
const companyName = (name: string | undefined) => (isNonEmployer(name) ? undefined : name);

/** Drops empty values and repeats (a domain found twice is asked once). */
function uniqueKeys(keys: Array<LookupKey | null>): LookupKey[] {
  const seen = new Set<string>();
  const out: LookupKey[] = [];
  for (const k of keys) {
    if (!k || !k.value.trim()) continue;
    const id = `${k.by}=${k.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ by: k.by, value: k.value.trim() });
  }
  return out;
}

/**
 * - LinkedIn company: its LinkedIn URL (a link someone made, or the lead's own page), then the website's
 *   domain, then the name.
 * - LinkedIn profile: the person (a known contact), then the current employer's LinkedIn page, then its name.
 *   A Sales Navigator lead id is not a profile URL, so it is not asked.
 * - CRM company: SIREN (the legal identity, never ambiguous), then domain, then the record itself (a
 *   salesperson linked it to a lead: the way a record without a domain is found), then name.
 * - CRM contact: the company's domain (website field or work e-mail), then the record itself, then the company name.
 */
export function lookupPlan(extraction: Extraction, pageUrl: string): LookupKey[] {
  switch (extraction.kind) {
    case "linkedin-company":
      return uniqueKeys([key("linkedin", extraction.linkedinUrl), key("domain", extraction.domain), key("name", companyName(extraction.name))]);
    case "linkedin-profile":
      return uniqueKeys([
        key("contactLinkedin", extraction.via !== "sales-navigator" && profileUrl(extraction.slug)),
        key("linkedin", extraction.employer?.linkedinCompanyUrl),
        key("name", companyName(extraction.employer?.name)),
      ]);
    case "crm-company":
      return uniqueKeys([
        key("siren", extraction.siren),
        key("domain", extraction.domain),
        key("crm", crmRecordUrl(pageUrl)),
        key("name", companyName(extraction.name)),
      ]);
    case "crm-contact":
      return uniqueKeys([key("domain", extraction.domain), key("crm", crmRecordUrl(pageUrl)), key("name", companyName(extraction.companyName))]);
    case "none":
      return [];
  }
}

/**
 * What "link this page to a lead" records, so that the next visit of this page finds the lead: the page's
 * LinkedIn URL, or the company's web domain, or (a CRM record without one) the record, by its address.
 */
export function linkTarget(extraction: Extraction, pageUrl: string): LinkTarget | null {
  switch (extraction.kind) {
    case "linkedin-company":
      return { kind: "linkedin-company", value: extraction.linkedinUrl };
    case "linkedin-profile":
      if (extraction.via !== "sales-navigator") return { kind: "linkedin-profile", value: profileUrl(extraction.slug) };
      return extraction.employer?.linkedinCompanyUrl ? { kind: "linkedin-company", value: extraction.employer.linkedinCompanyUrl } : null;
    case "crm-company":
    case "crm-contact":
      return extraction.domain ? { kind: "domain", value: extraction.domain } : { kind: "crm-record", value: crmRecordUrl(pageUrl) };
    case "none":
      return null;
  }
}

/** The record's address without the query and fragment (view state, tracking); the API reads the record from it
 * (`crmRecordId` in shared/src/api/leads.ts, for the URLs the CRM extractors recognise). */
function crmRecordUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  return `${url.origin}${url.pathname}`;
}

/** The text the "find a lead" search box starts with: the company's name as the page shows it. */
export function searchHint(extraction: Extraction): string {
  switch (extraction.kind) {
    case "linkedin-company":
    case "crm-company":
      return companyName(extraction.name) ?? "";
    case "linkedin-profile":
      return companyName(extraction.employer?.name) ?? "";
    case "crm-contact":
      return companyName(extraction.companyName) ?? "";
    case "none":
      return "";
  }
}
