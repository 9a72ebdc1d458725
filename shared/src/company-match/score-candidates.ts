import { representativeHeadcount } from "../firmographics/headcount";
import { isCivilCompany, isSoleTrader } from "../firmographics/legal-form";
import type { Firmographics } from "../firmographics/record";
import { isValidSiren, parseCompanyIdentifier } from "../firmographics/siren";
import { normalizedNameSimilarity } from "./name-similarity";
import { normalizeCompanyName } from "./normalize-name";

/**
 * Picks the legal unit behind an organisation name among a provider's candidates, or abstains.
 *
 * Each candidate gets a weight = name fit × size prior × status × legal form × location. Confidence is the
 * candidate's share of all the weight, including two "someone else" masses: `noneWeight` (the organisation
 * is none of these units — foreign, unregistered, a brand) and the namesakes the provider did not return
 * (totalResults beyond the page). Homonyms thus dilute each other, and a big company among small
 * namesakes stands out, which is how real searches look.
 *
 * Why a size prior: a network registered to "DANONE" is far more likely to be the 1,000+ employee SA than
 * one of the property-holding SCIs of the same name; we weigh by √employees so that size helps a lot but
 * two sizeable namesakes still come out as ambiguous.
 */

export type MatchContext = "network" | "email-domain" | "declared";

export interface MatchHints {
  /** A SIREN or SIRET known from elsewhere (CRM, form, whois). */
  siren?: string;
  departement?: string;
  postalCode?: string;
}

export interface ScoreOptions {
  /** Where the name comes from; sets how much weight "none of these" gets. Default "network". */
  context?: MatchContext;
  hints?: MatchHints;
  /** Results the provider reported in total (≥ candidates.length when it paginated). */
  totalResults?: number;
  /** Minimum confidence to name a SIREN. Default MATCH_THRESHOLD. */
  threshold?: number;
}

/** A wrong company is worse than none: we name a SIREN only when it holds 3/4 of the plausible weight. */
export const MATCH_THRESHOLD = 0.75;

/** Names below this similarity are different companies, whatever their size. */
export const MIN_NAME_SIMILARITY = 0.8;

/**
 * Weight of "the organisation is none of these candidates", in √employee units. Network owners are
 * usually sizeable and often foreign, so a small lone namesake is not enough; a company e-mail domain is a
 * stronger link to a registered name.
 */
export const NONE_WEIGHT: Record<MatchContext, number> = { network: 3, "email-domain": 1.5, declared: 2 };

/** Each unseen result is assumed to be a tiny namesake (the API ranks sizeable companies first). */
const UNSEEN_RESULT_WEIGHT = 0.1;
const MAX_UNSEEN_COUNTED = 100;

const STATUS_FACTOR = { active: 1, ceased: 0.02 };
/** Sole traders and civil companies (mostly SCIs) rarely own a network or a company domain. */
const FORM_FACTOR = { soleTrader: 0.2, civilCompany: 0.3, other: 1 };
/** Employees assumed for category floors: GE/ETI status says more than a head office's bracket. */
const CATEGORY_FLOOR = { GE: 5000, ETI: 250, PME: 0 };
const NON_EMPLOYER_SIZE = 0.25;
const ALIAS_PENALTY = 0.03;

export interface ScoredCandidate {
  siren: string;
  name: string | null;
  /** Which of the candidate's names matched best. */
  matchedName: string | null;
  similarity: number;
  eligible: boolean;
  factors: { nameFit: number; size: number; status: number; form: number; location: number };
  weight: number;
  confidence: number;
  company: Firmographics;
}

export type NoMatchReason = "empty_name" | "no_candidates" | "no_name_match" | "ambiguous" | "low_confidence";

export type MatchDecision =
  | {
      status: "matched";
      siren: string;
      confidence: number;
      reason: "exact_siren" | "name";
      explanation: string;
      company: Firmographics;
      candidates: ScoredCandidate[];
    }
  | {
      status: "no_match";
      siren: null;
      /** Confidence of the best candidate, for diagnostics (0 when there is none). */
      confidence: number;
      reason: NoMatchReason;
      explanation: string;
      candidates: ScoredCandidate[];
    };

/** Squared ramp from the similarity bar to 1: an exact name counts 1, a core-only match (0.9) 0.25. */
export function nameFit(similarity: number): number {
  if (similarity < MIN_NAME_SIMILARITY) return 0;
  const x = (similarity - MIN_NAME_SIMILARITY) / (1 - MIN_NAME_SIMILARITY);
  return x * x;
}

export function sizeWeight(c: Pick<Firmographics, "headcountCode" | "category">): number {
  const employees = representativeHeadcount(c.headcountCode) ?? 0;
  const floor = c.category ? CATEGORY_FLOOR[c.category] : 0;
  return Math.sqrt(Math.max(employees, floor, NON_EMPLOYER_SIZE));
}

function bestName(query: ReturnType<typeof normalizeCompanyName>, c: Firmographics) {
  let best = { similarity: 0, matchedName: null as string | null };
  const names = [...(c.name ? [{ text: c.name, penalty: 0 }] : []), ...c.aliases.map((a) => ({ text: a, penalty: ALIAS_PENALTY }))];
  for (const { text, penalty } of names) {
    const s = Math.max(0, normalizedNameSimilarity(query, normalizeCompanyName(text)) - penalty);
    if (s > best.similarity) best = { similarity: s, matchedName: text };
  }
  return best;
}

/** How closely an organisation name matches a company's legal name or aliases (0–1), as the matcher scores it. */
export function companyNameSimilarity(orgName: string, company: Firmographics): number {
  return bestName(normalizeCompanyName(orgName), company).similarity;
}

