import type { ScoringEvent } from "@sillage/shared/scoring/events";
import { loadCompany } from "../identify/company-store";
import { companyEvent, contactEvent, hitEvent, HIT_COLUMNS_FOR_SCORING, type HitRowForScoring } from "./scoring-events";

const PAGE = 1000;

/**
 * A lead's whole history as scoring events, in time order: what a rescore after a model change replays.
 * Company and contact facts come first (they are facts, not behaviour); hits are paged by time.
 */
export async function leadEvents(db: D1Database, lead: { id: string; siren: string | null; firstSeenAt: number }): Promise<ScoringEvent[]> {
  const events: ScoringEvent[] = [];
  const network = await db
    .prepare("SELECT network_kind AS kind FROM hits WHERE lead_id = ? AND network_kind IS NOT NULL LIMIT 1")
    .bind(lead.id)
    .first<{ kind: string }>();
  const company = lead.siren ? ((await loadCompany(db, lead.siren))?.company ?? null) : null;
  if (company || network) events.push(companyEvent(company, network?.kind ?? null, lead.firstSeenAt));
  const { results: contacts } = await db
    .prepare(
      `SELECT DISTINCT c.id, c.email, c.job_title AS jobTitle FROM contacts c JOIN hits h ON h.contact_id = c.id WHERE h.lead_id = ?`,
    )
    .bind(lead.id)
    .all<{ id: string; email: string; jobTitle: string | null }>();
  for (const c of contacts) events.push(contactEvent(c, lead.firstSeenAt));
  let after = -1;
  let afterId = "";
  for (;;) {
    const { results } = await db
      .prepare(
        `SELECT ${HIT_COLUMNS_FOR_SCORING} FROM hits WHERE lead_id = ?1 AND (occurred_at > ?2 OR (occurred_at = ?2 AND id > ?3))
          ORDER BY occurred_at, id LIMIT ${PAGE}`,
      )
      .bind(lead.id, after, afterId)
      .all<HitRowForScoring>();
    for (const r of results) events.push(hitEvent(r));
    if (results.length < PAGE) break;
    const last = results[results.length - 1]!;
    after = last.occurredAt;
    afterId = last.id;
  }
  return events;
}
