/** The salesperson's decisions on a lead (`POST /api/v1/leads/{id}/transitions`). Its own module, free of zod,
 * so the extension's message checks import the one list without bundling the API schemas. */
export const LEAD_ACTIONS = ["accept", "reject", "nurture"] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];
