import { found, notFound, type LookupHit } from "./lookup-hit";
import { leadIdBySiren } from "./lead-ids";

/** A SIREN (or the SIREN of a SIRET, already validated) → the lead of that legal unit. */
export async function lookupBySiren(db: D1Database, workspaceId: string, id: { kind: "siren" | "siret"; siren: string }): Promise<LookupHit> {
  const leadId = await leadIdBySiren(db, workspaceId, id.siren);
  if (leadId) return found(leadId, id.kind === "siren" ? "siren" : "siret → siren");
  return notFound(`no lead has SIREN ${id.siren}`);
}