function locationFactor(c: Firmographics, hints: MatchHints | undefined): number {
  if (hints?.postalCode && c.postalCode === hints.postalCode) return 3;
  if (hints?.departement && c.departementCode === hints.departement.toUpperCase()) return 2;
  return 1;
}

function hintedSiren(name: string, hints: MatchHints | undefined): string | null {
  const fromHint = hints?.siren ? parseCompanyIdentifier(hints.siren) : null;
  if (fromHint) return fromHint.siren;
  // Registrations sometimes carry the identifier in the name ("ACME SAS - SIREN 552 032 534").
  for (const m of name.matchAll(/\d[\d .]{7,17}\d/g)) {
    const id = parseCompanyIdentifier(m[0]);
    if (id) return id.siren;
  }
  return null;
}

function fmt(x: number): string {
  return x.toFixed(2);
}

export function scoreCandidates(orgName: string, candidates: readonly Firmographics[], options: ScoreOptions = {}): MatchDecision {
  const context = options.context ?? "network";
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const query = normalizeCompanyName(orgName);

  // One entry per SIREN: providers may repeat a unit across pages or sources.
  const unique = [...new Map(candidates.map((c) => [c.siren, c])).values()];

  const siren = hintedSiren(orgName, options.hints);
  if (siren && isValidSiren(siren)) {
    const exact = unique.find((c) => c.siren === siren);
    if (exact) {
      const scored = unique.map((c) => scoreOne(query, c, options.hints));
      return {
        status: "matched",
        siren,
        confidence: 1,
        reason: "exact_siren",
        explanation: `SIREN ${siren} given explicitly and returned by the provider`,
        company: exact,
        candidates: scored.map((s) => ({ ...s, confidence: s.siren === siren ? 1 : 0 })),
      };
    }
  }

  if (!query.full) {
    return noMatch("empty_name", 0, "the name is empty once legal forms and punctuation are removed", []);
  }
  if (unique.length === 0) {
    return noMatch("no_candidates", 0, `the provider returned no company for "${query.full}"`, []);
  }

  const scored = unique.map((c) => scoreOne(query, c, options.hints));
  const eligible = scored.filter((s) => s.eligible);
  const unseen = Math.max(0, (options.totalResults ?? unique.length) - unique.length);
  // Unseen results are assumed to match the name about as well as the page did on average.
  const meanNameFit = scored.reduce((t, s) => t + s.factors.nameFit, 0) / unique.length;
  const unseenMass = Math.min(unseen, MAX_UNSEEN_COUNTED) * meanNameFit * UNSEEN_RESULT_WEIGHT;
  const total = scored.reduce((t, s) => t + s.weight, 0) + NONE_WEIGHT[context] + unseenMass;
  for (const s of scored) s.confidence = s.weight / total;
  scored.sort((a, b) => b.confidence - a.confidence || b.similarity - a.similarity);

  if (eligible.length === 0) {
    const closest = [...scored].sort((a, b) => b.similarity - a.similarity)[0]!;
    return noMatch(
      "no_name_match",
      0,
      `no candidate's name is close enough to "${query.full}" (closest: ${closest.name ?? closest.siren} at ${fmt(closest.similarity)})`,
      scored,
    );
  }

  const best = scored[0]!;
  if (best.confidence >= threshold) {
    return {
      status: "matched",
      siren: best.siren,
      confidence: best.confidence,
      reason: "name",
      explanation:
        `"${best.matchedName}" matches at ${fmt(best.similarity)}; it holds ${fmt(best.confidence)} of the weight ` +
        `against ${eligible.length - 1} other namesake(s) and ${unseen} unseen result(s)`,
      company: best.company,
      candidates: scored,
    };
  }

  const namesakes = eligible.length >= 2 || unseenMass >= best.weight;
  const ceasedNote = best.factors.status < 1 ? " (it has ceased trading)" : "";
  return noMatch(
    namesakes ? "ambiguous" : "low_confidence",
    best.confidence,
    namesakes
      ? `${eligible.length} namesake(s) and ${unseen} unseen result(s) for "${query.full}": the best, ${best.name ?? best.siren}, holds only ${fmt(best.confidence)} of the weight`
      : `only ${best.name ?? best.siren} matches, with confidence ${fmt(best.confidence)} below ${fmt(threshold)}${ceasedNote}`,
    scored,
  );
}

function scoreOne(query: ReturnType<typeof normalizeCompanyName>, c: Firmographics, hints: MatchHints | undefined): ScoredCandidate {
  const { similarity, matchedName } = bestName(query, c);
  const factors = {
    nameFit: nameFit(similarity),
    size: sizeWeight(c),
    status: c.active ? STATUS_FACTOR.active : STATUS_FACTOR.ceased,
    form: isSoleTrader(c.legalFormCode) ? FORM_FACTOR.soleTrader : isCivilCompany(c.legalFormCode) ? FORM_FACTOR.civilCompany : FORM_FACTOR.other,
    location: locationFactor(c, hints),
  };
  const weight = factors.nameFit * factors.size * factors.status * factors.form * factors.location;
  return {
    siren: c.siren,
    name: c.name,
    matchedName,
    similarity,
    eligible: factors.nameFit > 0,
    factors,
    weight,
    confidence: 0,
    company: c,
  };
}

function noMatch(reason: NoMatchReason, confidence: number, explanation: string, candidates: ScoredCandidate[]): MatchDecision {
  return { status: "no_match", siren: null, confidence, reason, explanation, candidates };
}
