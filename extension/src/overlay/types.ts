import type { IdentityCorrection } from "../messages";

/** The lead as the Sillage API returns it to the extension. Dates are ISO 8601 strings; fields the
 * registers or the tracker do not know are `null`. */

export type LeadStatus = "anonymous" | "identified" | "mql" | "sql" | "rejected" | "nurturing";

export interface LeadCompany {
  name: string;
  siren: string | null;
  nafCode: string | null;
  nafLabel: string | null;
  /** INSEE bracket already rendered by the API, e.g. "100 à 199 salariés". */
  headcountLabel: string | null;
  /** Euros, latest filed year. */
  revenue: number | null;
  revenueYear: number | null;
  /** INSEE category: PME, ETI, GE. */
  categorie: string | null;
  city: string | null;
  linkedinUrl: string | null;
}

export interface ScoreExplanationLine {
  label: string;
  /** Negative when points decayed or a rule subtracts. */
  points: number;
  at: string;
}

export interface LeadScore {
  value: number;
  threshold: number;
  explanation: ScoreExplanationLine[];
}

export interface LeadSla {
  dueAt: string;
  overdue: boolean;
}

export interface PageVisit {
  url: string;
  path: string;
  title: string | null;
  at: string;
  engagedMs: number;
}

export interface LeadContact {
  name: string | null;
  email: string | null;
  jobTitle: string | null;
  phone: string | null;
  linkedinUrl: string | null;
}

export interface LeadNote {
  id: string;
  text: string;
  at: string;
  author: string | null;
}

/** One of the workspace's rejection reasons (`LeadDetail.rejectionReasons` in the API contract). */
export interface RejectionReasonOption {
  code: string;
  label: string;
  requiresNote: boolean;
}

/**
 * The overlay's view of a lead. The API's `LeadDetail` (shared/src/api/leads.ts) is the source of truth;
 * the panel maps it here (extension/src/panel/overlay-lead.ts).
 */
export interface Lead {
  id: string;
  company: LeadCompany;
  score: LeadScore;
  status: LeadStatus;
  sla: LeadSla | null;
  timeline: PageVisit[];
  contacts: LeadContact[];
  notes: LeadNote[];
  /** The workspace's rejection reasons: what the reject form lists, and the only codes it sends. */
  rejectionReasons: RejectionReasonOption[];
}

/** One hit of the "link this page to a lead" search. */
export interface LeadSearchResult {
  leadId: string;
  name: string;
  siren: string | null;
  city: string | null;
  status: LeadStatus;
  score: number | null;
}

/** Callbacks may return a promise; the UI shows progress and failure while it runs. */
export type ActionResult = void | Promise<void>;

export interface LeadActions {
  onAccept: () => ActionResult;
  /** `reasonCode` is one of the lead's `rejectionReasons`; `text` is the trimmed note, possibly empty. */
  onReject: (reasonCode: string, text: string) => ActionResult;
  onNurture: () => ActionResult;
  onAddNote: (text: string) => ActionResult;
  /** "Wrong company?": resolves to the line telling what moved. Absent: the panel offers no correction. */
  onCorrect?: (correction: IdentityCorrection) => Promise<string>;
}
