import { valueOverrideFor } from "../../identify/overrides";
import { linkedinCompanySlug } from "../linkedin-url";
import { found, likeContains, notFound, type LookupHit } from "./lookup-hit";
import { leadIdByLink, leadIdBySiren } from "./lead-ids";

/**
 * A LinkedIn company page → lead: a link a salesperson made, then the workspace's override (page → SIREN),
 * then the LinkedIn URL the lead was enriched with.
 */
export async function lookupByLinkedinCompany(db: D1Database, workspaceId: string, slug: string): Promise<LookupHit> {
  const linked = await leadIdByLink(db, workspaceId, "linkedin-company", slug);
  if (linked) return found(linked, "linkedin link");

  const override = await valueOverrideFor(db, workspaceId, "linkedin", slug);
  if (override) {
    const bySiren = await leadIdBySiren(db, workspaceId, override.siren);
    if (bySiren) return found(bySiren, `linkedin override → siren ${override.siren}`);
  }

  const { results } = await db
    .prepare(
      "SELECT id, linkedin_url AS url FROM leads WHERE workspace_id = ? AND linkedin_url LIKE ? ESCAPE '\\' ORDER BY merged_into IS NULL DESC, last_seen_at DESC LIMIT 20",
    )
    .bind(workspaceId, likeContains(slug))
    .all<{ id: string; url: string }>();
  const byUrl = results.find((r) => linkedinCompanySlug(r.url) === slug);
  if (byUrl) return found(byUrl.id, "linkedin url");

  return notFound(
    override
      ? `LinkedIn page "${slug}" belongs to SIREN ${override.siren} (workspace override), which has no lead yet`
      : `no lead is linked to LinkedIn page "${slug}"`,
  );
}
