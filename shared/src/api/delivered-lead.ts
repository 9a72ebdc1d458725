import { z } from "zod";
import { visitorEstablishmentSchema } from "./establishment";
import { leadStatusSchema } from "./leads";

/**
 * A delivered lead: what a sales team expects to receive when Sillage hands a lead over (webhook body, Slack
 * summary, CSV line). Flat enough for a Zapier/Make mapping, complete enough to call the company without
 * opening Sillage. Dates are ISO 8601 (UTC); what the registers or the tracker do not know is null.
 */

export const deliveredPageSchema = z.object({
  url: z.string().nullable(),
  path: z.string().nullable(),
  title: z.string().nullable(),
  /** When the page was viewed. */
  at: z.string(),
});
export type DeliveredPage = z.infer<typeof deliveredPageSchema>;

export const deliveredCompanySchema = z.object({
  siren: z.string().nullable(),
  headOfficeSiret: z.string().nullable(),
  /** INSEE bracket code ("42") and its label ("1 000 à 1 999 salariés"), of the legal unit. */
  headcountCode: z.string().nullable(),
  headcountLabel: z.string().nullable(),
  /** Turnover in euros of the latest filed year, and that year. */
  revenue: z.number().nullable(),
  revenueYear: z.number().int().nullable(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  /** PME, ETI or GE (INSEE company category). */
  category: z.string().nullable(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  domain: z.string().nullable(),
  /** The company's LinkedIn page, as an absolute URL. */
  linkedinUrl: z.string().nullable(),
  /** The visitor's office: the establishment nearest the latest located visit, with its SIRET (null when unknown). */
  establishment: visitorEstablishmentSchema.nullable().optional(),
});

export const deliveredContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
});

export const deliveredScoreLineSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  points: z.number(),
  at: z.string(),
  count: z.number().int(),
  /** Ready to display, in French: "+20 Page Tarifs, il y a 3 jours". */
  text: z.string(),
});

export const deliveredLeadSchema = z.object({
  id: z.string(),
  /** Company name (or the contact's, for a contact whose company is unknown). */
  name: z.string(),
  status: leadStatusSchema,
  statusChangedAt: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** The page that made the lead (latest) and the first one it ever viewed; null once hits are purged. */
  lastPage: deliveredPageSchema.nullable(),
  firstPage: deliveredPageSchema.nullable(),
  company: deliveredCompanySchema,
  contact: deliveredContactSchema.nullable(),
  score: z.object({
    value: z.number(),
    /** null for a condition-only MQL definition */
    threshold: z.number().nullable(),
    modelVersion: z.number().int(),
    explanation: z.array(deliveredScoreLineSchema),
  }),
  /** When the sales team must have accepted or rejected this MQL. */
  slaDueAt: z.string().nullable(),
  links: z.object({
    /** Path of the lead in the REST API (always present). */
    api: z.string(),
    /** Absolute URL of the same, when the worker knows its public origin. */
    apiUrl: z.string().nullable(),
  }),
});
export type DeliveredLead = z.infer<typeof deliveredLeadSchema>;

/** Kept in step with WEBHOOK_EVENTS of the worker's schema (a test checks it). */
export const LEAD_EVENT_TYPES = ["lead.identified", "lead.mql", "lead.sql", "lead.rejected", "lead.sla_overdue"] as const;
export type LeadEventType = (typeof LEAD_EVENT_TYPES)[number];

/** The JSON body POSTed to a webhook endpoint (format "json"). */
export const leadEventSchema = z.object({
  /** Stable per logical event: receivers deduplicate on it (deliveries are at-least-once). */
  id: z.string(),
  type: z.enum(LEAD_EVENT_TYPES),
  /** When the event happened (not when this attempt was sent). */
  createdAt: z.string(),
  /** True for "send a test" deliveries: sample data, nothing happened. */
  test: z.boolean(),
  data: z.object({ lead: deliveredLeadSchema }),
});
export type LeadEvent = z.infer<typeof leadEventSchema>;
