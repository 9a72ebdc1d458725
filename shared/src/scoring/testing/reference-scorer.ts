/**
 * A deliberately naive scorer for tests: it rescans the whole event history for every question, the way the
 * scoring rules are specified, without any of the incremental bookkeeping (no buckets, no pruning, no caps on
 * maps). The property test checks that the incremental engine agrees with it.
 *
 * It shares only the leaf matchers (patterns, personas, headcount brackets, NAF sections) with the engine.
 */
import type { Condition, EventMatch, PatternList } from "../conditions";
import type { Firmographics, HitEvent, ScoringEvent } from "../events";
import { headcountMatches } from "../headcount";
import { normalizeDepartement, regionOfDepartement } from "../geo";
import type { Model, Rule } from "../model-schema";
import { nafSectionOf, normalizeNafCode, normalizeNafPrefix } from "../naf";
import { compilePatterns } from "../patterns";
import { compilePersona, DEFAULT_PERSONAS, normalizeTitle } from "../personas";
import type { SignalKind } from "../signal-config";

const DAY = 86_400_000;
const day = (t: number) => Math.floor(t / DAY);
const test = (p: PatternList, v: string) => compilePatterns(p).test(v);

interface View {
  /** Events known: indexes 0..upto. */
  upto: number;
  at: number;
  hit: { event: HitEvent; path: string | null; url: string | null; prevMs: number; ms: number } | null;
}

export class ReferenceScorer {
  constructor(
    readonly model: Model,
    readonly events: readonly ScoringEvent[],
  ) {}

  private hits(upto: number): { e: HitEvent; i: number }[] {
    const out: { e: HitEvent; i: number }[] = [];
    for (let i = 0; i <= upto; i++) {
      const e = this.events[i]!;
      if (e.kind === "hit") out.push({ e, i });
    }
    return out;
  }

  private path(e: HitEvent): string | null {
    if (e.path !== undefined) return e.path;
    try {
      return e.url ? new URL(e.url).pathname : null;
    } catch {
      return null;
    }
  }

  private views = new Map<number, View>();

  private hitView(i: number): View {
    let view = this.views.get(i);
    if (!view) {
      view = this.buildHitView(i);
      this.views.set(i, view);
    }
    return view;
  }

  private buildHitView(i: number): View {
    const e = this.events[i] as HitEvent;
    let prevMs = 0;
    let ms = 0;
    if (e.hitType === "engagement" && e.engagedMs !== undefined) {
      if (e.pageId !== undefined) {
        for (let j = 0; j < i; j++) {
          const o = this.events[j]!;
          if (o.kind === "hit" && o.hitType === "engagement" && o.pageId === e.pageId && o.engagedMs !== undefined) prevMs = Math.max(prevMs, o.engagedMs);
        }
      }
      ms = Math.max(prevMs, e.engagedMs);
    }
    return { upto: i, at: e.at, hit: { event: e, path: this.path(e), url: e.url ?? null, prevMs, ms } };
  }

  company(upto: number): Firmographics | null {
    let c: Firmographics | null = null;
    for (let i = 0; i <= upto; i++) {
      const e = this.events[i]!;
      if (e.kind !== "company") continue;
      const clean = Object.fromEntries(Object.entries(e.company).filter(([, v]) => v !== undefined)) as Firmographics;
      c = !c || !clean.siren || !c.siren || c.siren === clean.siren ? { ...(c ?? {}), ...clean } : clean;
    }
    return c;
  }

  contacts(upto: number): { title?: string; domain?: string }[] {
    const byId = new Map<string, { title?: string; domain?: string }>();
    for (let i = 0; i <= upto; i++) {
      const e = this.events[i]!;
      if (e.kind !== "contact") continue;
      const c = { ...byId.get(e.contactId) };
      if (e.jobTitle !== undefined) c.title = normalizeTitle(e.jobTitle);
      const domain = e.email?.split("@")[1]?.trim().toLowerCase();
      if (domain) c.domain = domain;
      byId.set(e.contactId, c);
    }
    return [...byId.values()];
  }

  /** Engaged ms added by each engagement hit (beacons are cumulative per page view). */
  private engagedDelta(i: number): number {
    const v = this.hitView(i);
    return v.hit!.ms - v.hit!.prevMs;
  }

  private inWindow(t: number, at: number, withinDays: number | undefined): boolean {
    if (withinDays === undefined) return true;
    return day(t) >= day(at) - withinDays + 1 && day(t) <= day(at);
  }

  private sessionStarts(upto: number): number[] {
    const first = new Map<string, number>();
    for (const { e } of this.hits(upto)) if (!first.has(e.sessionId)) first.set(e.sessionId, e.at);
    return [...first.values()];
  }

