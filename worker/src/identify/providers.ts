import { createRechercheEntreprisesProvider, RECHERCHE_ENTREPRISES_URL } from "@sillage/shared/providers/recherche-entreprises";
import { createSireneLocalProvider } from "@sillage/shared/providers/sirene-local";
import { createD1SireneUnitStore } from "@sillage/shared/providers/sirene-unit-store";
import { createPappersProvider } from "@sillage/shared/providers/pappers";
import { createTokenBucket, type RateLimiter } from "@sillage/shared/providers/rate-limiter";
import type { FirmographicsProvider, ProviderId } from "@sillage/shared/providers/types";
import type { Env } from "../env";
import { createGlobalRateLimiter, type TenantRateLimiter } from "./provider-rate-limit";

export const DEFAULT_PROVIDER_CHAIN: ProviderId[] = ["sirene-local", "recherche-entreprises"];

// Shared by every workspace: the API's limit is per caller IP, not per customer. Global through the
// PROVIDER_LIMITER Durable Object; this per-isolate bucket stands in when the object is unreachable.
const RECHERCHE_RATE = 7;
const rechercheFallback = createTokenBucket({ ratePerSecond: RECHERCHE_RATE });
let recherche: { namespace: Env["PROVIDER_LIMITER"]; limiter: TenantRateLimiter } | undefined;

/** The workspace's share of the deployment's slots (fair between workspaces), or the shared pool without one. */
function rechercheLimiter(env: Env, workspaceId: string | undefined): RateLimiter {
  // Kept per isolate so the "unavailable" pause and its single log line survive across requests.
  if (!recherche || recherche.namespace !== env.PROVIDER_LIMITER) {
    const limiter = createGlobalRateLimiter({
      provider: "recherche-entreprises",
      namespace: env.PROVIDER_LIMITER,
      ratePerSecond: RECHERCHE_RATE,
      fallback: rechercheFallback,
    });
    recherche = { namespace: env.PROVIDER_LIMITER, limiter };
  }
  return workspaceId ? recherche.limiter.forTenant(workspaceId) : recherche.limiter;
}

/**
 * The providers a workspace asked for, in order; `pappers` only when a key is configured. `workspaceId` is whose
 * share of the rate-limited providers the calls take (omitted only by tools outside any workspace).
 */
export function providerChain(env: Env, chain: readonly string[] | null | undefined, workspaceId?: string): FirmographicsProvider[] {
  const ids = chain?.length ? chain : DEFAULT_PROVIDER_CHAIN;
  const providers: FirmographicsProvider[] = [];
  for (const id of ids) {
    if (id === "sirene-local") providers.push(createSireneLocalProvider({ store: createD1SireneUnitStore(env.DB) }));
    else if (id === "recherche-entreprises")
      providers.push(
        createRechercheEntreprisesProvider({
          baseUrl: env.RECHERCHE_ENTREPRISES_URL || RECHERCHE_ENTREPRISES_URL,
          limiter: rechercheLimiter(env, workspaceId),
          timeoutMs: 8000,
        }),
      );
    else if (id === "pappers" && env.PAPPERS_API_KEY)
      providers.push(createPappersProvider({ apiKey: env.PAPPERS_API_KEY, baseUrl: env.PAPPERS_URL || undefined }));
  }
  return providers;
}

/** The provider chain a workspace chose (its `provider_chain` setting), read from D1. */
export async function workspaceProviders(env: Env, workspaceId: string): Promise<FirmographicsProvider[]> {
  const ws = await env.DB.prepare("SELECT provider_chain AS chain FROM workspaces WHERE id = ?").bind(workspaceId).first<{ chain: string | null }>();
  return providerChain(env, ws?.chain ? (JSON.parse(ws.chain) as string[]) : null, workspaceId);
}
