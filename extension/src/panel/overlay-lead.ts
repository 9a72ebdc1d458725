/**
 * The API's lead (`LeadDetail`, the contract) as the overlay components take it. One mapping, used by the
 * content scripts and the popup, so the contract stays the single source of truth.
 */
import type { LeadDetail, LeadSummary } from "@sillage/shared/api/leads";
import type { Lang } from "../i18n/index";
import type { Lead, LeadSearchResult, PageVisit } from "../overlay/types";
import { ct } from "./texts";

type ApiVisit = LeadDetail["timeline"][number];

/** Scores are stored with decimals (decay); salespeople read whole points. */
export const roundScore = (value: number) => Math.round(value);

/** What a salesperson calls a non-page hit: "Formulaire envoyé", "Téléchargement", else the event's name. */
function hitLabel(v: ApiVisit, lang: Lang): string {
  if (v.type === "identify") return ct("timeline.identify", lang);
  if (v.name === "download") return ct("timeline.download", lang);
  return ct("timeline.event", lang, { name: v.name ?? v.type });
}

/** A page view reads as its title or path; anything else (a form, a download) as what it was, and on which page. */
function toVisit(v: ApiVisit, lang: Lang): PageVisit {
  const path = v.path ?? v.url ?? "";
  const title = v.type === "pageview" ? v.title : [hitLabel(v, lang), v.title ?? v.path].filter(Boolean).join(" · ");
  return { url: v.url ?? "", path, title: title || null, at: v.at, engagedMs: v.engagedMs ?? 0 };
}

export function toOverlayLead(d: LeadDetail, lang: Lang): Lead {
  const value = roundScore(d.score.value);
  return {
    id: d.id,
    status: d.status,
    company: {
      name: d.company.name,
      siren: d.company.siren,
      nafCode: d.company.nafCode,
      nafLabel: d.company.nafLabel,
      headcountLabel: d.company.headcountLabel,
      revenue: d.company.revenue,
      revenueYear: d.company.revenueYear,
      categorie: d.company.category,
      city: d.company.city,
      linkedinUrl: d.company.linkedinUrl,
    },
    score: {
      value,
      // A condition-only MQL definition has no threshold; the gauge needs one, and the current score is the
      // least misleading mark (the gauge then reads "reached" only from the status badge beside it).
      threshold: d.score.threshold ?? value,
      explanation: d.score.explanation.map((l) => ({
        label: l.count > 1 ? `${l.label} (×${l.count})` : l.label,
        points: roundScore(l.points),
        at: l.at,
      })),
    },
    sla: d.sla ? { dueAt: d.sla.dueAt, overdue: d.sla.overdue } : null,
    timeline: d.timeline.map((v) => toVisit(v, lang)),
    contacts: d.contacts.map(({ name, email, jobTitle, phone, linkedinUrl }) => ({ name, email, jobTitle, phone, linkedinUrl })),
    notes: d.notes.map((n) => ({ id: n.id, text: n.body, at: n.at, author: n.authorName })),
    rejectionReasons: d.rejectionReasons,
  };
}

export function toSearchResult(s: LeadSummary): LeadSearchResult {
  return { leadId: s.id, name: s.name, siren: s.siren, city: s.city, status: s.status, score: roundScore(s.score) };
}
