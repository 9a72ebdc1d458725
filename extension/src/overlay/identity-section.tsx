import { formatRevenue, formatSiren } from "../i18n/format";
import { t, type Lang } from "../i18n/index";
import { safeHttpUrl } from "./safe-url";
import { Section } from "./section";
import type { LeadCompany } from "./types";

function revenueText(company: LeadCompany, lang: Lang): string | null {
  if (company.revenue === null) return null;
  const amount = formatRevenue(company.revenue, lang);
  return company.revenueYear === null ? amount : t("identity.revenueWithYear", lang, { amount, year: company.revenueYear });
}

function nafText(company: LeadCompany): string | null {
  if (company.nafLabel && company.nafCode) return `${company.nafLabel} (${company.nafCode})`;
  return company.nafLabel ?? company.nafCode;
}

/** Legal identity from the French registers: SIREN, headcount, revenue with its year, activity. */
export function IdentitySection({ company, lang }: { company: LeadCompany; lang: Lang }) {
  const unknown = t("common.unknown", lang);
  const linkedin = safeHttpUrl(company.linkedinUrl);
  const rows: Array<[string, string | null]> = [
    [t("identity.siren", lang), company.siren ? formatSiren(company.siren) : null],
    [t("identity.headcount", lang), company.headcountLabel],
    [t("identity.revenue", lang), revenueText(company, lang)],
    [t("identity.naf", lang), nafText(company)],
    [t("identity.category", lang), company.categorie],
    [t("identity.city", lang), company.city],
  ];
  return (
    <Section title={t("identity.title", lang)}>
      <dl className="sl-facts">
        {rows.map(([label, value]) => (
          <div className="sl-facts__row" key={label}>
            <dt>{label}</dt>
            <dd>{value ?? unknown}</dd>
          </div>
        ))}
        {linkedin && (
          <div className="sl-facts__row">
            <dt>{t("identity.linkedin", lang)}</dt>
            <dd>
              <a href={linkedin} target="_blank" rel="noopener noreferrer" aria-label={t("identity.linkedinOpen", lang)}>
                {new URL(linkedin).pathname.replace(/\/$/, "")}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </Section>
  );
}
