import { z } from "zod";
import { cleanAliases, geoFields, headcountFields, legalFormFields, nafFields, parseCategory, parseIsoDate, parseYear, withheldToNull } from "./derive";
import { departementFromCommuneCode, departementFromPostalCode } from "./geo";
import { isAssociation, isPublicAdministration } from "./legal-form";
import type { Firmographics } from "./record";
import { isValidSiren, isValidSiret } from "./siren";
import { vatNumberFromSiren } from "./vat";

/**
 * The parts of an API Recherche d'entreprises result we read. Loose objects: the API adds fields over time
 * and we must not fail on them; every field is optional/nullable because real answers leave them out
 * (e.g. the stub returned for an unknown SIREN, `siege: {}`).
 */
const str = z.string().nullish();
const num = z.number().nullish();

const siegeSchema = z.looseObject({
  siret: str,
  adresse: str,
  code_postal: str,
  commune: str,
  libelle_commune: str,
  departement: str,
  region: str,
  libelle_pays_etranger: str,
  code_pays_etranger: str,
  nom_commercial: str,
  liste_enseignes: z.array(z.string()).nullish(),
  est_siege: z.boolean().nullish(),
});

const financesSchema = z.record(z.string(), z.looseObject({ ca: num, resultat_net: num }).nullable()).nullish();

export const rechercheEntreprisesResultSchema = z.looseObject({
  siren: z.string(),
  nom_complet: str,
  nom_raison_sociale: str,
  sigle: str,
  siege: siegeSchema.nullish(),
  activite_principale: str,
  categorie_entreprise: str,
  annee_categorie_entreprise: z.union([z.string(), z.number()]).nullish(),
  date_creation: str,
  date_fermeture: str,
  etat_administratif: str,
  nature_juridique: str,
  tranche_effectif_salarie: str,
  annee_tranche_effectif_salarie: z.union([z.string(), z.number()]).nullish(),
  statut_diffusion: str,
  nombre_etablissements: num,
  nombre_etablissements_ouverts: num,
  finances: financesSchema,
  complements: z
    .looseObject({
      est_administration: z.boolean().nullish(),
      est_service_public: z.boolean().nullish(),
      est_association: z.boolean().nullish(),
    })
    .nullish(),
});
export type RechercheEntreprisesResult = z.infer<typeof rechercheEntreprisesResultSchema>;

/** The envelope of `GET /search`; results are validated one by one so one odd result does not sink the page. */
export const rechercheEntreprisesResponseSchema = z.looseObject({
  results: z.array(z.unknown()),
  total_results: z.number().int().min(0),
  page: z.number().int().min(1),
  per_page: z.number().int().min(0),
  total_pages: z.number().int().min(0),
});

function latestFinances(finances: RechercheEntreprisesResult["finances"]) {
  if (!finances) return { revenue: null, netIncome: null, financesYear: null };
  // The API holds the latest filed year only, but pick the highest year in case it ever sends more.
  const years = Object.keys(finances)
    .map((y) => parseYear(y))
    .filter((y): y is number => y !== null)
    .sort((a, b) => b - a);
  const year = years[0];
  const entry = year === undefined ? null : finances[String(year)];
  if (!entry) return { revenue: null, netIncome: null, financesYear: null };
  return { revenue: entry.ca ?? null, netIncome: entry.resultat_net ?? null, financesYear: year ?? null };
}

/**
 * Maps one API result to a Firmographics record. Null when the result does not describe a real unit:
 * the API answers an unknown but well-formed SIREN with a stub whose names and state are all null.
 */
export function firmographicsFromRechercheEntreprises(input: unknown): Firmographics | null {
  const parsed = rechercheEntreprisesResultSchema.safeParse(input);
  if (!parsed.success) return null;
  const r = parsed.data;
  if (!isValidSiren(r.siren)) return null;
  if (r.etat_administratif == null && r.nom_complet == null && r.nom_raison_sociale == null) return null;

  const siege = r.siege ?? {};
  const diffusible = r.statut_diffusion !== "P";
  const name = withheldToNull(r.nom_raison_sociale) ?? withheldToNull(r.nom_complet);
  const postalCode = withheldToNull(siege.code_postal);
  const foreignCountry = withheldToNull(siege.libelle_pays_etranger) ?? (siege.code_pays_etranger ? siege.code_pays_etranger : null);
  const departement = foreignCountry
    ? null
    : (withheldToNull(siege.departement) ?? departementFromCommuneCode(siege.commune) ?? departementFromPostalCode(postalCode));
  const siret = siege.siret && isValidSiret(siege.siret) ? siege.siret : null;

  return {
    source: "recherche-entreprises",
    siren: r.siren,
    headOfficeSiret: siret,
    name,
    aliases: cleanAliases(name, [r.sigle, siege.nom_commercial, ...(siege.liste_enseignes ?? [])]),
    ...legalFormFields(r.nature_juridique),
    ...nafFields(r.activite_principale),
    ...headcountFields(r.tranche_effectif_salarie, parseYear(r.annee_tranche_effectif_salarie)),
    ...latestFinances(r.finances),
    category: parseCategory(r.categorie_entreprise),
    categoryYear: parseCategory(r.categorie_entreprise) ? parseYear(r.annee_categorie_entreprise) : null,
    address: withheldToNull(siege.adresse),
    postalCode,
    city: withheldToNull(siege.libelle_commune),
    ...geoFields(departement, foreignCountry ? null : withheldToNull(siege.region)),
    foreignCountry,
    createdOn: parseIsoDate(r.date_creation),
    ceasedOn: parseIsoDate(r.date_fermeture),
    active: r.etat_administratif === "A",
    vatNumber: vatNumberFromSiren(r.siren),
    establishmentCount: r.nombre_etablissements ?? null,
    openEstablishmentCount: r.nombre_etablissements_ouverts ?? null,
    publicBody: !!r.complements?.est_administration || !!r.complements?.est_service_public || isPublicAdministration(r.nature_juridique),
    association: !!r.complements?.est_association || isAssociation(r.nature_juridique),
    diffusible,
  };
}
