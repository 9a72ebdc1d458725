import type { Firmographics as Company } from "@sillage/shared/firmographics/record";
import type { CompanyEvent, ContactEvent, HitEvent } from "@sillage/shared/scoring/events";
import type { HitType } from "@sillage/shared/hit-types";

/** A hits row as the scoring needs it. */
export interface HitRowForScoring {
  id: string;
  visitorId: string;
  sessionId: string;
  contactId: string | null;
  type: HitType;
  path: string | null;
  url: string | null;
  name: string | null;
  props: string | null;
  pageId: string | null;
  engagedMs: number | null;
  occurredAt: number;
}

export const HIT_COLUMNS_FOR_SCORING = `id, visitor_id AS visitorId, session_id AS sessionId, contact_id AS contactId, type, path, url, name,
  props, page_id AS pageId, engaged_ms AS engagedMs, occurred_at AS occurredAt`;

const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function hitEvent(row: HitRowForScoring): HitEvent {
  return {
    kind: "hit",
    at: row.occurredAt,
    visitorId: row.visitorId,
    sessionId: row.sessionId,
    hitType: row.type,
    path: orUndefined(row.path),
    url: orUndefined(row.url),
    name: orUndefined(row.name),
    props: row.props ? (JSON.parse(row.props) as HitEvent["props"]) : undefined,
    pageId: orUndefined(row.pageId),
    engagedMs: orUndefined(row.engagedMs),
    contactId: orUndefined(row.contactId),
  };
}

/** What scoring rules may test about the company (fit criteria), from the firmographics record. */
export function companyEvent(company: Company | null, networkKind: string | null, at: number): CompanyEvent {
  return {
    kind: "company",
    at,
    company: {
      siren: company?.siren,
      name: company?.name ?? undefined,
      nafCode: company?.nafCode ?? undefined,
      nafSection: company?.nafSection ?? undefined,
      headcountBracket: (company?.headcountCode ?? undefined) as CompanyEvent["company"]["headcountBracket"],
      revenue: company?.revenue ?? undefined,
      departement: company?.departementCode ?? undefined,
      region: company?.regionCode ?? undefined,
      category: company?.category ?? undefined,
      networkKind: networkKind ?? undefined,
    },
  };
}

export function contactEvent(contact: { id: string; email: string; jobTitle: string | null }, at: number): ContactEvent {
  return { kind: "contact", at, contactId: contact.id, email: contact.email, jobTitle: contact.jobTitle ?? undefined };
}
