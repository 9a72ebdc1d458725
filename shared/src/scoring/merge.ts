import { capByRecency } from "./metrics";
import { MAX_DISTINCT_KEYS } from "./model-schema";
import {
  cloneJson,
  MAX_CONTACTS,
  MAX_OPEN_SESSIONS,
  MAX_VISITORS,
  type CounterRecord,
  type DayBucket,
  type RuleRecord,
  type ScoreState,
  type SignalRecords,
} from "./state";

/**
 * Merges two leads' scoring states when identification joins them (an anonymous visitor turns out to belong to a
 * known company, a free-mail contact's company becomes known). Counters add up, contributions are pooled (each
 * rule keeps its most recent ones on the next read or event), signals keep their latest dates.
 *
 * Exact for counters and for hit rules that only look at the hit; approximate for conditions evaluated at hit
 * time against the lead (the merged lead would have answered differently). When the events of both leads are
 * available, a background `rescore` of the merged history gives the exact state; merge is the immediate answer.
 * If the two states were computed with different model versions, the result carries the older one, so that
 * `needsRescore` schedules the rescore.
 */
export function mergeStates(a: ScoreState, b: ScoreState): ScoreState {
  const out = cloneJson(a);
  out.modelVersion = Math.min(a.modelVersion, b.modelVersion);
  out.identified = a.identified || b.identified;
  out.events = a.events + b.events;
  out.firstHitAt = minOf(a.firstHitAt, b.firstHitAt);
  out.lastHitAt = maxOf(a.lastHitAt, b.lastHitAt);
  out.lastEventAt = maxOf(a.lastEventAt, b.lastEventAt);

  // The most recently identified company wins; the other's fields fill gaps only when it is the same company.
  const [newer, older] = (b.companyAt ?? -1) > (a.companyAt ?? -1) ? [b, a] : [a, b];
  const same = newer.company && older.company && (!newer.company.siren || !older.company.siren || newer.company.siren === older.company.siren);
  out.company = newer.company ? { ...(same ? older.company : {}), ...newer.company } : older.company ? { ...older.company } : null;
  out.companyAt = newer.company ? newer.companyAt : older.companyAt;

  for (const [id, contact] of Object.entries(b.contacts)) {
    const mine = out.contacts[id];
    out.contacts[id] = !mine || contact.at >= mine.at ? { ...mine, ...contact } : { ...contact, ...mine };
  }
  capByRecency(out.contacts, MAX_CONTACTS, (c) => c.at);

  for (const [id, record] of Object.entries(b.rules)) out.rules[id] = mergeRule(out.rules[id], record);

  const m = out.metrics;
  const mb = b.metrics;
  m.sessions += mb.sessions;
  m.pageviews += mb.pageviews;
  m.engagedMs += mb.engagedMs;
  m.days = mergeDays(a.metrics.days, mb.days);
  mergeLatest(m.openSessions, mb.openSessions);
  capByRecency(m.openSessions, MAX_OPEN_SESSIONS, (t) => t);
  for (const [id, page] of Object.entries(mb.pages)) {
    const mine = m.pages[id];
    m.pages[id] = mine ? { ms: Math.max(mine.ms, page.ms), at: Math.max(mine.at, page.at) } : { ...page };
  }
  capByRecency(m.pages, MAX_OPEN_SESSIONS, (p) => p.at);
  mergeLatest(m.visitors, mb.visitors);
  capByRecency(m.visitors, MAX_VISITORS, (t) => t);
  for (const [id, counter] of Object.entries(mb.counters)) m.counters[id] = mergeCounter(m.counters[id], counter);

  out.signals = mergeSignals(a.signals, b.signals);
  return out;
}

function mergeRule(a: RuleRecord | undefined, b: RuleRecord): RuleRecord {
  if (!a) return cloneJson(b);
  const out: RuleRecord = { count: a.count + b.count };
  if (a.times || b.times) out.times = [...(a.times ?? []), ...(b.times ?? [])].sort((x, y) => x - y);
  const since = minOf(a.since ?? null, b.since ?? null);
  if (since !== null) out.since = since;
  return out;
}

/** Both lists are ascending by day: a merge walk. */
function mergeDays(a: DayBucket[], b: DayBucket[]): DayBucket[] {
  const out: DayBucket[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || x.d < y.d)) out.push(cloneJson(x)), i++;
    else if (y && (!x || y.d < x.d)) out.push(cloneJson(y)), j++;
    else out.push(mergeBucket(x!, y!)), i++, j++;
  }
  return out;
}

function mergeBucket(a: DayBucket, b: DayBucket): DayBucket {
  const out: DayBucket = { d: a.d };
  const add = (x?: number, y?: number) => (x ?? 0) + (y ?? 0);
  if (a.s !== undefined || b.s !== undefined) out.s = add(a.s, b.s);
  if (a.pv !== undefined || b.pv !== undefined) out.pv = add(a.pv, b.pv);
  if (a.ms !== undefined || b.ms !== undefined) out.ms = add(a.ms, b.ms);
  if (a.c || b.c) {
    out.c = { ...a.c };
    for (const [id, n] of Object.entries(b.c ?? {})) out.c[id] = add(out.c[id], n);
  }
  return out;
}

function mergeCounter(a: CounterRecord | undefined, b: CounterRecord): CounterRecord {
  if (!a) return cloneJson(b);
  const out: CounterRecord = { n: a.n + b.n };
  if (a.keys || b.keys) {
    out.keys = { ...a.keys };
    mergeLatest(out.keys, b.keys ?? {});
    capByRecency(out.keys, MAX_DISTINCT_KEYS, (t) => t);
  }
  return out;
}

function mergeSignals(a: SignalRecords, b: SignalRecords): SignalRecords {
  const out: SignalRecords = {};
  const later = <K extends keyof SignalRecords>(timeKey: K, ...details: (keyof SignalRecords)[]) => {
    const pick = (b[timeKey] ?? -1) > (a[timeKey] ?? -1) ? b : a;
    for (const key of [timeKey, ...details]) if (pick[key] !== undefined) (out as Record<string, unknown>)[key] = pick[key];
  };
  later("returnAt", "returnSilenceDays");
  later("highIntentAt", "highIntentPath");
  later("conversionAt", "conversionWhat");
  const committee = minOf(a.committeeSince ?? null, b.committeeSince ?? null);
  if (committee !== null) out.committeeSince = committee;
  const surge = minOf(a.surgeSince ?? null, b.surgeSince ?? null);
  if (surge !== null) out.surgeSince = surge;
  return out;
}

function mergeLatest(into: Record<string, number>, from: Record<string, number>): void {
  for (const [id, t] of Object.entries(from)) into[id] = Math.max(into[id] ?? t, t);
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
