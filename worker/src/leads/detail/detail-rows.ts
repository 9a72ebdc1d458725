import type { LeadStatus } from "@sillage/shared/api/leads";
import type { LinkKind } from "../link-value";

/** What the detail queries return, one interface per query (see load-detail.ts). */

export interface ContactRow {
  id: string;
  name: string | null;
  email: string | null;
  jobTitle: string | null;
  phone: string | null;
  linkedinUrl: string | null;
}

export interface ClaimRow {
  contactId: string;
  field: "name" | "jobTitle" | "phone" | "linkedinUrl";
  value: string;
  count: number;
  firstClaimedAt: number;
  lastClaimedAt: number;
}

export interface TimelineRow {
  url: string | null;
  path: string | null;
  title: string | null;
  type: string;
  name: string | null;
  occurredAt: number;
  engagedMs: number | null;
  visitorId: string;
}

export interface NoteRow {
  id: string;
  body: string;
  authorName: string;
  createdAt: number;
}

export interface TransitionRow {
  fromStatus: LeadStatus;
  toStatus: LeadStatus;
  actor: string;
  reasonCode: string | null;
  note: string | null;
  at: number;
}

export interface LinkRow {
  id: string;
  kind: LinkKind;
  value: string;
  createdBy: string;
  createdAt: number;
}

export interface DetailRows {
  /** companies.record (JSON Firmographics) of the lead's SIREN. */
  companyRecord: string | null;
  contacts: ContactRow[];
  claims: ClaimRow[];
  timeline: TimelineRow[];
  notes: NoteRow[];
  transitions: TransitionRow[];
  links: LinkRow[];
  /** Kind of the network of the lead's latest identified visit. */
  networkKind: string | null;
  slaHours: number;
}
