import type { CollectEnvelope } from "./ingest/envelope";
import type { EnrichMessage } from "./enrich/message";
import type { WebhookMessage } from "./webhooks/message";
import type { ProviderRateLimiter } from "./identify/provider-rate-limit-do";
import type { CrmMessage } from "./crm/message";

/** Bindings and variables of the worker (see wrangler.toml). */
export interface Env {
  DB: D1Database;
  HITS: Queue<CollectEnvelope>;
  ENRICH: Queue<EnrichMessage>;
  WEBHOOKS: Queue<WebhookMessage>;
  /** Lead syncs to HubSpot / Pipedrive (crm/). */
  CRM: Queue<CrmMessage>;
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
  /** AES-GCM key (base64 of 32 bytes) encrypting CRM tokens at rest: `wrangler secret put SILLAGE_SECRETS_KEY`. */
  SILLAGE_SECRETS_KEY?: string;
  /** CRM API base URLs (local fakes in tests); default https://api.hubapi.com and https://<company>.pipedrive.com/api. */
  HUBSPOT_API_URL?: string;
  PIPEDRIVE_API_URL?: string;
  /** Multiplies CRM retry waits ("1" by default; tests shorten them). */
  CRM_BACKOFF_SCALE?: string;
}
