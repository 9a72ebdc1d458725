import type { LeadDetail } from "@sillage/shared/api/leads";
import { establishmentView } from "@sillage/shared/firmographics/establishment";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import { linkedinCompanySlug, linkedinCompanyUrlOf } from "../linkedin-url";

type LeadCompany = LeadDetail["company"];

/** leads.linkedin_url may hold a URL or a bare slug; the detail always gives a URL to open. */
function linkedinUrlOf(stored: string | null): string | null {
  if (!stored) return null;
  const slug = linkedinCompanySlug(stored);
  return slug ? linkedinCompanyUrlOf(slug) : /^https?:\/\//i.test(stored) ? stored : null;
}

/**
 * The company block of a lead: the register's firmographics when the lead has a SIREN we know, otherwise the
 * lead's name alone (every register field null, never guessed). Pure.
 */
export function companyView(
  lead: { name: string; siren: string | null },
  record: Firmographics | null,
  extra: { linkedin: string | null; domain: string | null; networkKind: string | null; establishment?: string | null },
): LeadCompany {
  const r = record;
  return {
    name: r?.name ?? lead.name,
    siren: r?.siren ?? lead.siren,
    headOfficeSiret: r?.headOfficeSiret ?? null,
    legalForm: r?.legalFormLabel ?? null,
    nafCode: r?.nafCode ?? null,
    nafLabel: r?.nafLabel ?? null,
    nafSection: r?.nafSection ?? null,
    headcountCode: r?.headcountCode ?? null,
    headcountLabel: r?.headcountLabel ?? null,
    revenue: r?.revenue ?? null,
    // The year only means something next to an amount.
    revenueYear: r?.revenue != null ? (r.financesYear ?? null) : null,
    netIncome: r?.netIncome ?? null,
    category: r?.category ?? null,
    address: r?.address ?? null,
    city: r?.city ?? null,
    departement: r?.departementName ?? r?.departementCode ?? null,
    region: r?.regionName ?? r?.regionCode ?? null,
    vatNumber: r?.vatNumber ?? null,
    createdOn: r?.createdOn ?? null,
    linkedinUrl: linkedinUrlOf(extra.linkedin),
    domain: extra.domain,
    networkKind: extra.networkKind,
    establishment: establishmentView(r?.name ?? lead.name, extra.establishment),
  };
}
