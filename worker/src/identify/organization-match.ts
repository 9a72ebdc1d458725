import { matchOrganisation } from "@sillage/shared/company-match/match-organisation";
import { normalizeCompanyName } from "@sillage/shared/company-match/normalize-name";
import type { MatchContext } from "@sillage/shared/company-match/score-candidates";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import { ProviderError, type FirmographicsProvider } from "@sillage/shared/providers/types";
import { loadCompany, saveCompany } from "./company-store";
import { singleFlight } from "./single-flight";

/** One organisation costs one provider call per TTL. A "no match" is remembered for less long. */
export const MATCH_TTL_MS = 30 * 86_400_000;
export const NO_MATCH_TTL_MS = 7 * 86_400_000;

export interface CompanyMatch {
  siren: string | null;
  confidence: number;
  /** Why this company, or why none ("ambiguous: 14 namesakes", "no candidate"…). */
  reason: string;
  provider: string;
  company: Firmographics | null;
  cached: boolean;
}

/**
 * Keyed by what decides the answer: the context, the provider chain (one workspace's Pappers must not answer for
 * another's chain) and the normalised name.
 */
export function cacheKey(organization: string, context: MatchContext, providers: readonly Pick<FirmographicsProvider, "id">[]): string {
  const chain = providers.map((p) => p.id).join(">") || "none";
  return `${context}:${chain}:${normalizeCompanyName(organization).full || organization.toLowerCase()}`;
}

/**
 * Organisation name → legal entity through the workspace's provider chain, cached in D1. Providers are tried in
 * order until one matches; a retryable provider failure (rate limit, timeout, outage) is thrown when no later
 * provider matched, so the caller's queue tries again later instead of caching a wrong "no match".
 */
export async function matchOrganizationCached(
  db: D1Database,
  providers: readonly FirmographicsProvider[],
  organization: string,
  context: MatchContext,
  now: number,
): Promise<CompanyMatch> {
  const key = cacheKey(organization, context, providers);
  // Concurrent look-ups of one uncached name (a burst of identify calls while enrichment runs) make one provider
  // call, not one each: the budget is not spent N times, and no caller is refused for the others' sake.
  return sameQuestion(key, () => lookUp(db, providers, organization, context, now, key));
}

const sameQuestion = singleFlight<CompanyMatch>(15_000);

async function lookUp(
  db: D1Database,
  providers: readonly FirmographicsProvider[],
  organization: string,
  context: MatchContext,
  now: number,
  key: string,
): Promise<CompanyMatch> {
  const cached = await db
    .prepare("SELECT siren, confidence, reason, provider FROM organization_matches WHERE key = ? AND expires_at > ?")
    .bind(key, now)
    .first<{ siren: string | null; confidence: number; reason: string; provider: string }>();
  if (cached) {
    const company = cached.siren ? ((await loadCompany(db, cached.siren))?.company ?? null) : null;
    return { ...cached, company, cached: true };
  }

  let best: CompanyMatch | null = null;
  let failure: ProviderError | null = null;
  for (const provider of providers) {
    try {
      const m = await matchOrganisation(provider, { name: organization, context });
      if (m.status === "matched") {
        best = { siren: m.siren, confidence: m.confidence, reason: m.explanation, provider: provider.id, company: m.company, cached: false };
        break;
      }
      if (!best || m.confidence > best.confidence)
        best = { siren: null, confidence: m.confidence, reason: `${m.reason}: ${m.explanation}`, provider: provider.id, company: null, cached: false };
    } catch (err) {
      if (err instanceof ProviderError && err.retryable) failure = err;
      else if (!(err instanceof ProviderError)) throw err;
      else best ??= { siren: null, confidence: 0, reason: `${provider.id}: ${err.code}`, provider: provider.id, company: null, cached: false };
    }
  }
  if (failure && !best?.siren) throw failure;
  const result = best ?? { siren: null, confidence: 0, reason: "no firmographics provider configured", provider: "none", company: null, cached: false };

  if (result.company) await saveCompany(db, result.company, now);
  await db
    .prepare(
      `INSERT INTO organization_matches (key, organization, siren, confidence, reason, provider, fetched_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET siren = excluded.siren, confidence = excluded.confidence, reason = excluded.reason,
         provider = excluded.provider, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
    )
    .bind(key, organization, result.siren, result.confidence, result.reason, result.provider, now, now + (result.siren ? MATCH_TTL_MS : NO_MATCH_TTL_MS))
    .run();
  return result;
}

/** SIREN → firmographics, from the companies table while fresh, else from the first provider that knows it. */
export async function companyBySiren(
  db: D1Database,
  providers: readonly FirmographicsProvider[],
  siren: string,
  now: number,
  ttlMs: number,
): Promise<Firmographics | null> {
  const stored = await loadCompany(db, siren);
  if (stored && now - stored.fetchedAt < ttlMs) return stored.company;
  let failure: ProviderError | null = null;
  for (const provider of providers) {
    try {
      const company = await provider.bySiren(siren);
      if (company) {
        await saveCompany(db, company, now);
        return company;
      }
    } catch (err) {
      if (err instanceof ProviderError && err.retryable) failure = err;
      else if (!(err instanceof ProviderError)) throw err;
    }
  }
  if (stored) return stored.company; // stale beats nothing
  if (failure) throw failure;
  return null;
}
