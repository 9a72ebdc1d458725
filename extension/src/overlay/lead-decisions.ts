import type { LeadStatus } from "./types";

export type Decision = "accept" | "reject" | "nurture";

/** What a salesperson may decide from each lifecycle state: an MQL is accepted as SQL, rejected with
 * a reason, or sent back to nurturing; a rejected lead can only go back to nurturing. */
export function availableDecisions(status: LeadStatus): Decision[] {
  switch (status) {
    case "mql":
      return ["accept", "reject", "nurture"];
    case "rejected":
      return ["nurture"];
    default:
      return [];
  }
}
