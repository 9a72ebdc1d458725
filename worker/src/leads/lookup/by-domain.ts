import { classifyEmailDomain } from "@sillage/shared/email-domains";
import { parentDomains } from "../web-domain";
import { found, likeEndsWith, notFound, type LookupHit } from "./lookup-hit";
import { leadIdByLink, leadIdOfContact } from "./lead-ids";

/** Mailbox providers: thousands of unrelated people share them, so they never point at one company. */
const SHARED_KINDS: Partial<Record<string, string>> = {
  freemail: "a free webmail domain",
  isp: "an internet provider's mailbox domain",
  disposable: "a throw-away mailbox domain",
};

/**
 * A web domain → lead: a domain link, the lead's own domain, then the contacts whose e-mail address is at that
 * domain; the same again for the parent domain ("fr.danone.com" → "danone.com").
 */
export async function lookupByDomain(db: D1Database, workspaceId: string, domain: string): Promise<LookupHit> {
  const shared = SHARED_KINDS[classifyEmailDomain(domain).kind];
  if (shared) return notFound(`${domain} is ${shared}: it says nothing about a company`);

  for (const candidate of [domain, ...parentDomains(domain)]) {
    const linked = await leadIdByLink(db, workspaceId, "domain", candidate);
    if (linked) return found(linked, "domain link");

    const lead = await db
      .prepare("SELECT id FROM leads WHERE workspace_id = ? AND lower(domain) IN (?, ?) ORDER BY merged_into IS NULL DESC, last_seen_at DESC LIMIT 1")
      .bind(workspaceId, candidate, `www.${candidate}`)
      .first<{ id: string }>();
    if (lead) return found(lead.id, "lead domain");

    const { results: contacts } = await db
      .prepare("SELECT id, siren, email FROM contacts WHERE workspace_id = ? AND email LIKE ? ESCAPE '\\' ORDER BY updated_at DESC LIMIT 20")
      .bind(workspaceId, likeEndsWith(`@${candidate}`))
      .all<{ id: string; siren: string | null; email: string }>();
    // A long domain's pattern keeps only its end: compare exactly.
    for (const contact of contacts.filter((c) => c.email.toLowerCase().endsWith(`@${candidate}`))) {
      const leadId = await leadIdOfContact(db, workspaceId, contact);
      if (leadId) return found(leadId, "contact e-mail domain");
    }
  }
  return notFound(`no lead, link or contact e-mail address has the domain ${domain}`);
}
