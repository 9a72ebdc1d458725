import type { HeadcountRange } from "./headcount";
import type { CompanyCategory } from "./events";
import type { NafSection } from "./naf";
import type { Pattern } from "./patterns";
import type { SignalKind } from "./signal-config";

/**
 * Conditions are JSON objects with exactly one key. Composites (`all`, `any`, `not`) nest; leaves look either at
 * the hit being scored ("hit leaves") or at what is known about the lead ("lead leaves").
 *
 * A rule whose condition contains a hit leaf is a *hit rule*: it is checked on each hit and earns points per
 * matching hit (once, or repeatedly up to a cap, with optional decay). Any other rule is a *state rule*: it holds
 * or not at a given moment (fit, persona, counters, signals) and is evaluated when the score is read.
 */
export type PatternList = Pattern | readonly Pattern[];

export interface EventMatch {
  /** Event name pattern (`download`). */
  name?: PatternList;
  /** Property patterns, all required: `{ asset: "livre-blanc*" }`. Numbers and booleans compare as text. */
  props?: Readonly<Record<string, PatternList>>;
  /** Page on which the event happened. */
  path?: PatternList;
}

export interface MetricCondition {
  /** Built-in metric (`sessions`, `pageviews`, `pagesPerSession`, `timeOnSiteSeconds`, `visitors`) or a model counter id. */
  name: string;
  gte?: number;
  lte?: number;
  /** Count only the last N days (calendar days in UTC, today included). Absent = the lead's whole history. */
  withinDays?: number;
}

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  // hit leaves
  | { readonly path: PatternList } // a page view whose path matches
  | { readonly url: PatternList } // a page view whose full URL matches (query strings, campaigns)
  | { readonly event: string | EventMatch } // a custom event
  | { readonly form: true | { readonly path?: PatternList } } // a form submitted (tracker `identify`)
  | { readonly timeOnPage: { readonly gteSeconds: number; readonly path?: PatternList } } // engaged time on one page crosses the bound
  // lead leaves: company
  | { readonly headcount: HeadcountRange }
  | { readonly naf: { readonly sections?: readonly NafSection[]; readonly codes?: readonly string[]; readonly prefixes?: readonly string[] } }
  | { readonly departement: readonly string[] }
  | { readonly region: readonly string[] }
  | { readonly revenue: { readonly gte?: number; readonly lte?: number } }
  | { readonly category: readonly CompanyCategory[] }
  | { readonly networkKind: readonly string[] }
  // lead leaves: contacts (true when any contact of the lead matches)
  | { readonly persona: string | readonly string[] }
  | { readonly jobTitle: PatternList }
  | { readonly emailDomain: PatternList }
  // lead leaves: behaviour so far
  | { readonly metric: MetricCondition }
  | { readonly signal: SignalKind };

export const COMPOSITE_KEYS = ["all", "any", "not"] as const;
export const HIT_LEAF_KEYS = ["path", "url", "event", "form", "timeOnPage"] as const;
export const LEAD_LEAF_KEYS = [
  "headcount",
  "naf",
  "departement",
  "region",
  "revenue",
  "category",
  "networkKind",
  "persona",
  "jobTitle",
  "emailDomain",
  "metric",
  "signal",
] as const;
export const CONDITION_KEYS = [...COMPOSITE_KEYS, ...HIT_LEAF_KEYS, ...LEAD_LEAF_KEYS] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

export const BUILTIN_METRICS = ["sessions", "pageviews", "pagesPerSession", "timeOnSiteSeconds", "visitors"] as const;
export type BuiltinMetric = (typeof BUILTIN_METRICS)[number];

/** The single key of a validated condition. */
export function conditionKey(condition: Condition): ConditionKey {
  return Object.keys(condition)[0] as ConditionKey;
}

export function children(condition: Condition): readonly Condition[] {
  if ("all" in condition) return condition.all;
  if ("any" in condition) return condition.any;
  if ("not" in condition) return [condition.not];
  return [];
}

/** Visits every leaf with its path below the condition (for validation messages). */
export function forEachLeaf(condition: Condition, visit: (leaf: Condition, path: (string | number)[]) => void, path: (string | number)[] = []): void {
  const key = conditionKey(condition);
  if (key === "all" || key === "any") {
    children(condition).forEach((child, i) => {
      forEachLeaf(child, visit, [...path, key, i]);
    });
  } else if (key === "not") {
    forEachLeaf((condition as { not: Condition }).not, visit, [...path, "not"]);
  } else {
    visit(condition, path);
  }
}

export function hasHitLeaf(condition: Condition): boolean {
  let found = false;
  forEachLeaf(condition, (leaf) => {
    if ((HIT_LEAF_KEYS as readonly string[]).includes(conditionKey(leaf))) found = true;
  });
  return found;
}
