import type { LeadDetail } from "@sillage/shared/api/leads";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { RejectionReason } from "@sillage/shared/lifecycle/rejection-reasons";
import type { Model } from "@sillage/shared/scoring/model-schema";
import { signals } from "@sillage/shared/scoring/signals";
import type { ScoreState } from "@sillage/shared/scoring/state";
import { leadScoreView } from "../../scoring/lead-score";
import { actorDisplayName } from "../actor";
import { contactsWorkDomain } from "../contact-domain";
import type { LeadRecord } from "../find-lead";
import { linkUrl } from "../link-value";
import { slaView } from "../sla-view";
import { iso } from "../../lib/iso";
import { companyView } from "./company-view";
import type { DetailRows } from "./detail-rows";

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** The score as of `now` with its explanation; a lead never scored (no state) shows its stored score, unexplained. */
function scoreOf(model: Model, lead: LeadRecord, state: ScoreState | null, now: number): LeadDetail["score"] {
  if (!state) return { value: Math.round(lead.score * 10) / 10, threshold: model.mql.threshold ?? null, modelVersion: model.version, explanation: [] };
  const view = leadScoreView(model, state, now);
  return {
    value: view.value,
    threshold: view.threshold,
    modelVersion: view.modelVersion,
    explanation: view.explanation.map((l) => ({ ruleId: l.ruleId, label: l.label, points: l.points, at: iso(l.at), count: l.count })),
  };
}

/** LeadDetail from the lead row and its related rows. Pure: the clock and the model are arguments. */
export function buildLeadDetail(lead: LeadRecord, rows: DetailRows, model: Model, reasons: readonly RejectionReason[], now: number): LeadDetail {
  const state = parseJson<ScoreState>(lead.scoreState);
  const linkOf = (kind: string) => rows.links.find((l) => l.kind === kind)?.value ?? null;
  return {
    id: lead.id,
    status: lead.status,
    statusChangedAt: iso(lead.statusChangedAt),
    company: companyView(lead, parseJson<Firmographics>(rows.companyRecord), {
      linkedin: lead.linkedinUrl ?? linkOf("linkedin-company"),
      domain: lead.domain ?? linkOf("domain") ?? contactsWorkDomain(rows.contacts.map((c) => c.email)),
      networkKind: rows.networkKind,
      establishment: lead.establishment,
    }),
    score: scoreOf(model, lead, state, now),
    sla: slaView(lead, rows.slaHours, now),
    firstSeenAt: iso(lead.firstSeenAt),
    lastSeenAt: iso(lead.lastSeenAt),
    timeline: rows.timeline.map((h) => ({
      url: h.url,
      path: h.path,
      title: h.title,
      type: h.type,
      name: h.name,
      at: iso(h.occurredAt),
      engagedMs: h.engagedMs,
      visitorId: h.visitorId,
    })),
    contacts: rows.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      email: c.email,
      jobTitle: c.jobTitle,
      phone: c.phone,
      linkedinUrl: c.linkedinUrl,
      claims: rows.claims
        .filter((k) => k.contactId === c.id)
        .map((k) => ({ field: k.field, value: k.value, count: k.count, firstClaimedAt: iso(k.firstClaimedAt), lastClaimedAt: iso(k.lastClaimedAt) })),
    })),
    notes: rows.notes.map((n) => ({ id: n.id, body: n.body, authorName: n.authorName, at: iso(n.createdAt) })),
    history: rows.transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      actor: actorDisplayName(t.actor),
      reasonCode: t.reasonCode,
      note: t.note,
      at: iso(t.at),
    })),
    links: rows.links.map((l) => ({
      id: l.id,
      kind: l.kind,
      value: l.value,
      url: linkUrl(l.kind, l.value),
      createdBy: actorDisplayName(l.createdBy),
      at: iso(l.createdAt),
    })),
    signals: state ? signals(state, now, model.signals).map((s) => ({ kind: s.kind, label: s.label, at: iso(s.at) })) : [],
    rejectionReasons: reasons.map((r) => ({ code: r.code, label: r.label, requiresNote: r.requiresNote })),
  };
}
