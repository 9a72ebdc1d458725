import { linkedinProfileSlug } from "../linkedin-url";
import { found, likeContains, notFound, type LookupHit } from "./lookup-hit";
import { leadIdByLink, leadIdOfContact } from "./lead-ids";

/** A person's LinkedIn profile → lead: a profile link a salesperson made, then a contact with that profile. */
export async function lookupByContactLinkedin(db: D1Database, workspaceId: string, slug: string): Promise<LookupHit> {
  const linked = await leadIdByLink(db, workspaceId, "linkedin-profile", slug);
  if (linked) return found(linked, "contact linkedin link");

  const { results } = await db
    .prepare("SELECT id, siren, linkedin_url AS url FROM contacts WHERE workspace_id = ? AND linkedin_url LIKE ? ESCAPE '\\' ORDER BY updated_at DESC LIMIT 20")
    .bind(workspaceId, likeContains(slug))
    .all<{ id: string; siren: string | null; url: string }>();
  for (const contact of results.filter((c) => linkedinProfileSlug(c.url) === slug)) {
    const leadId = await leadIdOfContact(db, workspaceId, contact);
    if (leadId) return found(leadId, "contact linkedin");
  }
  return notFound(results.length ? `the contact with LinkedIn profile "${slug}" has no lead` : `no contact has LinkedIn profile "${slug}"`);
}
