import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import { buildDeliveredLead } from "../leads/delivered-lead";

/** What a CRM sync writes about a lead, read from D1. */
export interface LeadFacts {
  /** The lead synced (after following merges). */
  leadId: string;
  status: LeadStatus;
  /** Legal name when the register knows it, else the lead's name. */
  name: string;
  siren: string | null;
  siret: string | null;
  nafCode: string | null;
  nafLabel: string | null;
  headcountLabel: string | null;
  revenue: number | null;
  revenueYear: number | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  domain: string | null;
  score: number;
  /** Rules that make the score, "+20 Page Tarifs (×2) — 2026-12-01". */
  explanation: { points: number; label: string; count: number; at: string }[];
  mqlAt: number | null;
  slaDueAt: number | null;
  lastPages: { path: string | null; title: string | null; at: number }[];
}

const LAST_PAGES = 5;

/** A lead's facts for the CRM, or null when the lead does not exist in the workspace. */
export async function loadLeadFacts(db: D1Database, workspaceId: string, leadId: string, now: number): Promise<LeadFacts | null> {
  const lead = await buildDeliveredLead(db, workspaceId, leadId, now);
  if (!lead) return null;
  const [extra, pages] = await Promise.all([
    db
      .prepare(
        `SELECT l.mql_at AS mqlAt, json_extract(co.record, '$.name') AS legalName, json_extract(co.record, '$.address') AS address
           FROM leads l LEFT JOIN companies co ON co.siren = l.siren WHERE l.id = ? AND l.workspace_id = ?`,
      )
      .bind(lead.id, workspaceId)
      .first<{ mqlAt: number | null; legalName: string | null; address: string | null }>(),
    db
      .prepare("SELECT path, title, occurred_at AS at FROM hits WHERE lead_id = ? AND type = 'pageview' ORDER BY occurred_at DESC LIMIT ?")
      .bind(lead.id, LAST_PAGES)
      .all<{ path: string | null; title: string | null; at: number }>(),
  ]);
  const c = lead.company;
  return {
    leadId: lead.id,
    status: lead.status,
    name: extra?.legalName ?? lead.name,
    siren: c.siren,
    siret: c.headOfficeSiret,
    nafCode: c.nafCode,
    nafLabel: c.nafLabel,
    headcountLabel: c.headcountLabel,
    revenue: c.revenue,
    revenueYear: c.revenueYear,
    address: extra?.address ?? null,
    postalCode: c.postalCode,
    city: c.city,
    domain: c.domain,
    score: lead.score.value,
    explanation: lead.score.explanation.map((e) => ({ points: e.points, label: e.label, count: e.count, at: e.at })),
    mqlAt: extra?.mqlAt ?? null,
    slaDueAt: lead.slaDueAt ? Date.parse(lead.slaDueAt) : null,
    lastPages: pages.results,
  };
}
