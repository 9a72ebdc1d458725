import { z } from "zod";
import { HEADCOUNT_CODES } from "../firmographics/headcount";
import { NAF_SECTION_LETTERS } from "../firmographics/naf-sections";
import { NETWORK_KINDS } from "../network/kinds";
import { visitorEstablishmentSchema } from "./establishment";
import { LEAD_ACTIONS } from "./lead-actions";

/**
 * The leads API contract, shared by the worker's routes (validation and OpenAPI), the typed client and the
 * extension. Dates are ISO 8601 strings; what the registers or the tracker do not know is null.
 */

export const LEAD_STATUS_VALUES = ["anonymous", "identified", "mql", "sql", "rejected", "nurturing"] as const;
export const leadStatusSchema = z.enum(LEAD_STATUS_VALUES);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

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
  /** The visitor's office: the establishment nearest the latest located visit (null when unknown). */
  establishment: visitorEstablishmentSchema.nullable().optional(),
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
  /**
   * Different values later forms claimed for this contact (a form cannot prove who typed it, so they never
   * replace the contact's own): most recent first, each with how often it was claimed.
   */
  claims: z
    .array(
      z.object({
        field: z.enum(["name", "jobTitle", "phone", "linkedinUrl"]),
        value: z.string(),
        count: z.number().int(),
        firstClaimedAt: z.string(),
        lastClaimedAt: z.string(),
      }),
    )
    .optional(),
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
  /** Who acted, as a name ("system" for score-driven changes). */
  actor: z.string(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

/**
 * - `crm-record`: a HubSpot, Salesforce or Pipedrive record, stored as its identity (`crmRecordId`); found again
 *   by `lookup?crm=`.
 * - `crm`: any http(s) address of a CRM page, stored as given (kept for the links made before `crm-record`).
 */
export const LEAD_LINK_KINDS = ["linkedin-company", "linkedin-profile", "domain", "crm-record", "crm"] as const;
export const leadLinkKindSchema = z.enum(LEAD_LINK_KINDS);

/** An external page linked to the lead; `value` is normalised (LinkedIn slug, bare domain, CRM record id, CRM URL). */
export const leadLinkSchema = z.object({
  id: z.string(),
  kind: leadLinkKindSchema,
  value: z.string(),
  /** Ready-to-open address of the link (canonical LinkedIn URL, https://domain, the CRM URL). */
  url: z.string(),
  createdBy: z.string(),
  at: z.string(),
});
export type LeadLink = z.infer<typeof leadLinkSchema>;

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
  /** Most recent first. */
  notes: z.array(leadNoteSchema),
  /** Oldest first: the lead's story. */
  history: z.array(leadTransitionSchema),
  /** LinkedIn pages, domains and CRM records linked to the lead, most recent first. */
  links: z.array(leadLinkSchema),
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
export type LeadList = z.infer<typeof leadListSchema>;

export const LEAD_SORTS = ["score", "lastSeen", "name"] as const;
export const LEAD_LIST_MAX_LIMIT = 100;

/** A query parameter given once, repeated (`?status=mql&status=sql`) or comma-separated (`?status=mql,sql`). */
const oneOrMany = <T extends z.ZodType<string, string>>(item: T) =>
  z.preprocess((v) => {
    const list = typeof v === "string" ? v.split(",") : v;
    return Array.isArray(list) ? list.map((s) => (typeof s === "string" ? s.trim() : s)) : list;
  }, z.array(item).min(1).max(25));
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "expected YYYY-MM-DD or an ISO 8601 date-time" });
/** A NAF code ("62.01Z", "6201Z") or a prefix of one ("62", "62.0", "6201"). */
const nafCodeOrPrefix = z.string().regex(/^\d{1,2}(?:\.?\d{1,2}[A-Za-z]?)?$/, "expected a NAF code or prefix like 62.01Z, 62.01 or 62");

