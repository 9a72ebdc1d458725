import type { LeadListQuery, LeadStatus } from "@sillage/shared/api/leads";
import { headcountBracket } from "@sillage/shared/firmographics/headcount";
import { normalizeNafCode } from "@sillage/shared/firmographics/naf";
import { nameSearchTokens } from "../name-search";
import { decodeCursor, type CursorPosition, type SortKey, type SortOrder } from "./cursor";

/** What `GET /leads` asks for, in the units SQL wants (epoch ms, NAF codes with their dot). */
export interface ListFilters {
  statuses: LeadStatus[] | null;
  minScore: number | null;
  maxScore: number | null;
  /** Inclusive lower bound on last_seen_at. */
  lastSeenFrom: number | null;
  /** Exclusive upper bound on last_seen_at. */
  lastSeenBefore: number | null;
  networkKinds: string[] | null;
  nafSections: string[] | null;
  /** Exact NAF codes ("62.01Z") and code prefixes ("62", "62.0"); a lead matches either. */
  nafCodes: string[];
  nafPrefixes: string[];
  /** Minimum employees: companies whose bracket starts at or above it. */
  headcountAtLeast: number | null;
  /** Name words every result must contain (see name-search.ts). */
  nameTokens: string[] | null;
}

export interface ListPlan {
  filters: ListFilters;
  sort: SortKey;
  order: SortOrder;
  limit: number;
  after: CursorPosition | null;
}

export type PlanResult = { ok: true; plan: ListPlan } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date means its first instant (from) or the whole day (to); a date-time means itself. */
function instant(text: string, bound: "from" | "to"): number {
  const ms = Date.parse(DATE_ONLY.test(text) ? `${text}T00:00:00Z` : text);
  if (bound === "from") return ms;
  return DATE_ONLY.test(text) ? ms + DAY_MS : ms + 1;
}

/** "62.01Z" / "6201z" → an exact code; "62", "62.0", "6201" → a prefix of codes ("62.01"). */
export function nafFilterOf(item: string): { code: string } | { prefix: string } | null {
  const code = normalizeNafCode(item);
  if (code) return { code };
  if (/[a-z]/i.test(item)) return null;
  const digits = item.replace(".", "");
  if (!/^\d{1,4}$/.test(digits)) return null;
  return { prefix: digits.length <= 2 ? digits : `${digits.slice(0, 2)}.${digits.slice(2)}` };
}

/** Validates the combination of list parameters (each one was validated by the schema). Pure. */
export function planList(query: LeadListQuery): PlanResult {
  const sort = query.sort;
  const order: SortOrder = query.order ?? (sort === "name" ? "asc" : "desc");

  if (query.minScore !== undefined && query.maxScore !== undefined && query.minScore > query.maxScore) {
    return { ok: false, message: "minScore is greater than maxScore" };
  }
  const lastSeenFrom = query.lastSeenFrom ? instant(query.lastSeenFrom, "from") : null;
  const lastSeenBefore = query.lastSeenTo ? instant(query.lastSeenTo, "to") : null;
  if (lastSeenFrom !== null && lastSeenBefore !== null && lastSeenFrom >= lastSeenBefore) {
    return { ok: false, message: "lastSeenFrom is after lastSeenTo" };
  }

  const nafCodes: string[] = [];
  const nafPrefixes: string[] = [];
  for (const item of query.naf ?? []) {
    const f = nafFilterOf(item);
    if (!f) return { ok: false, message: `naf: "${item}" is neither a NAF code (62.01Z) nor a prefix (62, 62.01)` };
    if ("code" in f) nafCodes.push(f.code);
    else nafPrefixes.push(f.prefix);
  }

  let nameTokens: string[] | null = null;
  if (query.q !== undefined) {
    nameTokens = nameSearchTokens(query.q);
    if (nameTokens.length === 0) return { ok: false, message: "q: give at least one letter or digit" };
  }

  let after: CursorPosition | null = null;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor);
    if (!after) return { ok: false, message: "cursor: not a cursor this API returned" };
    if (after.sort !== sort || after.order !== order) {
      return { ok: false, message: `cursor: it continues a list sorted by ${after.sort} ${after.order}, not ${sort} ${order}` };
    }
  }

  return {
    ok: true,
    plan: {
      sort,
      order,
      limit: query.limit,
      after,
      filters: {
        statuses: query.status ? [...new Set(query.status)] : null,
        minScore: query.minScore ?? null,
        maxScore: query.maxScore ?? null,
        lastSeenFrom,
        lastSeenBefore,
        networkKinds: query.networkKind ? [...new Set(query.networkKind)] : null,
        nafSections: query.nafSection ? [...new Set(query.nafSection)] : null,
        nafCodes,
        nafPrefixes,
        headcountAtLeast: query.headcountMin ? (headcountBracket(query.headcountMin)?.min ?? null) : null,
        nameTokens,
      },
    },
  };
}
