import type { LeadDetail } from "@sillage/shared/api/leads";
import type { LookupKey } from "../messages";

/** What the look-up cache holds per page plan: the outcome without the per-request fields. */
export interface LookupAnswer {
  lead: LeadDetail | null;
  matchedBy: string;
  via: LookupKey | null;
}
