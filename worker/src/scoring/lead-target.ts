import { normalizeCompanyName } from "@sillage/shared/company-match/normalize-name";

/** Which lead a hit belongs to, as a stable key per workspace. */
export interface LeadTarget {
  key: string;
  name: string;
  siren: string | null;
  contactId: string | null;
}

/**
 * The account rule: a hit from a company network belongs to that company (by SIREN, or by organisation name
 * when no French legal entity matched); otherwise to the company of the visitor's contact (e-mail domain);
 * otherwise to the contact alone (free-mail address) until its company is known. A visitor from a consumer
 * ISP with no contact is no lead at all: nothing says who they are.
 */
export function leadTargetFor(input: {
  company: { siren: string; name: string | null } | null;
  organization: string | null;
  organizationIsLead: boolean;
  contact: { id: string; email: string; name: string | null; siren: string | null; companyName: string | null } | null;
}): LeadTarget | null {
  const { company, organization, organizationIsLead, contact } = input;
  if (company) return { key: `siren:${company.siren}`, name: company.name ?? company.siren, siren: company.siren, contactId: null };
  if (organizationIsLead && organization) {
    const norm = normalizeCompanyName(organization).full || organization.toLowerCase();
    return { key: `org:${norm}`, name: organization, siren: null, contactId: null };
  }
  if (contact?.siren) return { key: `siren:${contact.siren}`, name: contact.companyName ?? contact.siren, siren: contact.siren, contactId: null };
  if (contact) return { key: `contact:${contact.id}`, name: contact.name ?? contact.email, siren: null, contactId: contact.id };
  return null;
}
