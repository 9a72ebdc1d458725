import type { LeadLookupQuery } from "@sillage/shared/api/leads";
import type { LookupKey } from "../messages";
import type { LeadsApi } from "./api-port";
import type { LookupAnswer } from "./lookup-answer";

/**
 * Asks the API with every key of the plan at once and answers with the most specific key that found a lead
 * (the plan's order: LinkedIn link, SIREN, domain, name). All at once because a miss on the first key is the
 * usual case (a page nobody linked yet): in turn, a cold look-up cost one API round trip per key. The cost is
 * a few more (cheap, read-only) requests for keys after the one that matched. A key the API refuses as
 * malformed (400/422) is skipped rather than failing the page: the next key may still find the lead. Any other
 * error on a key tried before a match ends the look-up.
 */
export async function runPlan(api: LeadsApi, plan: readonly LookupKey[]): Promise<LookupAnswer> {
  const asked = plan.map((key) => api.lookupLead({ [key.by]: key.value } as LeadLookupQuery));
  // The ones not awaited below (after a match) must not surface as unhandled rejections.
  for (const answer of asked) answer.catch(() => {});
  let matchedBy = "nothing";
  for (const [i, key] of plan.entries()) {
    let result;
    try {
      result = await asked[i]!;
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
