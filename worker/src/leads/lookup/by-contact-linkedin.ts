import { linkedinProfileUrlOf } from "../linkedin-url";
import { found, notFound, type LookupHit } from "./lookup-hit";
import { leadIdByLink, leadIdOfContact } from "./lead-ids";

/**
 * A person's LinkedIn profile → lead. A profile link a salesperson made always wins. Only when there is none does
 * a contact's own profile URL answer ("contact linkedin"): that one came from the visitor's form, unverified, but
 * it is the contact's first value — the tracker never overwrites it, and later different values stay claims
 * (contact_claims), which never answer. Contacts keep profile URLs in one canonical form, so this is an equality.
 */
export async function lookupByContactLinkedin(db: D1Database, workspaceId: string, slug: string): Promise<LookupHit> {
  const linked = await leadIdByLink(db, workspaceId, "linkedin-profile", slug);
  if (linked) return found(linked, "contact linkedin link");

  const { results } = await db
    .prepare("SELECT id, siren FROM contacts WHERE workspace_id = ? AND linkedin_url = ? ORDER BY first_seen_at LIMIT 20")
    .bind(workspaceId, linkedinProfileUrlOf(slug))
    .all<{ id: string; siren: string | null }>();
  for (const contact of results) {
    const leadId = await leadIdOfContact(db, workspaceId, contact);
    if (leadId) return found(leadId, "contact linkedin");
  }
  return notFound(results.length ? `the contact with LinkedIn profile "${slug}" has no lead` : `no contact has LinkedIn profile "${slug}"`);
}
