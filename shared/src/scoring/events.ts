import { z } from "zod";
import { HIT_TYPES } from "../hit-types";
import { HEADCOUNT_CODES } from "./headcount";

/** Company categories of the French registers (loi LME): PME, ETI, grande entreprise. */
export const COMPANY_CATEGORIES = ["PME", "ETI", "GE"] as const;
export type CompanyCategory = (typeof COMPANY_CATEGORIES)[number];

const propValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

/** What scoring knows about the lead's company. Every field is optional: enrichment arrives in pieces. */
export const firmographicsSchema = z.object({
  siren: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  name: z.string().max(300).optional(),
  /** NAF rév. 2 code, `62.01Z` or `6201Z`. */
  nafCode: z.string().max(10).optional(),
  /** Section letter when the source gives it; otherwise derived from nafCode. */
  nafSection: z
    .string()
    .regex(/^[A-U]$/)
    .optional(),
  headcountBracket: z.enum(HEADCOUNT_CODES).optional(),
  /** Revenue in euros, latest filed year. */
  revenue: z.number().finite().optional(),
  departement: z.string().max(3).optional(),
  /** INSEE region code; derived from departement when absent. */
  region: z.string().max(3).optional(),
  category: z.enum(COMPANY_CATEGORIES).optional(),
  /** Kind of network the visits came from (business, education, public…), as the identification step names it. */
  networkKind: z.string().max(40).optional(),
});
export type Firmographics = z.infer<typeof firmographicsSchema>;

const at = z.number().int().nonnegative();

/**
 * One stored hit. `hitType` is the tracker's type: `identify` hits come from a form the visitor submitted,
 * `engagement` hits report the time spent on an earlier page view (`pageId`, cumulative `engagedMs`).
 */
export const hitEventSchema = z.object({
  kind: z.literal("hit"),
  at,
  visitorId: z.string().min(1).max(100),
  /** Unique per visit (the sessions table id): a new id is a new session. */
  sessionId: z.string().min(1).max(100),
  hitType: z.enum(HIT_TYPES),
  path: z.string().max(2000).optional(),
  url: z.string().max(2000).optional(),
  name: z.string().max(100).optional(),
  props: z.record(z.string().max(100), propValue).optional(),
  pageId: z.string().max(64).optional(),
  engagedMs: z.number().int().nonnegative().optional(),
  contactId: z.string().max(100).optional(),
});

/** A contact attached to the lead was identified or updated (e-mail, job title). */
export const contactEventSchema = z.object({
  kind: z.literal("contact"),
  at,
  contactId: z.string().min(1).max(100),
  email: z.string().max(254).optional(),
  jobTitle: z.string().max(200).optional(),
});

/** The lead's company was identified or its firmographics changed. Fields are merged into what is known. */
export const companyEventSchema = z.object({
  kind: z.literal("company"),
  at,
  company: firmographicsSchema,
});

export const scoringEventSchema = z.discriminatedUnion("kind", [hitEventSchema, contactEventSchema, companyEventSchema]);

export type HitEvent = z.infer<typeof hitEventSchema>;
export type ContactEvent = z.infer<typeof contactEventSchema>;
export type CompanyEvent = z.infer<typeof companyEventSchema>;
export type ScoringEvent = z.infer<typeof scoringEventSchema>;
