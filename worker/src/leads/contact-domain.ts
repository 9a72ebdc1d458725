import { classifyEmailDomain } from "@sillage/shared/email-domains";

/**
 * The web domain a lead's contacts vouch for: their work e-mail domain when they all share one. Free-mail,
 * ISP, disposable and school addresses say nothing about the company; two work domains leave the choice open,
 * so none is shown rather than a wrong one. Pure.
 */
export function contactsWorkDomain(emails: readonly (string | null)[]): string | null {
  const domains = new Set<string>();
  for (const email of emails) {
    if (!email) continue;
    const c = classifyEmailDomain(email);
    if (c.kind === "company") domains.add(c.domain);
  }
  return domains.size === 1 ? [...domains][0]! : null;
}
