import type { Firmographics } from "./events";

/**
 * Everything scoring keeps about one lead between events: per-rule contributions and the counters the rules need,
 * never the hit history. JSON-serialisable (store it as a TEXT column) and bounded whatever the number of hits:
 * per-day buckets cover only the model's longest window, id maps are pruned and capped.
 */
export interface ScoreState {
  /** Layout of this object, for future migrations. */
  readonly schema: 1;
  /** Model version the state was fully computed with; another version means a background rescore is due. */
  modelVersion: number;
  /** A company or a contact is known. */
  identified: boolean;
  /** Number of events applied. */
  events: number;
  firstHitAt: number | null;
  lastHitAt: number | null;
  lastEventAt: number | null;
  company: Firmographics | null;
  companyAt: number | null;
  /** By contact id, at most MAX_CONTACTS (most recently updated kept). */
  contacts: Record<string, ContactFacts>;
  /** By rule id. */
  rules: Record<string, RuleRecord>;
  metrics: Metrics;
  signals: SignalRecords;
}

export interface ContactFacts {
  /** Job title as normalizeTitle() leaves it (no accents, lower case): what persona rules match. */
  title?: string;
  /** Lower-case domain of the e-mail address. */
  emailDomain?: string;
  at: number;
}

/**
 * The rule log. Hit rules keep the times of their most recent contributions (at most the rule's cap, so a
 * repeat refreshes the oldest); state rules keep when they last became true.
 */
export interface RuleRecord {
  /** Times the rule matched, ever (hit rules), or times it became true (state rules). */
  count: number;
  /** Hit rules: contribution times, ascending. */
  times?: number[];
  /** State rules: true since this time at the last event; absent while false. */
  since?: number;
}

/** Counts of one UTC day. Short keys: a state carries dozens of these. */
export interface DayBucket {
  /** day number (days since 1970-01-01 UTC) */
  d: number;
  /** sessions started */
  s?: number;
  /** page views */
  pv?: number;
  /** engaged milliseconds */
  ms?: number;
  /** model counters (non-distinct) */
  c?: Record<string, number>;
}

export interface Metrics {
  /** Lifetime totals. */
  sessions: number;
  pageviews: number;
  engagedMs: number;
  /** Ascending by day, only days with activity, within the model's longest window. */
  days: DayBucket[];
  /** Session ids seen recently → last hit time: a new id opens a session. */
  openSessions: Record<string, number>;
  /** Page-view ids seen recently → engaged ms reported so far (engagement beacons are cumulative). */
  pages: Record<string, { ms: number; at: number }>;
  /** Visitor id → last hit time, within the longest visitor window. */
  visitors: Record<string, number>;
  counters: Record<string, CounterRecord>;
}

export interface CounterRecord {
  /** Matching hits, ever. */
  n: number;
  /** Distinct counters: piece key → last time seen (most recent MAX_DISTINCT_KEYS kept). */
  keys?: Record<string, number>;
}

export interface SignalRecords {
  /** Last hit that came after a long silence, and how long the silence was. */
  returnAt?: number;
  returnSilenceDays?: number;
  /** Last hit on a high-intent page. */
  highIntentAt?: number;
  highIntentPath?: string;
  /** Last form or download. */
  conversionAt?: number;
  conversionWhat?: string;
  /** Level signals: active since (as of the last event). */
  committeeSince?: number;
  surgeSince?: number;
}

export const MAX_CONTACTS = 50;
export const MAX_OPEN_SESSIONS = 50;
export const MAX_VISITORS = 200;
/** Session and page-view ids are forgotten after this much inactivity (sessions end after 30 minutes). */
export const OPEN_SESSION_TTL_MS = 2 * 3600 * 1000;

export function emptyState(modelVersion: number): ScoreState {
  return {
    schema: 1,
    modelVersion,
    identified: false,
    events: 0,
    firstHitAt: null,
    lastHitAt: null,
    lastEventAt: null,
    company: null,
    companyAt: null,
    contacts: {},
    rules: {},
    metrics: { sessions: 0, pageviews: 0, engagedMs: 0, days: [], openSessions: {}, pages: {}, visitors: {}, counters: {} },
    signals: {},
  };
}

/**
 * A working copy for one event: containers are copied, their entries shared. Code that changes an entry
 * (a day bucket, a rule record, a counter) replaces it with a modified copy, so the input state is never
 * modified and the copy costs little however large the state is.
 */
export function draftOf(state: ScoreState): ScoreState {
  const m = state.metrics;
  return {
    ...state,
    contacts: { ...state.contacts },
    rules: { ...state.rules },
    signals: { ...state.signals },
    metrics: {
      ...m,
      days: m.days.slice(),
      openSessions: { ...m.openSessions },
      pages: { ...m.pages },
      visitors: { ...m.visitors },
      counters: { ...m.counters },
    },
  };
}

/** Deep copy of a JSON value; faster than structuredClone on small objects and available everywhere. */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = cloneJson((value as Record<string, unknown>)[key]);
  return out as T;
}

export const DAY_MS = 86_400_000;

export function dayOf(at: number): number {
  return Math.floor(at / DAY_MS);
}
