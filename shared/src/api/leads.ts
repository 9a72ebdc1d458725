import { z } from "zod";

/**
 * The leads API contract, shared by the worker's routes (validation and OpenAPI), the typed client and the
 * extension. Dates are ISO 8601 strings; what the registers or the tracker do not know is null.
 */

export const LEAD_STATUS_VALUES = ["anonymous", "identified", "mql", "sql", "rejected", "nurturing"] as const;
export const leadStatusSchema = z.enum(LEAD_STATUS_VALUES);

export const leadCompanySchema = z.object({
  name: z.string(),
  siren: z.string().nullable(),
  headOfficeSiret: z.string().nullable(),
  legalForm: z.string().nullable(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  nafSection: z.string().nullable(),
  headcountCode: z.string().nullable(),
  /** e.g. "1 000 à 1 999 salariés" */
  headcountLabel: z.string().nullable(),
  revenue: z.number().nullable(),
  revenueYear: z.number().int().nullable(),
  netIncome: z.number().nullable(),
  category: z.string().nullable(),
  address: z.string().nullable(),
  city: z.string().nullable(),
  departement: z.string().nullable(),
  region: z.string().nullable(),
  vatNumber: z.string().nullable(),
  createdOn: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  domain: z.string().nullable(),
  /** Kind of network the visits came from (corporate, education, government). */
  networkKind: z.string().nullable(),
});

export const scoreLineSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  points: z.number(),
  at: z.string(),
  count: z.number().int(),
});

export const leadScoreSchema = z.object({
  value: z.number(),
  /** null for a condition-only MQL definition */
  threshold: z.number().nullable(),
  modelVersion: z.number().int(),
  explanation: z.array(scoreLineSchema),
});

export const leadSlaSchema = z.object({
  dueAt: z.string(),
  overdue: z.boolean(),
  remainingMs: z.number(),
});

export const pageVisitSchema = z.object({
  url: z.string().nullable(),
  path: z.string().nullable(),
  title: z.string().nullable(),
  type: z.string(),
  /** event name for events (e.g. "download") */
  name: z.string().nullable(),
  at: z.string(),
  engagedMs: z.number().nullable(),
  visitorId: z.string(),
});

export const leadContactSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
});

export const leadNoteSchema = z.object({
  id: z.string(),
  body: z.string(),
  authorName: z.string(),
  at: z.string(),
});

export const leadTransitionSchema = z.object({
  from: leadStatusSchema,
  to: leadStatusSchema,
  actor: z.string(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const rejectionReasonViewSchema = z.object({ code: z.string(), label: z.string(), requiresNote: z.boolean() });

export const leadDetailSchema = z.object({
  id: z.string(),
  status: leadStatusSchema,
  statusChangedAt: z.string(),
  company: leadCompanySchema,
  score: leadScoreSchema,
  sla: leadSlaSchema.nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** Most recent first, at most 200 entries. */
  timeline: z.array(pageVisitSchema),
  contacts: z.array(leadContactSchema),
  notes: z.array(leadNoteSchema),
  history: z.array(leadTransitionSchema),
  /** Intent signals (buying committee, surge, return, high-intent pages…) */
  signals: z.array(z.object({ kind: z.string(), label: z.string(), at: z.string() })),
  /** The workspace's rejection reasons, for the reject action. */
  rejectionReasons: z.array(rejectionReasonViewSchema),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;

export const leadSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  siren: z.string().nullable(),
  city: z.string().nullable(),
  headcountLabel: z.string().nullable(),
  nafLabel: z.string().nullable(),
  status: leadStatusSchema,
  score: z.number(),
  sla: leadSlaSchema.nullable(),
  lastSeenAt: z.string(),
});
export type LeadSummary = z.infer<typeof leadSummarySchema>;

export const leadListSchema = z.object({ items: z.array(leadSummarySchema), nextCursor: z.string().nullable() });

/** `GET /api/v1/leads/lookup`: exactly one of these. */
export const leadLookupQuerySchema = z
  .object({
    linkedin: z.string().max(300).optional(), // company page URL or slug
    contactLinkedin: z.string().max(300).optional(), // a person's profile URL
    domain: z.string().max(253).optional(),
    siren: z.string().max(20).optional(), // SIREN or SIRET
    name: z.string().max(200).optional(),
  })
  .refine((q) => Object.values(q).filter((v) => v !== undefined).length === 1, "give exactly one of linkedin, contactLinkedin, domain, siren, name");

export const leadLookupResultSchema = z.object({
  lead: leadDetailSchema.nullable(),
  /** How it was found ("linkedin link", "siren", "name"), or why nothing was. */
  matchedBy: z.string(),
});

export const LEAD_ACTIONS = ["accept", "reject", "nurture"] as const;
export const leadTransitionBodySchema = z.object({
  action: z.enum(LEAD_ACTIONS),
  reasonCode: z.string().max(40).optional(),
  note: z.string().max(2000).optional(),
});

export const leadLinkBodySchema = z.object({
  kind: z.enum(["linkedin-company", "linkedin-profile", "domain", "crm"]),
  /** URL or value; normalised by the server (LinkedIn slug, bare domain). */
  value: z.string().min(1).max(500),
});

export const leadNoteBodySchema = z.object({ body: z.string().trim().min(1).max(5000) });