  metric(name: string, withinDays: number | undefined, v: View): number {
    const hits = this.hits(v.upto);
    const win = (t: number) => this.inWindow(t, v.at, withinDays);
    switch (name) {
      case "sessions":
        return this.sessionStarts(v.upto).filter(win).length;
      case "pageviews":
        return hits.filter(({ e }) => e.hitType === "pageview" && win(e.at)).length;
      case "timeOnSiteSeconds":
        return hits.filter(({ e }) => e.hitType === "engagement" && win(e.at)).reduce((s, { i }) => s + this.engagedDelta(i), 0) / 1000;
      case "pagesPerSession": {
        const s = this.metric("sessions", withinDays, v);
        return s === 0 ? 0 : this.metric("pageviews", withinDays, v) / s;
      }
      case "visitors":
        return new Set(hits.filter(({ e }) => win(e.at)).map(({ e }) => e.visitorId)).size;
    }
    const counter = this.model.counters[name]!;
    const matching = hits.filter(({ i, e }) => win(e.at) && this.evaluate(counter.when, this.hitView(i)));
    if (!counter.distinctBy) return matching.length;
    const keys = new Set<string>();
    for (const { i } of matching) {
      const h = this.hitView(i).hit!;
      for (const field of counter.distinctBy) {
        const value = field === "path" ? h.path : field === "url" ? h.url : field === "event" ? h.event.name : h.event.props?.[field.slice(6)];
        if (value !== undefined && value !== null && value !== "") {
          keys.add(`${field}:${String(value)}`);
          break;
        }
      }
    }
    return keys.size;
  }

  signal(kind: SignalKind, v: View): boolean {
    const cfg = this.model.signals;
    const hits = this.hits(v.upto).map(({ e }) => e);
    const recent = (t: number | undefined, days: number) => t !== undefined && v.at >= t && v.at - t <= days * DAY;
    switch (kind) {
      case "buying_committee":
        return this.metric("visitors", cfg.buyingCommittee.withinDays, v) >= cfg.buyingCommittee.minVisitors;
      case "surge": {
        if (hits.length === 0) return false;
        const first = Math.min(...hits.map((h) => h.at));
        const today = day(v.at);
        if (day(first) >= today - 6) return false;
        const starts = this.sessionStarts(v.upto).map(day);
        const week = starts.filter((d) => d >= today - 6 && d <= today).length;
        const w = cfg.surge.baselineWeeks;
        const base = starts.filter((d) => d >= today - 6 - 7 * w && d <= today - 7).length / w;
        return week >= cfg.surge.minSessions && week >= cfg.surge.factor * base;
      }
      case "return": {
        let last: number | undefined;
        let maxSoFar: number | undefined;
        for (const h of hits) {
          if (maxSoFar !== undefined && h.at - maxSoFar >= cfg.return.silenceDays * DAY) last = h.at;
          maxSoFar = maxSoFar === undefined ? h.at : Math.max(maxSoFar, h.at);
        }
        return recent(last, cfg.return.activeDays);
      }
      case "high_intent": {
        const times = hits.filter((h) => h.hitType === "pageview" && this.path(h) !== null && test(cfg.highIntent.paths, this.path(h)!)).map((h) => h.at);
        return recent(times.length ? Math.max(...times) : undefined, cfg.highIntent.activeDays);
      }
      case "conversion": {
        const times = hits
          .filter((h) => h.hitType === "identify" || (h.hitType === "event" && h.name !== undefined && cfg.conversion.events.includes(h.name)))
          .map((h) => h.at);
        return recent(times.length ? Math.max(...times) : undefined, cfg.conversion.activeDays);
      }
    }
  }

