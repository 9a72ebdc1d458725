import { classifyEmailDomain } from "@sillage/shared/email-domains";
import type { FirmographicsProvider } from "@sillage/shared/providers/types";
import { COMPANY_TTL_MS } from "./company-store";
import { companyBySiren, matchOrganizationCached } from "./organization-match";
import { valueOverrideFor } from "./overrides";

const SECOND_LEVEL = new Set(["co", "com", "gouv", "asso", "org", "net", "ac", "gov", "edu"]);

/** "mail.groupe-seb.com" → "groupe seb": the registrable label, as a company name would read. */
export function organizationFromDomain(domain: string): string {
  const labels = domain.toLowerCase().split(".").filter(Boolean);
  labels.pop(); // top-level domain
  if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1]!)) labels.pop();
  return (labels.pop() ?? "").replace(/-/g, " ");
}

/**
 * The company of an identified contact, from its e-mail domain. Free-mail, ISP, disposable and school
 * domains never name a company; the workspace's e-mail-domain overrides come before any register search.
 */
export async function identifyEmailDomain(
  db: D1Database,
  providers: readonly FirmographicsProvider[],
  workspaceId: string,
  contactId: string,
  now: number,
): Promise<void> {
  const contact = await db
    .prepare("SELECT email, siren, company_reason AS reason FROM contacts WHERE id = ?")
    .bind(contactId)
    .first<{ email: string; siren: string | null; reason: string | null }>();
  if (!contact || contact.siren || contact.reason) return; // already decided
  const domain = classifyEmailDomain(contact.email);
  let siren: string | null = null;
  let reason: string;
  if (domain.kind !== "company") {
    reason = `${domain.kind} e-mail domain: ${domain.reason}`;
  } else {
    const override = await valueOverrideFor(db, workspaceId, "email_domain", domain.domain);
    if (override) {
      await companyBySiren(db, providers, override.siren, now, COMPANY_TTL_MS);
      siren = override.siren;
      reason = `workspace override: ${domain.domain} → SIREN ${siren}`;
    } else {
      const match = await matchOrganizationCached(db, providers, organizationFromDomain(domain.domain), "email-domain", now);
      siren = match.siren;
      reason = match.reason;
    }
  }
  await db.prepare("UPDATE contacts SET siren = ?, company_reason = ? WHERE id = ?").bind(siren, reason.slice(0, 500), contactId).run();
}
