import { createRoute, z } from "@hono/zod-openapi";
import type { DeliveredLead } from "@sillage/shared/api/delivered-lead";
import { csvLine, EXCEL_FR_SEPARATOR, neutralizeFormula, UTF8_BOM } from "@sillage/shared/csv";
import { LEAD_STATUSES, type LeadStatus } from "@sillage/shared/lifecycle/statuses";
import { formatPoints } from "@sillage/shared/scoring/explain-format";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses } from "../http/openapi";
import { listDeliveredLeads, type DeliveredLeadContext, type DeliveredLeadCursor, type DeliveredLeadFilter } from "../leads/delivered-lead";
import { loadActiveModel } from "../scoring/active-model";

/** Leads per D1 query: one query per chunk keeps memory flat and each statement far below D1's limits. */
export const EXPORT_CHUNK_SIZE = 500;

const STATUS_LABELS: Record<LeadStatus, string> = {
  anonymous: "Anonyme",
  identified: "Identifié",
  mql: "MQL",
  sql: "SQL",
  rejected: "Rejeté",
  nurturing: "En nurturing",
};

const PARIS_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026-05-12 14:03", Paris time: Excel FR reads it as a date-time, and it sorts as text too. */
function parisDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const p = Object.fromEntries(PARIS_PARTS.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Excel FR expects a decimal comma; a "13.5" would be read as text (or a date). */
const number = (n: number | null | undefined) => (n == null ? "" : String(n).replace(".", ","));

/** Visitor- and register-supplied text: neutralised so that no cell runs as a formula. */
const text = (s: string | null | undefined) => (s == null ? "" : neutralizeFormula(s));

/** The delivered-lead fields, as a French-speaking team reads them. Headers are the contract of the file. */
const COLUMNS: readonly [string, (l: DeliveredLead) => string][] = [
  ["Entreprise", (l) => text(l.name)],
  ["Statut", (l) => STATUS_LABELS[l.status]],
  ["Score", (l) => number(l.score.value)],
  ["Seuil MQL", (l) => number(l.score.threshold)],
  ["SIREN", (l) => text(l.company.siren)],
  ["SIRET du siège", (l) => text(l.company.headOfficeSiret)],
  ["Établissement visiteur", (l) => text(l.company.establishment?.label)],
  ["SIRET de l'établissement", (l) => text(l.company.establishment?.siret)],
  ["Effectif", (l) => text(l.company.headcountLabel)],
  ["Tranche d'effectif (code INSEE)", (l) => text(l.company.headcountCode)],
  ["Chiffre d'affaires (€)", (l) => number(l.company.revenue)],
  ["Année du chiffre d'affaires", (l) => number(l.company.revenueYear)],
  ["Code NAF", (l) => text(l.company.nafCode)],
  ["Activité (NAF)", (l) => text(l.company.nafLabel)],
  ["Catégorie", (l) => text(l.company.category)],
  ["Ville", (l) => text(l.company.city)],
  ["Code postal", (l) => text(l.company.postalCode)],
  ["Site web", (l) => text(l.company.domain)],
  ["Page LinkedIn", (l) => text(l.company.linkedinUrl)],
  ["Contact", (l) => text(l.contact?.name)],
  ["Fonction", (l) => text(l.contact?.jobTitle)],
  ["E-mail", (l) => text(l.contact?.email)],
  ["Téléphone", (l) => text(l.contact?.phone)],
  ["LinkedIn du contact", (l) => text(l.contact?.linkedinUrl)],
  ["Dernière page visitée", (l) => text(l.lastPage?.url)],
  ["Date de la dernière visite", (l) => parisDateTime(l.lastPage?.at)],
  ["Première page visitée", (l) => text(l.firstPage?.url)],
  ["Date de la première visite", (l) => parisDateTime(l.firstPage?.at)],
  ["Dernière activité", (l) => parisDateTime(l.lastSeenAt)],
  ["Échéance SLA", (l) => parisDateTime(l.slaDueAt)],
  // "Page Tarifs (+20), Livre blanc (+15)": label first, so the cell never starts with a sign.
  ["Explication du score", (l) => text(l.score.explanation.map((x) => `${x.label} (${formatPoints(x.points)})`).join(", "))],
  ["Identifiant", (l) => text(l.id)],
  ["Lien API", (l) => text(l.links.apiUrl ?? l.links.api)],
];

export const EXPORT_CSV_HEADERS = COLUMNS.map(([h]) => h);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

const exportRoute = createRoute({
  method: "get",
  path: "/leads/export.csv",
  summary: "Export leads as CSV for Excel (UTF-8 with BOM, `;` separated), streamed",
  description:
    "One line per lead with the delivered-lead fields (company, legal identity, headcount, revenue, NAF, contact, pages visited, score). " +
    "`status` takes one status or a comma-separated list (default: every status but anonymous); `from`/`to` bound the last activity date (UTC days, inclusive). " +
    "Most recently active first.",
  request: {
    query: z.object({
      status: z.string().max(100).optional().openapi({ example: "mql,sql" }),
      from: day.optional(),
      to: day.optional(),
    }),
  },
  responses: {
    200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(400, 401),
  },
});

function parseStatuses(raw: string | undefined): LeadStatus[] | undefined {
  if (!raw) return undefined;
  const values = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = values.find((v) => !(LEAD_STATUSES as readonly string[]).includes(v));
  if (bad) throw new ApiError("bad_request", `Invalid query: status: "${bad}" is not one of ${LEAD_STATUSES.join(", ")}`);
  return values as LeadStatus[];
}

function dayStart(value: string, field: string): number {
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2026-02-31 over to March 3rd: only a date that formats back to itself is real.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw new ApiError("bad_request", `Invalid query: ${field}: not a calendar date`);
  return ms;
}

export const exportsRoutes = newApp().openapi(exportRoute, async (c) => {
  const { workspaceId } = c.get("auth");
  const query = c.req.valid("query");
  const filter: DeliveredLeadFilter = {
    statuses: parseStatuses(query.status),
    lastSeenFrom: query.from ? dayStart(query.from, "from") : undefined,
    lastSeenTo: query.to ? dayStart(query.to, "to") + 86_400_000 - 1 : undefined,
  };
  if (filter.lastSeenFrom != null && filter.lastSeenTo != null && filter.lastSeenFrom > filter.lastSeenTo)
    throw new ApiError("bad_request", "Invalid query: from is after to");

  const db = c.env.DB;
  const now = Date.now();
  const ctx: DeliveredLeadContext = { model: await loadActiveModel(db, workspaceId), now, baseUrl: new URL(c.req.url).origin };
  const encoder = new TextEncoder();
  let cursor: DeliveredLeadCursor | null = null;
  let started = false;

  // Pull-driven: the next chunk is read from D1 only when the client has taken the previous one, so a slow
  // download holds one chunk in memory, never the table.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvLine(EXPORT_CSV_HEADERS, EXCEL_FR_SEPARATOR)));
          return;
        }
        const page = await listDeliveredLeads(db, workspaceId, filter, cursor, EXPORT_CHUNK_SIZE, ctx);
        if (page.leads.length) {
          controller.enqueue(
            encoder.encode(
              page.leads
                .map((l) =>
                  csvLine(
                    COLUMNS.map(([, cell]) => cell(l)),
                    EXCEL_FR_SEPARATOR,
                  ),
                )
                .join(""),
            ),
          );
        }
        cursor = page.next;
        if (!cursor) controller.close();
      } catch (err) {
        // Headers are gone already: the best we can do is cut the file, which the client sees as an error.
        console.error("csv export", workspaceId, err);
        controller.error(err);
      }
    },
  });

  const date = parisDateTime(new Date(now).toISOString()).slice(0, 10);
  return c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="sillage-leads-${date}.csv"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
});
