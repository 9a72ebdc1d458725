import { createSillageClient } from "@sillage/shared/api-client";
import type { LeadsApi } from "./api-port";
import type { Settings } from "./settings";

/** The API client for the saved settings: the shared typed client (shared/src/api-client.ts). */
export function createApi(settings: Settings): LeadsApi {
  return createSillageClient({ baseUrl: settings.apiBaseUrl, apiKey: settings.apiKey });
}
