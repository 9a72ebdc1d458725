import type { CollectEnvelope } from "./ingest/envelope";

/** Bindings and variables of the worker (see wrangler.toml). */
export interface Env {
  DB: D1Database;
  HITS: Queue<CollectEnvelope>;
  ASSETS?: Fetcher;
  /** "1" only locally: X-Sillage-Client-IP stands for the visitor's IP. */
  SILLAGE_TRUST_CLIENT_IP?: string;
  /** Base URL of the API Recherche d'entreprises (a local fake in tests). */
  RECHERCHE_ENTREPRISES_URL?: string;
}
