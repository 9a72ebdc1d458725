import type { LeadLookupQuery } from "@sillage/shared/api/leads";
import type { LookupKey } from "../messages";
import type { LeadsApi } from "./api-port";
import type { LookupAnswer } from "./lookup-answer";

/**
 * Asks the API with each key of the plan in turn (most specific first: LinkedIn link, SIREN, domain, name)
 * and stops at the first lead found. A key the API refuses as malformed (400/422) is skipped rather than
 * failing the page: the next key may still find the lead. Any other error ends the look-up.
 */
export async function runPlan(api: LeadsApi, plan: readonly LookupKey[]): Promise<LookupAnswer> {
  let matchedBy = "nothing";
  for (const key of plan) {
    let result;
    try {
      result = await api.lookupLead({ [key.by]: key.value } as LeadLookupQuery);
    } catch (err) {
      const status = (err as { status?: unknown } | null)?.status;
      if (status === 400 || status === 422) continue;
      throw err;
    }
    matchedBy = result.matchedBy;
    if (result.lead) return { lead: result.lead, matchedBy, via: key };
  }
  return { lead: null, matchedBy, via: null };
}
