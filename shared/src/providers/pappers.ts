import { z } from "zod";
import { cleanAliases, geoFields, headcountFields, legalFormFields, nafFields, parseIsoDate, parseYear } from "../firmographics/derive";
import { departementFromPostalCode } from "../firmographics/geo";
import { isAssociation, isPublicAdministration } from "../firmographics/legal-form";
import type { Firmographics } from "../firmographics/record";
import { compactIdentifier, isValidSiren, isValidSiret } from "../firmographics/siren";
import { vatNumberFromSiren } from "../firmographics/vat";
import { getJson, type HttpPolicy } from "./http-json";
import { createTokenBucket, type RateLimiter } from "./rate-limiter";
import { ProviderError, type FirmographicsProvider, type SearchQuery, type SearchResult } from "./types";

/**
 * Pappers (paid, API key) — v2 endpoints `GET /entreprise?siren=` (404 when unknown) and
 * `GET /recherche?q=&par_page=&page=` → `{ resultats, total, page }`. Field names follow Pappers' published
 * OpenAPI description (EntrepriseFiche / EntrepriseRecherche); not verified against a live account, since
 * tests never call the network. The key goes in the `api-key` header so it never lands in URLs or logs.
 */

export const PAPPERS_URL = "https://api.pappers.fr/v2";

export interface PappersOptions {
  apiKey: string;
  baseUrl?: string;
  /** Pappers does not publish a per-second limit; stay gentle by default. */
  ratePerSecond?: number;
  limiter?: RateLimiter;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryWaitMs?: number;
  userAgent?: string;
  fetch?: typeof fetch;
}

const str = z.string().nullish();
const int = z.number().nullish();

const pappersSiegeSchema = z.looseObject({
  siret: str,
  adresse_ligne_1: str,
  adresse_ligne_2: str,
  code_postal: str,
  ville: str,
  pays: str,
  code_pays: str,
  enseigne: str,
  nom_commercial: str,
});

export const pappersCompanySchema = z.looseObject({
  siren: z.string(),
  nom_entreprise: str,
  denomination: str,
  nom: str,
  prenom: str,
  sigle: str,
  personne_morale: z.boolean().nullish(),
  categorie_juridique: str,
  code_naf: str,
  tranche_effectif: str,
  annee_effectif: z.union([z.number(), z.string()]).nullish(),
  date_creation: str,
  entreprise_cessee: z.boolean().nullish(),
  date_cessation: str,
  diffusable: z.boolean().nullish(),
  siege: pappersSiegeSchema.nullish(),
  // fiche: yearly finances; recherche: the latest year flattened
  finances: z.array(z.looseObject({ annee: z.union([z.number(), z.string()]).nullish(), chiffre_affaires: int, resultat: int })).nullish(),
  chiffre_affaires: int,
  resultat: int,
  annee_finances: z.union([z.number(), z.string()]).nullish(),
  etablissements: z.array(z.looseObject({ etablissement_cesse: z.boolean().nullish() })).nullish(),
});

const pappersSearchSchema = z.looseObject({
  resultats: z.array(z.unknown()),
  total: z.number().int().min(0).nullish(),
  page: z.number().int().nullish(),
});

function pappersFinances(c: z.infer<typeof pappersCompanySchema>) {
  const yearly = (c.finances ?? [])
    .map((f) => ({ year: parseYear(f.annee ?? null), revenue: f.chiffre_affaires ?? null, netIncome: f.resultat ?? null }))
    .filter((f) => f.year !== null)
    .sort((a, b) => b.year! - a.year!);
  if (yearly[0]) return { revenue: yearly[0].revenue, netIncome: yearly[0].netIncome, financesYear: yearly[0].year };
  const year = parseYear(c.annee_finances ?? null);
  if (year !== null && (c.chiffre_affaires != null || c.resultat != null)) {
    return { revenue: c.chiffre_affaires ?? null, netIncome: c.resultat ?? null, financesYear: year };
  }
  return { revenue: null, netIncome: null, financesYear: null };
}

