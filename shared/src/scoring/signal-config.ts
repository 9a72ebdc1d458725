import { z } from "zod";
import { patternProblem } from "./patterns";

/** Intent signals computed from hits, shown on the lead's timeline and usable in rules (`{ signal: "surge" }`). */
export const SIGNAL_KINDS = ["buying_committee", "surge", "return", "high_intent", "conversion"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

const days = z.number().int().min(1).max(365);
const patternSchema = z.string().superRefine((value, ctx) => {
  const problem = patternProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Thresholds of each signal. Every field has a default, so `{}` is a valid configuration. */
export const signalConfigSchema = z.object({
  /** Several distinct visitors from the same company within a few days. */
  buyingCommittee: z.object({ minVisitors: z.number().int().min(2).max(100).default(3), withinDays: days.default(14) }).prefault({}),
  /** This week's sessions against the company's own weekly average over the previous weeks. */
  surge: z
    .object({
      factor: z.number().min(1).max(100).default(3),
      baselineWeeks: z.number().int().min(1).max(26).default(4),
      minSessions: z.number().int().min(1).max(1000).default(3),
    })
    .prefault({}),
  /** A visit after a long silence; the signal stays visible for `activeDays`. */
  return: z.object({ silenceDays: days.default(30), activeDays: days.default(14) }).prefault({}),
  /** Pricing, demo, comparison, contact pages. */
  highIntent: z
    .object({
      paths: z
        .array(patternSchema)
        .min(1)
        .default([
          "/tarifs*",
          "/pricing*",
          "/prix*",
          "/demo*",
          "/demande-de-demo*",
          "/comparatif*",
          "/compare*",
          "*-vs-*",
          "/alternative*",
          "/contact*",
          "/devis*",
        ]),
      activeDays: days.default(14),
    })
    .prefault({}),
  /** A form submitted (tracker `identify`) or a download / form event. */
  conversion: z.object({ events: z.array(z.string().min(1).max(100)).default(["download", "form_submit"]), activeDays: days.default(30) }).prefault({}),
});
export type SignalConfig = z.output<typeof signalConfigSchema>;
export type SignalConfigInput = z.input<typeof signalConfigSchema>;

export const DEFAULT_SIGNAL_CONFIG: SignalConfig = signalConfigSchema.parse({});

/** Days of per-day history the signals need (surge compares the current week with `baselineWeeks` before it). */
export function signalLookbackDays(config: SignalConfig): number {
  return Math.max(config.buyingCommittee.withinDays, 7 * (config.surge.baselineWeeks + 1));
}
