import { z } from "zod";

/** Codes are stable (stored in history, counted in KPIs); labels are what salespeople pick from. */
export const rejectionReasonSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "expected lower-case letters, digits or _"),
  label: z.string().min(1).max(80),
  /** The lead goes back to nurturing and may qualify again; false for leads that will never fit. */
  nurture: z.boolean().default(true),
  /** A free-text note is required with this reason ("autre"). */
  requiresNote: z.boolean().default(false),
});
export type RejectionReason = z.output<typeof rejectionReasonSchema>;

export const rejectionReasonsSchema = z
  .array(rejectionReasonSchema)
  .min(1)
  .max(30)
  .superRefine((reasons, ctx) => {
    const seen = new Set<string>();
    reasons.forEach((r, i) => {
      if (seen.has(r.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: `duplicate reason code "${r.code}"` });
      seen.add(r.code);
    });
  });

export const DEFAULT_REJECTION_REASONS: readonly RejectionReason[] = rejectionReasonsSchema.parse([
  { code: "no_budget", label: "Pas de budget" },
  { code: "wrong_contact", label: "Pas le bon interlocuteur" },
  { code: "no_need", label: "Pas de besoin" },
  { code: "bad_timing", label: "Mauvais timing" },
  { code: "competitor", label: "Concurrent" },
  { code: "out_of_target", label: "Hors cible", nurture: false },
  { code: "duplicate", label: "Doublon", nurture: false },
  { code: "other", label: "Autre", requiresNote: true },
]);

export const MAX_NOTE_LENGTH = 2000;
