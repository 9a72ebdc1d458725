/** What a salesperson does with a lead, as lists free of zod: the extension's message checks and forms import
 * them without bundling the API schemas. */

/** Decisions (`POST /api/v1/leads/{id}/transitions`). */
export const LEAD_ACTIONS = ["accept", "reject", "nurture"] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

/** Kinds a network may be marked as when it is not a company (`POST /api/v1/leads/{id}/correction`): none of
 * them names the visitor. */
export const OPERATOR_KINDS = ["isp", "mobile", "hosting", "vpn"] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];
