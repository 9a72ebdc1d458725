import { parseEmail, websiteDomain, workEmailDomain } from "./domain";
import type { FieldValue } from "./labelled-field";
import { resolve, type Source } from "./lazy";
import { sirenFromText } from "./siren";
import { normaliseSpace } from "./text";

/** Field labels shared by the CRMs' English and French interfaces. Compared accent- and case-insensitively. */
export const LABELS = {
  domain: ["Company domain name", "Nom de domaine de l'entreprise", "Domain name", "Nom de domaine", "Domain", "Domaine"],
  website: ["Website", "Website URL", "Site web", "URL du site web", "URL du site Web", "Site internet"],
  siren: ["SIREN", "Numéro SIREN", "N° SIREN", "SIRET", "Numéro SIRET", "N° SIRET", "SIREN / SIRET"],
  vat: ["VAT number", "Numéro de TVA", "N° TVA intracommunautaire", "TVA intracommunautaire", "Numéro de TVA intracommunautaire"],
  email: ["Email", "E-mail", "Email address", "Adresse e-mail", "Adresse email", "Courriel"],
} as const;

/** Domain from a domain field, else from a website field (either may be a link or plain text). */
export function domainFrom(...sources: Array<Source<FieldValue | undefined>>): string | undefined {
  for (const source of sources) {
    const v = resolve(source);
    const d = websiteDomain(v?.href) ?? websiteDomain(v?.text);
    if (d) return d;
  }
  return undefined;
}

/** SIREN from a SIREN/SIRET field, else from an intra-EU VAT number; only check-digit-valid values. */
export function sirenFrom(...sources: Array<Source<FieldValue | undefined>>): string | undefined {
  for (const source of sources) {
    const v = resolve(source);
    const s = sirenFromText(v?.text);
    if (s) return s;
  }
  return undefined;
}

const EMAIL_IN_TEXT = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[a-z]{2,}/i;

/** The address of an email field: a `mailto:` link, else the first address in its text (CRMs append a
 * type, "jeanne@acme.fr (Work)"). */
export function emailFrom(...sources: Array<Source<FieldValue | undefined>>): string | undefined {
  for (const source of sources) {
    const v = resolve(source);
    const fromLink = v?.href && /^mailto:/i.test(v.href) ? parseEmail(v.href) : undefined;
    const e = fromLink ?? parseEmail(EMAIL_IN_TEXT.exec(v?.text ?? "")?.[0]);
    if (e) return e;
  }
  return undefined;
}

/** A contact's company domain: a website field first, else the work email's domain. */
export function contactDomain(website: Source<FieldValue | undefined>, email: string | undefined): string | undefined {
  return domainFrom(website) ?? workEmailDomain(email);
}

const SALUTATION = /^(?:mr|mrs|ms|miss|dr|prof|m|mme|mlle|me)\.?\s+/i;

/** "Mme Jeanne Martin" → "Jeanne Martin": Salesforce prints the salutation inside the name. */
export function personNameFrom(raw: string | undefined): string | undefined {
  const s = normaliseSpace(raw ?? "").replace(SALUTATION, "");
  return s || undefined;
}

/** "Jeanne" + "Martin" → "Jeanne Martin". */
export function joinNames(first: string | undefined, last: string | undefined): string | undefined {
  const s = normaliseSpace(`${first ?? ""} ${last ?? ""}`);
  return s || undefined;
}
