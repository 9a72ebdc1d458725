import { z } from "zod";
import { compactIdentifier, isValidSiren } from "../firmographics/siren";
import { OPERATOR_KINDS } from "./lead-actions";

/**
 * Correcting an identification: "this network belongs to that company" or "this network is an operator, not a
 * company". One body for the lead correction (`POST /leads/{id}/correction`, the extension's "wrong company?") and
 * the review queue (`POST /networks/review/{asn}`); both write the workspace's override and re-attribute past hits.
 */

export { OPERATOR_KINDS };

export const networkCorrectionBodySchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("company"),
    /** 9 digits (spaces allowed), Luhn-checked with La Poste's exception. */
    siren: z
      .string()
      .max(20)
      .refine((s) => isValidSiren(compactIdentifier(s)), "not a valid SIREN (9 digits, Luhn check)"),
  }),
  z.object({ action: z.literal("operator"), kind: z.enum(OPERATOR_KINDS) }),
]);
export type NetworkCorrectionBody = z.infer<typeof networkCorrectionBodySchema>;

export const leadCorrectionResultSchema = z.object({
  /** The lead the re-attributed hits now belong to; null when they are anonymous again. */
  leadId: z.string().nullable(),
  reattributedHits: z.number().int().min(0),
});
export type LeadCorrectionResult = z.infer<typeof leadCorrectionResultSchema>;

export const networkReviewQuerySchema = z.object({
  /** Networks with fewer visits (hits) are left out. */
  minVisits: z.coerce.number().int().min(1).max(1_000_000).default(2),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const networkReviewItemSchema = z.object({
  asn: z.number().int(),
  organization: z.string().nullable(),
  visits: z.number().int(),
  visitors: z.number().int(),
  lastSeenAt: z.string(),
  /** What was gathered: the kind's reason, and the register's answer for the organisation when asked. */
  evidence: z.object({
    kindReason: z.string().nullable(),
    registry: z.object({ siren: z.string().nullable(), confidence: z.number(), reason: z.string(), provider: z.string() }).nullable(),
  }),
});
export const networkReviewListSchema = z.object({ items: z.array(networkReviewItemSchema) });
export type NetworkReviewList = z.infer<typeof networkReviewListSchema>;

export const networkReviewResultSchema = leadCorrectionResultSchema.extend({ asn: z.number().int() });
export type NetworkReviewResult = z.infer<typeof networkReviewResultSchema>;
