import { formatPoints } from "@sillage/shared/scoring/explain-format";
import type { CrmField } from "./fields";
import type { LeadFacts } from "./lead-facts";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The value of every field for a lead, as the text the CRM will hold. Pure. Dates are absolute (a relative
 * "il y a 3 jours" would be wrong the next day in a CRM that does not recompute it).
 */
export function fieldValues(f: LeadFacts): Record<CrmField, string | null> {
  const num = (n: number | null) => (n == null ? null : String(n));
  return {
    name: f.name,
    domain: f.domain,
    siren: f.siren,
    siret: f.siret,
    naf: f.nafCode ? (f.nafLabel ? `${f.nafCode} ${f.nafLabel}` : f.nafCode) : null,
    headcount: f.headcountLabel,
    revenue: num(f.revenue),
    revenueYear: num(f.revenueYear),
    address: f.address,
    postalCode: f.postalCode,
    city: f.city,
    score: String(Math.round(f.score * 10) / 10),
    status: f.status,
    mqlDate: f.mqlAt != null ? day(f.mqlAt) : null,
    scoreExplanation: f.explanation.length
      ? f.explanation.map((e) => `${formatPoints(e.points)} ${e.label}${e.count > 1 ? ` (×${e.count})` : ""} — ${e.at.slice(0, 10)}`).join("\n")
      : null,
    lastPages: f.lastPages.length ? f.lastPages.map((p) => `${day(p.at)} ${p.path ?? ""}${p.title ? ` — ${p.title}` : ""}`).join("\n") : null,
  };
}

/** The subject and body of the task a salesperson gets when the lead becomes an MQL. */
/** The line of an MQL task that names the event it was made for. */
export const taskRef = (eventId: string) => `Réf. Sillage : ${eventId}`;

export function mqlTask(f: LeadFacts, ref: string): { subject: string; body: string; dueAt: number } {
  const lines = [`Score ${String(Math.round(f.score * 10) / 10).replace(".", ",")} (MQL).`];
  if (f.explanation.length) lines.push("", ...f.explanation.map((e) => `${formatPoints(e.points)} ${e.label}`));
  if (f.lastPages.length) lines.push("", "Dernières pages vues :", ...f.lastPages.map((p) => `${day(p.at)} ${p.path ?? ""}`));
  // The event's reference lets a later try find this task when the answer to its creation was lost.
  lines.push("", ref);
  return {
    subject: `Sillage : ${f.name} est un MQL — à traiter`,
    body: lines.join("\n"),
    // A lead without an SLA deadline gets a task due in 48 h, the default SLA.
    dueAt: f.slaDueAt ?? (f.mqlAt ?? Date.now()) + 48 * 3_600_000,
  };
}
