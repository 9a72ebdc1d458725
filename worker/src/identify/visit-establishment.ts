import { chooseEstablishment, type StoredEstablishment, type VisitLocation } from "@sillage/shared/firmographics/establishment";
import { departementFromPostalCode } from "@sillage/shared/firmographics/geo";
import { ProviderError, type FirmographicsProvider } from "@sillage/shared/providers/types";

/** The key of a visit's place: its postcode, else its city. */
const placeKey = (v: VisitLocation) => v.postalCode?.trim() || v.city?.trim().toLowerCase() || null;

/**
 * After a hit joined its company's lead: the company's establishment nearest the visit becomes the lead's
 * visitor's office (SIRET, city, postcode). One provider call per lead and place; best effort — a register that
 * is down or rate-limiting leaves the office as it was (the next located visit tries again), never the hit.
 */
export async function recordVisitEstablishment(
  db: D1Database,
  providers: readonly FirmographicsProvider[],
  hitId: string,
  siren: string,
  visit: VisitLocation,
): Promise<void> {
  const key = placeKey(visit);
  const provider = providers.find((p) => p.establishments);
  if (!key || !provider) return;
  const lead = await db
    .prepare("SELECT l.id, l.establishment FROM leads l JOIN hits h ON h.lead_id = l.id WHERE h.id = ? AND l.siren = ?")
    .bind(hitId, siren)
    .first<{ id: string; establishment: string | null }>();
  if (!lead) return;
  if (lead.establishment && (JSON.parse(lead.establishment) as StoredEstablishment).visit === key) return;
  let list;
  try {
    list = await provider.establishments!(siren, { departement: departementFromPostalCode(visit.postalCode ?? null) });
  } catch (err) {
    if (err instanceof ProviderError) return;
    throw err;
  }
  const chosen = chooseEstablishment(list, visit);
  if (!chosen) return;
  const e = chosen.establishment;
  const stored: StoredEstablishment = { siret: e.siret, city: e.city, postalCode: e.postalCode, headOffice: e.headOffice, match: chosen.match, visit: key };
  await db.prepare("UPDATE leads SET establishment = ? WHERE id = ?").bind(JSON.stringify(stored), lead.id).run();
}
