import type { HitEvent } from "./events";
import type { CompiledModel, EvalContext, HitFacts } from "./compiled-model";
import { MAX_DISTINCT_KEYS } from "./model-schema";
import { dayOf, MAX_OPEN_SESSIONS, MAX_VISITORS, OPEN_SESSION_TTL_MS, type CounterRecord, type DayBucket, type ScoreState } from "./state";

/**
 * Behaviour counters, kept incrementally: lifetime totals plus per-day buckets over the model's longest window.
 * Windows are calendar days in UTC: "within 7 days" at time t = today (UTC) and the 6 days before.
 */

/** Updates the lead's counters with one hit (mutates `state`) and returns what rules need to know about the hit. */
export function recordHit(compiled: CompiledModel, state: ScoreState, event: HitEvent): HitFacts {
  const m = state.metrics;
  const at = event.at;
  const url = event.url ?? null;
  const path = event.path ?? pathOf(url);
  const day = dayOf(at);
  const bucket = bucketFor(state, day, day - compiled.lookbackDays + 1);

  if (m.openSessions[event.sessionId] === undefined) {
    m.sessions++;
    bucket.s = (bucket.s ?? 0) + 1;
    pruneRecent(m.openSessions, at, (v) => v);
  }
  m.openSessions[event.sessionId] = Math.max(m.openSessions[event.sessionId] ?? at, at);

  if (event.hitType === "pageview") {
    m.pageviews++;
    bucket.pv = (bucket.pv ?? 0) + 1;
  }

  let pagePrevMs = 0;
  let pageMs = 0;
  if (event.hitType === "engagement" && event.engagedMs !== undefined) {
    // Beacons report the page's cumulative engaged time: count only what is new.
    const page = event.pageId !== undefined ? m.pages[event.pageId] : undefined;
    pagePrevMs = page?.ms ?? 0;
    pageMs = Math.max(pagePrevMs, event.engagedMs);
    const delta = pageMs - pagePrevMs;
    m.engagedMs += delta;
    if (delta > 0) bucket.ms = (bucket.ms ?? 0) + delta;
    if (event.pageId !== undefined) {
      if (!page) pruneRecent(m.pages, at, (v) => v.at);
      m.pages[event.pageId] = { ms: pageMs, at: Math.max(page?.at ?? at, at) };
    }
  }

  if (m.visitors[event.visitorId] === undefined) pruneVisitors(state, day - compiled.visitorDays + 1);
  m.visitors[event.visitorId] = Math.max(m.visitors[event.visitorId] ?? at, at);

  const facts: HitFacts = { event, path, url, pagePrevMs, pageMs };
  if (compiled.counters.length > 0) {
    const ctx: EvalContext = { compiled, state, at, hit: facts, memo: new Map() };
    for (const counter of compiled.counters) {
      if (!counter.test(ctx)) continue;
      const previous = m.counters[counter.id];
      const record: CounterRecord = { ...previous, n: (previous?.n ?? 0) + 1 };
      m.counters[counter.id] = record;
      if (!counter.distinctBy) {
        // Distinct counters are windowed through their keys' dates; only plain counts need day buckets.
        bucket.c ??= {};
        bucket.c[counter.id] = (bucket.c[counter.id] ?? 0) + 1;
        continue;
      }
      const key = pieceKey(counter.distinctBy, facts);
      if (key === null) continue;
      const keys = (record.keys = { ...record.keys });
      const seen = keys[key];
      keys[key] = Math.max(seen ?? at, at);
      if (seen === undefined) capByRecency(keys, MAX_DISTINCT_KEYS, (v) => v);
    }
  }

  state.firstHitAt = state.firstHitAt === null ? at : Math.min(state.firstHitAt, at);
  return facts;
}

/** Value of a metric at ctx.at: a built-in one or a model counter. */
export function metricValue(ctx: EvalContext, name: string, withinDays: number | undefined): number {
  const memoKey = `${name}/${withinDays ?? ""}`;
  const cached = ctx.memo.get(memoKey);
  if (cached !== undefined) return cached;
  const value = computeMetric(ctx, name, withinDays);
  ctx.memo.set(memoKey, value);
  return value;
}

