import { normalizeCompanyName } from "@sillage/shared/company-match/normalize-name";

/** Which lead a hit belongs to, as a stable key per workspace. */
export interface LeadTarget {
  key: string;
  name: string;
  siren: string | null;
  contactId: string | null;
}

/**
 * The account rule: a hit of a contact whose work e-mail names a company belongs to that company (the person said
 * who they work for; their network may be a client's or a partner's); otherwise a hit from a company network
 * belongs to that company (by SIREN, or by organisation name when no French legal entity matched); otherwise to the
 * contact alone (free-mail address) until its company is known. A visitor from a consumer ISP with no contact is no
 * lead at all: nothing says who they are. While a contact's e-mail domain is still being resolved, its hits follow
 * the network and move when the domain names another company (identify/contact-company.ts).
 */
export function leadTargetFor(input: {
  company: { siren: string; name: string | null } | null;
  organization: string | null;
  organizationIsLead: boolean;
  contact: { id: string; email: string; name: string | null; siren: string | null; companyName: string | null } | null;
}): LeadTarget | null {
  const { company, organization, organizationIsLead, contact } = input;
  if (contact?.siren) return { key: `siren:${contact.siren}`, name: contact.companyName ?? contact.siren, siren: contact.siren, contactId: null };
  if (company) return { key: `siren:${company.siren}`, name: company.name ?? company.siren, siren: company.siren, contactId: null };
  if (organizationIsLead && organization) {
    const norm = normalizeCompanyName(organization).full || organization.toLowerCase();
    return { key: `org:${norm}`, name: organization, siren: null, contactId: null };
  }
  if (contact) return { key: `contact:${contact.id}`, name: contact.name ?? contact.email, siren: null, contactId: contact.id };
  return null;
}
