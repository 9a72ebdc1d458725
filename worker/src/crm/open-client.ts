import type { Env } from "../env";
import type { CrmClient } from "./client";
import type { CrmConnection } from "./connection-store";
import { HubSpotClient } from "./hubspot-client";
import { PipedriveClient } from "./pipedrive-client";
import { decryptSecret } from "./secrets";

/** Multiplier of every CRM wait; "1" in production, smaller in tests (see worker/vitest.config.ts). */
export function crmBackoffScale(env: Env): number {
  const n = Number(env.CRM_BACKOFF_SCALE ?? "1");
  return Number.isFinite(n) && n >= 0 ? n : 1;
}

/** A client for the connection's CRM, with its token decrypted (or the one given, when testing a new token). */
export async function openClient(env: Env, conn: Pick<CrmConnection, "id" | "crm" | "secret" | "companyDomain">, token?: string): Promise<CrmClient> {
  const secret = token ?? (await decryptSecret(env.SILLAGE_SECRETS_KEY, conn.secret, conn.id));
  const http = { backoffScale: crmBackoffScale(env) };
  if (conn.crm === "hubspot") return new HubSpotClient(secret, { ...http, baseUrl: env.HUBSPOT_API_URL || undefined });
  return new PipedriveClient(secret, conn.companyDomain ?? "", { ...http, baseUrl: env.PIPEDRIVE_API_URL || undefined });
}