function computeMetric(ctx: EvalContext, name: string, withinDays: number | undefined): number {
  const m = ctx.state.metrics;
  const today = dayOf(ctx.at);
  const from = withinDays === undefined ? null : today - withinDays + 1;
  const sum = (pick: (b: DayBucket) => number | undefined) => sumDays(ctx.state, from ?? Number.NEGATIVE_INFINITY, today, pick);
  switch (name) {
    case "sessions":
      return from === null ? m.sessions : sum((b) => b.s);
    case "pageviews":
      return from === null ? m.pageviews : sum((b) => b.pv);
    case "timeOnSiteSeconds":
      return (from === null ? m.engagedMs : sum((b) => b.ms)) / 1000;
    case "pagesPerSession": {
      const sessions = metricValue(ctx, "sessions", withinDays);
      return sessions === 0 ? 0 : metricValue(ctx, "pageviews", withinDays) / sessions;
    }
    case "visitors":
      return countRecent(m.visitors, from ?? Number.NEGATIVE_INFINITY, today);
  }
  const record = m.counters[name];
  if (!record) return 0;
  if (record.keys) return countRecent(record.keys, from ?? Number.NEGATIVE_INFINITY, today);
  return from === null ? record.n : sum((b) => b.c?.[name]);
}

export function sumDays(state: ScoreState, fromDay: number, toDay: number, pick: (b: DayBucket) => number | undefined): number {
  let total = 0;
  const days = state.metrics.days;
  // Ascending: walk back from the most recent day and stop at the window's start.
  for (let i = days.length - 1; i >= 0; i--) {
    const bucket = days[i]!;
    if (bucket.d < fromDay) break;
    if (bucket.d <= toDay) total += pick(bucket) ?? 0;
  }
  return total;
}

/**
 * A writable copy of the day's bucket, put in place of the original (copy-on-write, see draftOf). Events come in
 * time order, so the day is nearly always the last one or a new one; a new day also drops days that have left
 * the longest window.
 */
function bucketFor(state: ScoreState, day: number, keepFromDay: number): DayBucket {
  const days = state.metrics.days;
  let i = days.length - 1;
  while (i >= 0 && days[i]!.d > day) i--;
  if (i >= 0 && days[i]!.d === day) {
    const copy = { ...days[i]! };
    if (copy.c) copy.c = { ...copy.c };
    days[i] = copy;
    return copy;
  }
  const fresh: DayBucket = { d: day };
  days.splice(i + 1, 0, fresh);
  let stale = 0;
  while (stale < days.length && days[stale]!.d < keepFromDay) stale++;
  if (stale > 0) days.splice(0, stale);
  return fresh;
}

export function countRecent(times: Record<string, number>, fromDay: number, toDay: number): number {
  let n = 0;
  for (const key in times) {
    const d = dayOf(times[key]!);
    if (d >= fromDay && d <= toDay) n++;
  }
  return n;
}

/** `https://x.fr/tarifs?a=1` → `/tarifs`; null when there is no parsable URL. */
export function pathOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** Names one content piece: `props.asset:livre-blanc`, `path:/etudes-de-cas/x`. */
function pieceKey(fields: readonly string[], hit: HitFacts): string | null {
  for (const field of fields) {
    let value: string | number | boolean | null | undefined;
    if (field === "path") value = hit.path;
    else if (field === "url") value = hit.url;
    else if (field === "event") value = hit.event.name;
    else value = hit.event.props?.[field.slice("props.".length)];
    if (value !== undefined && value !== null && value !== "") return `${field}:${String(value)}`;
  }
  return null;
}

function pruneVisitors(state: ScoreState, keepFromDay: number): void {
  const visitors = state.metrics.visitors;
  for (const id in visitors) if (dayOf(visitors[id]!) < keepFromDay) delete visitors[id];
  capByRecency(visitors, MAX_VISITORS - 1, (v) => v);
}

/** Forgets session/page ids idle for longer than a session can last, then caps the map. */
function pruneRecent<T>(map: Record<string, T>, at: number, timeOf: (v: T) => number): void {
  for (const id in map) if (timeOf(map[id]!) < at - OPEN_SESSION_TTL_MS) delete map[id];
  capByRecency(map, MAX_OPEN_SESSIONS - 1, timeOf);
}

/** Drops the oldest entries beyond `max`. Rarely runs: maps are pruned by age first. */
export function capByRecency<T>(map: Record<string, T>, max: number, timeOf: (v: T) => number): void {
  const keys = Object.keys(map);
  if (keys.length <= max) return;
  keys.sort((a, b) => timeOf(map[a]!) - timeOf(map[b]!));
  for (const key of keys.slice(0, keys.length - max)) delete map[key];
}
