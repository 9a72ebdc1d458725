import { crmRecordId, crmRecordUrl } from "@sillage/shared/api/crm-record";
import type { LeadLink } from "@sillage/shared/api/leads";
import { linkedinCompanySlug, linkedinCompanyUrlOf, linkedinProfileSlug, linkedinProfileUrlOf } from "./linkedin-url";
import { normalizeWebDomain } from "./web-domain";

export type LinkKind = LeadLink["kind"];

/**
 * What is stored for a link and what a person opens: a LinkedIn slug, a bare domain, a CRM record's identity
 * (`hubspot:<portal>/<id>`…), a CRM page URL. Pure.
 * Returns null when the value is not of the kind claimed (a profile URL given as a company page…).
 */
export function normalizeLinkValue(kind: LinkKind, raw: string): { value: string; url: string } | null {
  switch (kind) {
    case "linkedin-company": {
      const slug = linkedinCompanySlug(raw);
      return slug ? { value: slug, url: linkedinCompanyUrlOf(slug) } : null;
    }
    case "linkedin-profile": {
      const slug = linkedinProfileSlug(raw);
      return slug ? { value: slug, url: linkedinProfileUrlOf(slug) } : null;
    }
    case "domain": {
      const domain = normalizeWebDomain(raw);
      return domain ? { value: domain, url: `https://${domain}` } : null;
    }
    case "crm-record": {
      const id = crmRecordId(raw);
      return id ? { value: id, url: crmRecordUrl(id)! } : null;
    }
    case "crm": {
      const url = normalizeCrmUrl(raw);
      return url ? { value: url, url } : null;
    }
  }
}

/** A CRM record URL: http(s) only, host lower-cased, no trailing slash; query and fragment kept (some CRMs route by them). */
export function normalizeCrmUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) url.pathname = url.pathname.slice(0, -1);
  const text = url.toString();
  return text.length <= 500 ? text : null;
}

/** The address a stored link opens. */
export function linkUrl(kind: LinkKind, value: string): string {
  switch (kind) {
    case "linkedin-company":
      return linkedinCompanyUrlOf(value);
    case "linkedin-profile":
      return linkedinProfileUrlOf(value);
    case "domain":
      return `https://${value}`;
    case "crm-record":
      return crmRecordUrl(value) ?? "";
    case "crm":
      return value;
  }
}
