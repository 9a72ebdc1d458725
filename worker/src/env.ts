import type { CollectEnvelope } from "./ingest/envelope";
import type { EnrichMessage } from "./enrich/message";
import type { WebhookMessage } from "./webhooks/message";
import type { ProviderRateLimiter } from "./identify/provider-rate-limit-do";

/** Bindings and variables of the worker (see wrangler.toml). */
export interface Env {
  DB: D1Database;
  HITS: Queue<CollectEnvelope>;
  ENRICH: Queue<EnrichMessage>;
  WEBHOOKS: Queue<WebhookMessage>;
  ASSETS?: Fetcher;
  /** Global request slots per provider (identify/provider-rate-limit-do.ts); without it, a per-isolate limit. */
  PROVIDER_LIMITER?: DurableObjectNamespace<ProviderRateLimiter>;
  /** "1" only locally: X-Sillage-Client-IP stands for the visitor's IP. */
  SILLAGE_TRUST_CLIENT_IP?: string;
  /** Base URL of the API Recherche d'entreprises (a local fake in tests). */
  RECHERCHE_ENTREPRISES_URL?: string;
  /** Optional paid provider. */
  PAPPERS_API_KEY?: string;
  PAPPERS_URL?: string;
}