  evaluate(c: Condition, v: View): boolean {
    const h = v.hit;
    const company = () => this.company(v.upto);
    if ("all" in c) return c.all.every((x) => this.evaluate(x, v));
    if ("any" in c) return c.any.some((x) => this.evaluate(x, v));
    if ("not" in c) return !this.evaluate(c.not, v);
    if ("path" in c) return !!h && h.event.hitType === "pageview" && h.path !== null && test(c.path, h.path);
    if ("url" in c) return !!h && h.event.hitType === "pageview" && h.url !== null && test(c.url, h.url);
    if ("event" in c) {
      const spec: EventMatch = typeof c.event === "string" ? { name: c.event } : c.event;
      if (!h || h.event.hitType !== "event") return false;
      if (spec.name && !test(spec.name, h.event.name ?? "")) return false;
      if (spec.path && (h.path === null || !test(spec.path, h.path))) return false;
      return Object.entries(spec.props ?? {}).every(([k, p]) => h.event.props?.[k] !== undefined && test(p, String(h.event.props[k])));
    }
    if ("form" in c) return !!h && h.event.hitType === "identify" && (c.form === true || !c.form.path || (h.path !== null && test(c.form.path, h.path)));
    if ("timeOnPage" in c) {
      const bound = c.timeOnPage.gteSeconds * 1000;
      return (
        !!h &&
        h.event.hitType === "engagement" &&
        h.prevMs < bound &&
        h.ms >= bound &&
        (!c.timeOnPage.path || (h.path !== null && test(c.timeOnPage.path, h.path)))
      );
    }
    if ("headcount" in c) return headcountMatches(company()?.headcountBracket, c.headcount);
    if ("naf" in c) {
      const code = normalizeNafCode(company()?.nafCode);
      const section = company()?.nafSection ?? nafSectionOf(code);
      return (
        (!!section && (c.naf.sections ?? []).includes(section as never)) ||
        (!!code &&
          ((c.naf.codes ?? []).some((x) => normalizeNafCode(x) === code) || (c.naf.prefixes ?? []).some((p) => code.startsWith(normalizeNafPrefix(p)))))
      );
    }
    if ("departement" in c) {
      const d = company()?.departement;
      return !!d && c.departement.map(normalizeDepartement).includes(normalizeDepartement(d));
    }
    if ("region" in c) {
      const r = company()?.region ?? regionOfDepartement(company()?.departement);
      return !!r && c.region.includes(r);
    }
    if ("revenue" in c) {
      const r = company()?.revenue;
      return r !== undefined && (c.revenue.gte === undefined || r >= c.revenue.gte) && (c.revenue.lte === undefined || r <= c.revenue.lte);
    }
    if ("category" in c) return !!company()?.category && c.category.includes(company()!.category!);
    if ("networkKind" in c) return !!company()?.networkKind && c.networkKind.map((k) => k.toLowerCase()).includes(company()!.networkKind!.toLowerCase());
    if ("persona" in c) {
      const ids = typeof c.persona === "string" ? [c.persona] : c.persona;
      const defs = { ...DEFAULT_PERSONAS, ...this.model.personas } as Record<string, { label: string; titles: readonly string[]; exclude?: readonly string[] }>;
      const personas = ids.map((id) => compilePersona(id, defs[id]!));
      return this.contacts(v.upto).some((ct) => !!ct.title && personas.some((p) => p.matches(ct.title!)));
    }
    if ("jobTitle" in c) throw new Error("reference scorer: jobTitle is covered by unit tests, not here");
    if ("emailDomain" in c) return this.contacts(v.upto).some((ct) => !!ct.domain && test(c.emailDomain, ct.domain));
    if ("metric" in c) {
      const value = this.metric(c.metric.name, c.metric.withinDays, v);
      return (c.metric.gte === undefined || value >= c.metric.gte) && (c.metric.lte === undefined || value <= c.metric.lte);
    }
    if ("signal" in c) return this.signal(c.signal, v);
    throw new Error(`reference scorer: unhandled condition ${JSON.stringify(c)}`);
  }

  private isHitRule(rule: Rule): boolean {
    return /"(path|url|event|form|timeOnPage)":/.test(JSON.stringify(rule.when));
  }

  /** Points of one rule at `now`, from the spec. */
  ruleScore(rule: Rule, now: number): number {
    const last = this.events.length - 1;
    if (!this.isHitRule(rule)) return this.evaluate(rule.when, { upto: last, at: now, hit: null }) ? rule.points : 0;
    const matches: number[] = [];
    this.events.forEach((e, i) => {
      if (e.kind === "hit" && this.evaluate(rule.when, this.hitView(i))) matches.push(e.at);
    });
    const keep = !rule.repeat
      ? 1
      : Math.min(100, rule.repeat.maxTimes ?? Infinity, rule.repeat.maxPoints ? Math.ceil(rule.repeat.maxPoints / Math.abs(rule.points)) : Infinity);
    const kept = matches.sort((a, b) => a - b).slice(-keep);
    let sum = 0;
    for (const t of kept) {
      const age = Math.max(0, now - t);
      if (rule.decay?.expireAfterDays !== undefined && age > rule.decay.expireAfterDays * DAY) continue;
      sum += rule.points * (rule.decay?.halfLifeDays !== undefined ? Math.pow(2, -age / (rule.decay.halfLifeDays * DAY)) : 1);
    }
    const cap = rule.repeat?.maxPoints;
    return cap === undefined ? sum : rule.points > 0 ? Math.min(sum, cap) : Math.max(sum, -cap);
  }

  score(now: number): number {
    return this.model.rules.filter((r) => r.enabled).reduce((s, r) => s + this.ruleScore(r, now), 0);
  }

  qualified(now: number): boolean {
    const score = Math.round(this.score(now) * 10) / 10;
    const parts: boolean[] = [];
    if (this.model.mql.threshold !== undefined) parts.push(score >= this.model.mql.threshold);
    if (this.model.mql.when) parts.push(this.evaluate(this.model.mql.when, { upto: this.events.length - 1, at: now, hit: null }));
    return this.model.mql.mode === "all" ? parts.every(Boolean) : parts.some(Boolean);
  }
}
