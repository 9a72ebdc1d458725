import type { LeadListParams, LeadSummary } from "@sillage/shared/api/leads";
import { UTF8_BOM, csvLine, neutralizeFormula } from "@sillage/shared/csv";

/** The feed's filters as they sit in the URL (`/app/leads?status=mql&minScore=50`): a view is its query string. */
export const FILTER_KEYS = ["q", "status", "minScore", "naf", "headcountMin", "networkKind", "lastSeenFrom", "sort"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filtersFromSearch(search: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = search.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

export function searchFromFilters(f: Filters): string {
  const s = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) s.set(k, f[k]!);
  const text = s.toString();
  return text ? `?${text}` : "";
}

/** Filters → the API's list parameters (dates as the start of the UTC day). */
export function listParams(f: Filters, cursor?: string): LeadListParams {
  const minScore = f.minScore !== undefined && f.minScore !== "" ? Number(f.minScore) : undefined;
  return {
    q: f.q,
    status: f.status as LeadListParams["status"],
    minScore: Number.isFinite(minScore) ? minScore : undefined,
    naf: f.naf,
    headcountMin: f.headcountMin,
    networkKind: f.networkKind,
    lastSeenFrom: f.lastSeenFrom ? `${f.lastSeenFrom}T00:00:00.000Z` : undefined,
    sort: (f.sort as LeadListParams["sort"]) ?? "score",
    limit: 50,
    cursor,
  };
}

export interface SavedView {
  name: string;
  search: string;
}

const VIEWS_KEY = "sillage.console.views";

/** Saved views are this browser's (filters only, nothing personal or secret). */
export function loadViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(VIEWS_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((v): v is SavedView => typeof v?.name === "string" && typeof v?.search === "string") : [];
  } catch {
    return [];
  }
}

export function storeViews(views: SavedView[]) {
  localStorage.setItem(VIEWS_KEY, JSON.stringify(views));
}

/** The leads of the view as a CSV Excel (FR) opens: BOM, `;`, CRLF, formulas neutralised. */
export function leadsCsv(leads: readonly LeadSummary[], headers: readonly string[]): string {
  let csv = UTF8_BOM + csvLine([...headers]);
  for (const l of leads) {
    const row = [
      l.name,
      l.siren ?? "",
      l.city ?? "",
      l.headcountLabel ?? "",
      l.nafLabel ?? "",
      l.status,
      String(Math.round(l.score)),
      l.lastSeenAt,
      l.sla?.dueAt ?? "",
    ];
    csv += csvLine(row.map(neutralizeFormula));
  }
  return csv;
}