/** Maps a Pappers company (fiche or search result). Null when it is not a usable unit. */
export function firmographicsFromPappers(input: unknown): Firmographics | null {
  const parsed = pappersCompanySchema.safeParse(input);
  if (!parsed.success || !isValidSiren(parsed.data.siren)) return null;
  const c = parsed.data;
  const siege = c.siege ?? {};
  const person = c.personne_morale === false ? [c.prenom, c.nom].filter(Boolean).join(" ") : "";
  const name = c.denomination?.trim() || person || c.nom_entreprise?.trim() || null;
  const foreign = siege.code_pays && siege.code_pays !== "FR" ? (siege.pays ?? siege.code_pays) : null;
  const postalCode = foreign ? null : (siege.code_postal ?? null);
  const establishments = c.etablissements ?? null;
  const address = [siege.adresse_ligne_1, siege.adresse_ligne_2, [siege.code_postal, siege.ville].filter(Boolean).join(" ")]
    .filter((p) => p && p.trim())
    .join(" ");

  return {
    source: "pappers",
    siren: c.siren,
    headOfficeSiret: siege.siret && isValidSiret(siege.siret) ? siege.siret : null,
    name,
    aliases: cleanAliases(name, [c.sigle, siege.nom_commercial, siege.enseigne]),
    ...legalFormFields(c.categorie_juridique),
    ...nafFields(c.code_naf),
    ...headcountFields(c.tranche_effectif, parseYear(c.annee_effectif ?? null)),
    ...pappersFinances(c),
    category: null, // not in Pappers' documented fields
    categoryYear: null,
    address: address || null,
    postalCode,
    city: foreign ? null : (siege.ville ?? null),
    ...geoFields(departementFromPostalCode(postalCode)),
    foreignCountry: foreign,
    createdOn: parseIsoDate(c.date_creation),
    ceasedOn: c.entreprise_cessee ? parseIsoDate(c.date_cessation) : null,
    active: c.entreprise_cessee !== true,
    vatNumber: vatNumberFromSiren(c.siren),
    establishmentCount: establishments ? establishments.length : null,
    openEstablishmentCount: establishments ? establishments.filter((e) => !e.etablissement_cesse).length : null,
    publicBody: isPublicAdministration(c.categorie_juridique),
    association: isAssociation(c.categorie_juridique),
    diffusible: c.diffusable !== false,
  };
}

export function createPappersProvider(options: PappersOptions): FirmographicsProvider {
  if (!options.apiKey) throw new ProviderError("unauthorized", "pappers", "a Pappers API key is required");
  const baseUrl = (options.baseUrl ?? PAPPERS_URL).replace(/\/+$/, "");
  const policy: HttpPolicy = {
    provider: "pappers",
    limiter: options.limiter ?? createTokenBucket({ ratePerSecond: options.ratePerSecond ?? 5 }),
    timeoutMs: options.timeoutMs ?? 8000,
    maxRetries: options.maxRetries ?? 2,
    maxRetryWaitMs: options.maxRetryWaitMs ?? 5000,
    fetch: options.fetch,
  };
  const headers: Record<string, string> = { accept: "application/json", "api-key": options.apiKey };
  if (options.userAgent) headers["user-agent"] = options.userAgent;

  async function fiche(param: "siren" | "siret", value: string, signal?: AbortSignal): Promise<Firmographics | null> {
    const { status, body } = await getJson(`${baseUrl}/entreprise?${new URLSearchParams({ [param]: value })}`, headers, policy, signal);
    if (status === 404) return null;
    const company = firmographicsFromPappers(body);
    if (!company) throw new ProviderError("invalid_response", "pappers", "unexpected company shape");
    return company.siren === value.slice(0, 9) ? company : null;
  }

  return {
    id: "pappers",
    async bySiren(siren, opts) {
      const compact = compactIdentifier(siren.trim());
      if (!isValidSiren(compact)) return null;
      return fiche("siren", compact, opts?.signal);
    },
    async search(query: SearchQuery): Promise<SearchResult> {
      const compact = compactIdentifier(query.q.trim());
      if (/^\d{9}$/.test(compact) || /^\d{14}$/.test(compact)) {
        const valid = compact.length === 9 ? isValidSiren(compact) : isValidSiret(compact);
        const found = valid ? await fiche(compact.length === 9 ? "siren" : "siret", compact, query.signal) : null;
        return { candidates: found ? [found] : [], totalResults: found ? 1 : 0, page: 1, perPage: 1 };
      }
      const perPage = Math.min(100, Math.max(1, Math.floor(query.perPage ?? 10)));
      const page = Math.max(1, Math.floor(query.page ?? 1));
      const params = new URLSearchParams({ q: query.q.trim(), par_page: String(perPage), page: String(page) });
      if (query.filters?.departement) params.set("departement", query.filters.departement);
      if (query.filters?.postalCode) params.set("code_postal", query.filters.postalCode);
      if (query.filters?.state) params.set("entreprise_cessee", query.filters.state === "C" ? "true" : "false");
      const { body } = await getJson(`${baseUrl}/recherche?${params}`, headers, policy, query.signal);
      const parsed = pappersSearchSchema.safeParse(body);
      if (!parsed.success) throw new ProviderError("invalid_response", "pappers", "unexpected search answer");
      const candidates = parsed.data.resultats.map(firmographicsFromPappers).filter((c): c is Firmographics => c !== null);
      return { candidates, totalResults: parsed.data.total ?? candidates.length, page: parsed.data.page ?? page, perPage };
    },
  };
}
