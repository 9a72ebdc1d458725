import { departementFromPostalCode } from "./geo";
import { isValidSiret } from "./siren";

/**
 * A company's establishment (établissement, SIRET) and the choice of the one a visit came from: Cloudflare gives the
 * visitor's city, postcode, region and coordinates; once the SIREN is known, the establishment nearest the visit is
 * the visitor's office. Pure.
 */
export interface Establishment {
  siret: string;
  postalCode: string | null;
  city: string | null;
  departement: string | null;
  /** INSEE region code ("84"). */
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  headOffice: boolean;
  active: boolean;
}

/** Where a visit came from, as Cloudflare says it (`request.cf`); every field may be missing. */
export interface VisitLocation {
  city?: string | null;
  postalCode?: string | null;
  /** Region name or code as Cloudflare gives it (`cf.region`, e.g. "Auvergne-Rhône-Alpes"); compared loosely. */
  region?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export type EstablishmentMatch = "postal_code" | "city" | "departement" | "nearest" | "head_office";

export interface ChosenEstablishment {
  establishment: Establishment;
  /** How it was chosen: the visit's postcode, its city, its département, the nearest by coordinates, or the head office. */
  match: EstablishmentMatch;
}

/** Coordinates further than this from the visit do not make an establishment "near" (Cloudflare's geolocation is coarse). */
export const NEAR_KM = 50;

const num = (v: unknown): number | null => {
  const n = typeof v === "string" ? Number(v) : typeof v === "number" ? v : NaN;
  return Number.isFinite(n) ? n : null;
};
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

function fromApi(e: Record<string, unknown>): Establishment | null {
  const siret = str(e.siret);
  if (!siret || !isValidSiret(siret)) return null;
  // A non-diffusible establishment's address is withheld: it cannot be shown as the visitor's office.
  if (e.statut_diffusion_etablissement !== undefined && e.statut_diffusion_etablissement !== "O") return null;
  const postalCode = str(e.code_postal);
  return {
    siret,
    postalCode,
    city: str(e.libelle_commune),
    departement: departementFromPostalCode(postalCode) ?? str(e.departement),
    region: str(e.region),
    latitude: num(e.latitude),
    longitude: num(e.longitude),
    headOffice: e.est_siege === true,
    active: e.etat_administratif === "A",
  };
}

/** The establishments an API Recherche d'entreprises result carries: its matching establishments, then its head office. */
export function establishmentsFromRechercheEntreprises(result: unknown): Establishment[] {
  if (!result || typeof result !== "object") return [];
  const r = result as { siege?: unknown; matching_etablissements?: unknown };
  const raw = [...(Array.isArray(r.matching_etablissements) ? r.matching_etablissements : []), ...(r.siege ? [r.siege] : [])];
  const out = new Map<string, Establishment>();
  for (const e of raw) {
    const parsed = e && typeof e === "object" ? fromApi(e as Record<string, unknown>) : null;
    if (parsed && !out.has(parsed.siret)) out.set(parsed.siret, parsed);
  }
  return [...out.values()];
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(\d+(er|e|eme)?|arrondissement|cedex)\b/g, "")
    .trim();

function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The establishment nearest the visit, among the open ones: same postcode, else same city, else same département,
 * else the nearest by coordinates within NEAR_KM; ties go to the closest by coordinates, then the head office. When
 * nothing is near, the head office (even if the company has no open establishment there). Null when none is known.
 */
export function chooseEstablishment(establishments: readonly Establishment[], visit: VisitLocation): ChosenEstablishment | null {
  const open = establishments.filter((e) => e.active);
  const headOffice = establishments.find((e) => e.headOffice) ?? null;
  const hasCoords = visit.latitude != null && visit.longitude != null;
  const dist = (e: Establishment) =>
    hasCoords && e.latitude !== null && e.longitude !== null ? distanceKm(visit.latitude!, visit.longitude!, e.latitude, e.longitude) : Infinity;
  const best = (list: readonly Establishment[]) =>
    [...list].sort((a, b) => dist(a) - dist(b) || Number(b.headOffice) - Number(a.headOffice) || a.siret.localeCompare(b.siret))[0];

  const postal = visit.postalCode?.trim();
  const city = visit.city ? fold(visit.city) : "";
  const departement = departementFromPostalCode(postal ?? null);
  const tiers: [EstablishmentMatch, (e: Establishment) => boolean][] = [
    ["postal_code", (e) => !!postal && e.postalCode === postal],
    ["city", (e) => !!city && !!e.city && fold(e.city) === city],
    ["departement", (e) => !!departement && e.departement === departement],
    ["nearest", (e) => dist(e) <= NEAR_KM],
  ];
  for (const [match, test] of tiers) {
    const found = best(open.filter(test));
    if (found) return { establishment: found, match };
  }
  return headOffice ? { establishment: headOffice, match: "head_office" } : null;
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

/** "Lyon 7e", "Paris 1er", "Rennes": the place an establishment is known by (arrondissements of Paris, Lyon, Marseille). */
export function establishmentPlace(e: Pick<Establishment, "city" | "postalCode">): string | null {
  if (!e.city) return e.postalCode;
  const city = titleCase(e.city.replace(/\s+\d+(er|e|eme)?\s*arrondissement$/i, "").trim());
  const arr = (prefix: string, base: string) => {
    if (!e.postalCode?.startsWith(prefix) || !city.toLowerCase().startsWith(base)) return null;
    const n = Number(e.postalCode.slice(prefix.length));
    return n >= 1 && n <= 20 ? `${city.split(" ")[0]} ${n}${n === 1 ? "er" : "e"}` : null;
  };
  return arr("750", "paris") ?? arr("6900", "lyon") ?? arr("130", "marseille") ?? city;
}

/** "DANONE — établissement de Lyon 7e, SIRET 55203253400646" (the head office says so). */
export function establishmentLabel(companyName: string, e: Pick<Establishment, "city" | "postalCode" | "siret" | "headOffice">): string {
  const place = establishmentPlace(e);
  const what = e.headOffice ? `siège${place ? ` de ${place}` : ""}` : `établissement${place ? ` de ${place}` : ""}`;
  return `${companyName} — ${what}, SIRET ${e.siret}`;
}

/** What a lead keeps of its visitor's office (leads.establishment, JSON): the choice, and the visit it was made for. */
export interface StoredEstablishment {
  siret: string;
  city: string | null;
  postalCode: string | null;
  headOffice: boolean;
  match: EstablishmentMatch;
  /** The visit's postcode (or city) it was chosen for: the same place is not asked again. */
  visit: string;
}

/** The visitor's office as the API, the webhook payload and the CSV show it; null when none was chosen. */
export function establishmentView(companyName: string, stored: string | null | undefined) {
  if (!stored) return null;
  let e: StoredEstablishment;
  try {
    e = JSON.parse(stored) as StoredEstablishment;
  } catch {
    return null;
  }
  if (!e?.siret) return null;
  return { siret: e.siret, city: e.city, postalCode: e.postalCode, headOffice: e.headOffice, label: establishmentLabel(companyName, e) };
}
