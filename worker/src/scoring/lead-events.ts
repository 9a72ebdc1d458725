import type { Firmographics as Company } from "@sillage/shared/firmographics/record";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import { loadCompanies } from "../identify/company-store";
import { companyEvent, contactEvent, hitEvent, HIT_COLUMNS_FOR_SCORING, type HitRowForScoring } from "./scoring-events";

/** Hits per query: whole histories of a slice of leads in a few round trips, within D1's result size. */
const PAGE = 5000;

export interface LeadRef {
  id: string;
  siren: string | null;
  firstSeenAt: number;
}

interface ContactRow {
  id: string;
  email: string;
  jobTitle: string | null;
}

type HitRow = HitRowForScoring & { leadId: string; networkKind: string | null };

/** What a lead's history is made of, as read from D1. */
export interface LeadFacts {
  company: Company | null;
  /** Network kind of the lead's first hit that has one. */
  networkKind: string | null;
  /** The lead's contacts, in the order of their first hit. */
  contacts: ContactRow[];
  /** In time order. */
  hits: HitRowForScoring[];
}

/**
 * A lead's whole history as scoring events, in time order: what a rescore after a model change replays.
 * Company and contact facts come first (they are facts, not behaviour), then the hits.
 */
export function historyEvents(lead: Pick<LeadRef, "firstSeenAt">, facts: LeadFacts): ScoringEvent[] {
  const events: ScoringEvent[] = [];
  if (facts.company || facts.networkKind) events.push(companyEvent(facts.company, facts.networkKind, lead.firstSeenAt));
  for (const c of facts.contacts) events.push(contactEvent(c, lead.firstSeenAt));
  for (const h of facts.hits) events.push(hitEvent(h));
  return events;
}

/**
 * The histories of several leads (see historyEvents) with a constant number of queries (hits paged, then companies and contacts),
 * instead of a few per lead: rescoring reads every lead of a workspace. Id lists go as one JSON parameter, since D1
 * binds at most 100 parameters per statement.
 */
export async function leadsEvents(db: D1Database, leads: readonly LeadRef[]): Promise<Map<string, ScoringEvent[]>> {
  const hitsByLead = new Map<string, HitRow[]>(leads.map((l) => [l.id, []]));
  // Keyset paging on (lead, time, id): a lead with a long history may span pages.
  let after: [string, number, string] = ["", -1, ""];
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT lead_id AS leadId, network_kind AS networkKind, ${HIT_COLUMNS_FOR_SCORING} FROM hits
          WHERE lead_id IN (SELECT value FROM json_each(?1))
            AND (lead_id > ?2 OR (lead_id = ?2 AND (occurred_at > ?3 OR (occurred_at = ?3 AND id > ?4))))
          ORDER BY lead_id, occurred_at, id LIMIT ${PAGE}`,
      )
      .bind(JSON.stringify(leads.map((l) => l.id)), ...after)
      .all<HitRow>();
    for (const r of results) hitsByLead.get(r.leadId)?.push(r);
    if (results.length < PAGE) break;
    const last = results[results.length - 1]!;
    after = [last.leadId, last.occurredAt, last.id];
  }

  const contactIds = new Set<string>();
  for (const hits of hitsByLead.values()) for (const h of hits) if (h.contactId) contactIds.add(h.contactId);
  const sirens = leads.flatMap((l) => (l.siren ? [l.siren] : []));
  const [companies, contactRows] = await Promise.all([
    loadCompanies(db, sirens),
    contactIds.size
      ? db
          .prepare("SELECT id, email, job_title AS jobTitle FROM contacts WHERE id IN (SELECT value FROM json_each(?))")
          .bind(JSON.stringify([...contactIds]))
          .all<ContactRow>()
      : null,
  ]);
  const contacts = new Map((contactRows?.results ?? []).map((c) => [c.id, c]));

  const out = new Map<string, ScoringEvent[]>();
  for (const lead of leads) {
    const hits = hitsByLead.get(lead.id)!;
    const leadContacts = new Map<string, ContactRow>();
    for (const h of hits) {
      const c = h.contactId ? contacts.get(h.contactId) : undefined;
      if (c && !leadContacts.has(c.id)) leadContacts.set(c.id, c);
    }
    const facts: LeadFacts = {
      company: lead.siren ? (companies.get(lead.siren) ?? null) : null,
      networkKind: hits.find((h) => h.networkKind !== null)?.networkKind ?? null,
      contacts: [...leadContacts.values()],
      hits,
    };
    out.set(lead.id, historyEvents(lead, facts));
  }
  return out;
}
