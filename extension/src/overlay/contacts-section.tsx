import { t, type Lang } from "../i18n/index";
import { mailtoHref, safeHttpUrl, telHref } from "./safe-url";
import { Section } from "./section";
import type { LeadContact } from "./types";

function ContactCard({ contact, lang }: { contact: LeadContact; lang: Lang }) {
  const name = contact.name ?? t("contacts.unnamed", lang);
  const mail = mailtoHref(contact.email);
  const tel = telHref(contact.phone);
  const linkedin = safeHttpUrl(contact.linkedinUrl);
  return (
    <li className="sl-contact">
      <div className="sl-contact__name">{name}</div>
      {contact.jobTitle && <div className="sl-muted">{contact.jobTitle}</div>}
      <div className="sl-contact__links">
        {mail && (
          <a href={mail} aria-label={t("contacts.email", lang, { name })}>
            {contact.email}
          </a>
        )}
        {tel && (
          <a href={tel} aria-label={t("contacts.phone", lang, { name })}>
            {contact.phone}
          </a>
        )}
        {linkedin && (
          <a href={linkedin} target="_blank" rel="noopener noreferrer" aria-label={t("contacts.linkedinOf", lang, { name })}>
            {t("contacts.linkedin", lang)}
          </a>
        )}
      </div>
    </li>
  );
}

export function ContactsSection({ contacts, lang }: { contacts: LeadContact[]; lang: Lang }) {
  return (
    <Section title={t("contacts.title", lang)}>
      {contacts.length === 0 ? (
        <p className="sl-empty">{t("contacts.empty", lang)}</p>
      ) : (
        <ul className="sl-list">
          {contacts.map((c, i) => (
            <ContactCard key={`${c.email ?? c.name ?? ""}-${i}`} contact={c} lang={lang} />
          ))}
        </ul>
      )}
    </Section>
  );
}