/** `GET /api/v1/leads`. Filters combine with AND; the values of one filter with OR. */
export const leadListQuerySchema = z.object({
  status: oneOrMany(leadStatusSchema).optional(),
  minScore: z.coerce.number().finite().optional(),
  maxScore: z.coerce.number().finite().optional(),
  /** Last visit on or after (a date means its first instant, UTC). */
  lastSeenFrom: instant.optional(),
  /** Last visit on or before (a date means the whole day, UTC). */
  lastSeenTo: instant.optional(),
  /** Leads with at least one visit from such a network. */
  networkKind: oneOrMany(z.enum(NETWORK_KINDS)).optional(),
  nafSection: oneOrMany(z.enum(NAF_SECTION_LETTERS)).optional(),
  naf: oneOrMany(nafCodeOrPrefix).optional(),
  /** INSEE bracket code: companies in this bracket or a larger one ("22" = 100 employees or more). */
  headcountMin: z.enum(HEADCOUNT_CODES).exclude(["NN"]).optional(),
  /** Name search, tolerant of case, accents and legal forms ("societe generale sa" finds "SOCIÉTÉ GÉNÉRALE"). */
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(LEAD_SORTS).default("score"),
  /** Default: descending for score and lastSeen, ascending for name. */
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce.number().int().min(1).max(LEAD_LIST_MAX_LIMIT).default(25),
  /** `nextCursor` of the previous page, with the same sort and order. */
  cursor: z.string().max(1000).optional(),
});
export type LeadListQuery = z.output<typeof leadListQuerySchema>;

/** What a caller (the typed client) passes to list leads; serialised as query parameters. */
export interface LeadListParams {
  status?: LeadStatus | LeadStatus[];
  minScore?: number;
  maxScore?: number;
  lastSeenFrom?: string;
  lastSeenTo?: string;
  networkKind?: string | string[];
  nafSection?: string | string[];
  naf?: string | string[];
  headcountMin?: string;
  q?: string;
  sort?: (typeof LEAD_SORTS)[number];
  order?: "asc" | "desc";
  limit?: number;
  cursor?: string;
}

/** `GET /api/v1/leads/lookup`: exactly one of these. */
export const leadLookupQuerySchema = z
  .object({
    linkedin: z.string().max(300).optional(), // company page URL or slug
    contactLinkedin: z.string().max(300).optional(), // a person's profile URL
    domain: z.string().max(253).optional(),
    siren: z.string().max(20).optional(), // SIREN or SIRET
    name: z.string().max(200).optional(),
    crm: z.string().max(500).optional(), // a CRM record's URL or its id (crmRecordId)
  })
  .refine((q) => Object.values(q).filter((v) => v !== undefined).length === 1, "give exactly one of linkedin, contactLinkedin, domain, siren, name, crm");

export type LeadLookupQuery = z.infer<typeof leadLookupQuerySchema>;

export const leadLookupResultSchema = z.object({
  lead: leadDetailSchema.nullable(),
  /** How it was found ("linkedin link", "siren", "name"), or why nothing was. */
  matchedBy: z.string(),
});
export type LeadLookupResult = z.infer<typeof leadLookupResultSchema>;

export { LEAD_ACTIONS };
export const leadTransitionBodySchema = z.object({
  action: z.enum(LEAD_ACTIONS),
  reasonCode: z.string().max(40).optional(),
  note: z.string().max(2000).optional(),
});

export type LeadTransitionBody = z.infer<typeof leadTransitionBodySchema>;

export const leadLinkBodySchema = z.object({
  kind: leadLinkKindSchema,
  /** URL or value; normalised by the server (LinkedIn slug, bare domain, CRM record id). */
  value: z.string().min(1).max(500),
});
export type LeadLinkBody = z.infer<typeof leadLinkBodySchema>;

/**
 * `POST /leads/:id/links`: the link, the lead it was taken from when it pointed at another lead, and the lead
 * as it is now.
 */
export const leadLinkResultSchema = z.object({ link: leadLinkSchema, movedFrom: z.string().nullable(), lead: leadDetailSchema });
export type LeadLinkResult = z.infer<typeof leadLinkResultSchema>;

export const leadNoteBodySchema = z.object({ body: z.string().trim().min(1).max(5000) });
export type LeadNoteBody = z.infer<typeof leadNoteBodySchema>;
export type LeadNote = z.infer<typeof leadNoteSchema>;

/** `POST /leads/:id/notes`: the note, and the lead as it is now. */
export const leadNoteResultSchema = z.object({ note: leadNoteSchema, lead: leadDetailSchema });
export type LeadNoteResult = z.infer<typeof leadNoteResultSchema>;

/** `POST /leads/:id/transitions`: the history entries recorded (a rejection may add two), and the lead as it is now. */
export const leadTransitionResultSchema = z.object({ transitions: z.array(leadTransitionSchema), lead: leadDetailSchema });
export type LeadTransitionResult = z.infer<typeof leadTransitionResultSchema>;
