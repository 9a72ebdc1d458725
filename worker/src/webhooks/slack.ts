import type { DeliveredLead, LeadEvent, LeadEventType } from "@sillage/shared/api/delivered-lead";
import type { SiteEvent } from "@sillage/shared/api/site-event";

/**
 * Slack incoming-webhook body for a lead event, in French: `text` is what notifications and old clients show,
 * `blocks` the card in the channel. Everything a salesperson needs to decide whether to call is on the card;
 * the full payload is one click away through the API link.
 */

const TITLES: Record<LeadEventType, { emoji: string; title: string }> = {
  "lead.identified": { emoji: ":office:", title: "Nouvelle entreprise identifiée" },
  "lead.mql": { emoji: ":fire:", title: "Nouveau MQL" },
  "lead.sql": { emoji: ":white_check_mark:", title: "Lead accepté (SQL)" },
  "lead.rejected": { emoji: ":leftwards_arrow_with_hook:", title: "MQL rejeté" },
  "lead.sla_overdue": { emoji: ":alarm_clock:", title: "SLA dépassé : MQL sans réponse" },
};

type Block = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's mrkdwn gives &, < and > a meaning; user data (company names, page titles) must not. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function link(url: string, label: string): string {
  // "|" and ">" end a Slack link: percent-encode them in the URL.
  return `<${url.replace(/\|/g, "%7C").replace(/>/g, "%3E")}|${escapeMrkdwn(label)}>`;
}

const decimal = (n: number) => (Math.round(n * 10) / 10).toString().replace(".", ",");

/** "27,4 Md€", "12,3 M€", "850 k€": the order of magnitude is what matters at a glance. */
export function formatEurosShort(amount: number): string {
  const abs = Math.abs(amount);
  if (abs >= 1e9) return `${decimal(amount / 1e9)} Md€`;
  if (abs >= 1e6) return `${decimal(amount / 1e6)} M€`;
  if (abs >= 1e3) return `${Math.round(amount / 1e3)} k€`;
  return `${Math.round(amount)} €`;
}

const PARIS = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "12/05/2026 14:03", Paris time: the team reading the channel is in France. */
export function formatParisDateTime(isoDate: string): string {
  return PARIS.format(new Date(isoDate)).replace(",", "");
}

const spacedSiren = (siren: string) => siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");

function scoreText(lead: DeliveredLead): string {
  const value = decimal(lead.score.value);
  return lead.score.threshold != null ? `${value} / ${decimal(lead.score.threshold)}` : value;
}

function companyFields(lead: DeliveredLead): Block[] {
  const c = lead.company;
  const fields: [string, string | null][] = [
    ["Score", scoreText(lead)],
    ["SIREN", c.siren ? spacedSiren(c.siren) : null],
    ["Effectif", c.headcountLabel],
    ["Chiffre d'affaires", c.revenue != null ? `${formatEurosShort(c.revenue)}${c.revenueYear ? ` (${c.revenueYear})` : ""}` : null],
    ["Activité", c.nafLabel ? `${c.nafLabel}${c.nafCode ? ` (${c.nafCode})` : ""}` : c.nafCode],
    ["Ville", c.city],
    ["Catégorie", c.category],
  ];
  return fields.filter(([, v]) => v).map(([k, v]) => ({ type: "mrkdwn", text: `*${k}*\n${escapeMrkdwn(v!)}` }));
}

function contactText(lead: DeliveredLead): string | null {
  const p = lead.contact;
  if (!p) return null;
  const who = [p.name, p.jobTitle]
    .filter(Boolean)
    .map((s) => escapeMrkdwn(s!))
    .join(", ");
  const reach = [p.email ? escapeMrkdwn(p.email) : null, p.phone ? escapeMrkdwn(p.phone) : null, p.linkedinUrl ? link(p.linkedinUrl, "LinkedIn") : null].filter(
    Boolean,
  );
  const lines = [who, reach.join(" · ")].filter((s) => s.length > 0);
  return lines.length ? `*Contact*\n${lines.join("\n")}` : null;
}

function pageText(lead: DeliveredLead): string | null {
  const page = lead.lastPage;
  if (!page) return null;
  const label = (page.title || page.path || page.url || "page").slice(0, 150);
  const where = page.url ? link(page.url, label) : escapeMrkdwn(label);
  return `*Page visitée* : ${where}, le ${formatParisDateTime(page.at)}`;
}

export function slackMessage(event: LeadEvent): SlackMessage {
  const { lead } = event.data;
  const { emoji, title } = TITLES[event.type];
  const test = event.test ? "[Test] " : "";
  const text = `${test}${emoji} ${title} : ${escapeMrkdwn(lead.name)} (score ${scoreText(lead)})`;
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: `${test}${title} : ${lead.name}`.slice(0, 150), emoji: true } },
    { type: "section", fields: companyFields(lead).slice(0, 10) },
  ];
  for (const part of [contactText(lead), pageText(lead)]) {
    if (part) blocks.push({ type: "section", text: { type: "mrkdwn", text: part } });
  }
  const why = lead.score.explanation.slice(0, 3).map((l) => escapeMrkdwn(l.text));
  const links = [
    lead.company.linkedinUrl ? link(lead.company.linkedinUrl, "Page LinkedIn") : null,
    lead.links.apiUrl ? link(lead.links.apiUrl, "Voir le lead") : null,
  ].filter(Boolean);
  const context = [...why, ...(links.length ? [links.join(" · ")] : [])];
  if (context.length) blocks.push({ type: "context", elements: context.map((t) => ({ type: "mrkdwn", text: t })) });
  return { text, blocks };
}

/** Slack card for a site event (`site.quota_reached`): who should act, and where to change the setting. */
export function siteSlackMessage(event: SiteEvent): SlackMessage {
  const { site, day, quotaMb } = event.data;
  const test = event.test ? "[Test] " : "";
  const text = `${test}:warning: Quota de stockage atteint : ${escapeMrkdwn(site.name)} (${quotaMb} Mo le ${day})`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: "Les visites suivantes de la journée (UTC) ne sont pas enregistrées. Réglage : `siteDailyQuotaMb` (PATCH /api/v1/workspace).",
          },
        ],
      },
    ],
  };
}

/** The Slack card for any stored event payload. */
export function slackMessageFor(event: LeadEvent | SiteEvent): SlackMessage {
  return event.type.startsWith("site.") ? siteSlackMessage(event as SiteEvent) : slackMessage(event as LeadEvent);
}
