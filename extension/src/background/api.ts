import { createSillageClient, SillageApiError } from "@sillage/shared/api-client";
import type { LeadsApi } from "./api-port";
import type { Settings } from "./settings";

/** The API client for the saved settings: the shared typed client (shared/src/api-client.ts). */
export function createApi(settings: Settings): LeadsApi {
  const client = createSillageClient({ baseUrl: settings.apiBaseUrl, apiKey: settings.apiKey }) as ReturnType<typeof createSillageClient> &
    Partial<Pick<LeadsApi, "correctLeadIdentity">>;
  return {
    me: () => client.me(),
    lookupLead: (q) => client.lookupLead(q),
    getLead: (id) => client.getLead(id),
    listLeads: (p) => client.listLeads(p),
    transitionLead: (id, body) => client.transitionLead(id, body),
    linkLead: (id, body) => client.linkLead(id, body),
    addNote: (id, body) => client.addNote(id, body),
    // The correction endpoint's client method comes with the API change that adds it; until a client has it,
    // the panel says the action is not available rather than failing obscurely.
    correctLeadIdentity: (id, body) =>
      client.correctLeadIdentity
        ? client.correctLeadIdentity(id, body)
        : Promise.reject(new SillageApiError(501, "not_implemented", "this Sillage API does not take corrections yet", "")),
  };
}
