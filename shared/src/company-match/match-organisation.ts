import { parseCompanyIdentifier } from "../firmographics/siren";
import type { FirmographicsProvider, ProviderId } from "../providers/types";
import { normalizeCompanyName } from "./normalize-name";
import { scoreCandidates, type MatchContext, type MatchDecision, type MatchHints } from "./score-candidates";

/**
 * Organisation name → French legal unit, through one provider: an explicit SIREN first, then a name
 * search scored by scoreCandidates. At most two searches: the name without legal forms, then — only if
 * nothing matched by name — without generic words ("Groupe", "France"…).
 * Provider errors (rate_limited, timeout, unavailable…) propagate so the caller's queue can retry.
 */

export interface MatchRequest {
  name: string;
  context?: MatchContext;
  hints?: MatchHints;
}

export interface MatchOrganisationOptions {
  /** Results to score per search; more results see more namesakes. Default 25 (the API's maximum). */
  perPage?: number;
  threshold?: number;
  signal?: AbortSignal;
}

export type OrganisationMatch = MatchDecision & {
  provider: ProviderId;
  /** What was sent to the provider, in order ("siren:…" for a direct look-up). */
  queries: string[];
};

export async function matchOrganisation(
  provider: FirmographicsProvider,
  request: MatchRequest,
  options: MatchOrganisationOptions = {},
): Promise<OrganisationMatch> {
  const queries: string[] = [];
  const scoreOptions = { context: request.context, hints: request.hints, threshold: options.threshold };

  const id = request.hints?.siren ? parseCompanyIdentifier(request.hints.siren) : null;
  if (id) {
    queries.push(`siren:${id.siren}`);
    const company = await provider.bySiren(id.siren, { signal: options.signal });
    if (company) return { ...scoreCandidates(request.name, [company], scoreOptions), provider: provider.id, queries };
  }

  const name = normalizeCompanyName(request.name);
  if (!name.full) return { ...scoreCandidates(request.name, [], scoreOptions), provider: provider.id, queries };

  let decision: MatchDecision | null = null;
  for (const q of name.core !== name.full ? [name.full, name.core] : [name.full]) {
    queries.push(q);
    const result = await provider.search({ q, perPage: options.perPage ?? 25, signal: options.signal });
    decision = scoreCandidates(request.name, result.candidates, { ...scoreOptions, totalResults: result.totalResults });
    if (decision.reason !== "no_candidates" && decision.reason !== "no_name_match") break;
  }
  return { ...decision!, provider: provider.id, queries };
}
