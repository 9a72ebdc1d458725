import { headcountMatches } from "./headcount";
import { normalizeNafCode, normalizeNafPrefix, nafSectionOf } from "./naf";
import { normalizeDepartement, regionOfDepartement } from "./geo";
import { compilePatterns, REGEX_PREFIX, type CompiledPattern } from "./patterns";
import { compilePersona, DEFAULT_PERSONAS, normalizeTitle, type CompiledPersona, type PersonaDefinition } from "./personas";
import { conditionKey, forEachLeaf, hasHitLeaf, type Condition, type EventMatch, type PatternList } from "./conditions";
import { MAX_CONTRIBUTIONS_PER_RULE, type Model } from "./model-schema";
import { signalLookbackDays } from "./signal-config";
import { metricValue } from "./metrics";
import { isSignalActive } from "./signals";
import { DAY_MS } from "./state";
import type { CompiledModel, CompiledRule, Predicate } from "./compiled-model";

const cache = new WeakMap<Model, CompiledModel>();

/** Compiles a validated model once (patterns, personas, predicates); cached per model object. */
export function compileModel(model: Model): CompiledModel {
  const hit = cache.get(model);
  if (hit) return hit;
  const compiled = build(model);
  cache.set(model, compiled);
  return compiled;
}

function build(model: Model): CompiledModel {
  const personas = new Map<string, CompiledPersona>();
  const definitions: Record<string, PersonaDefinition> = { ...DEFAULT_PERSONAS, ...model.personas };
  for (const [id, def] of Object.entries(definitions)) personas.set(id, compilePersona(id, def));

  const compile = (c: Condition) => compileCondition(c, personas);
  const rules: CompiledRule[] = model.rules
    .filter((r) => r.enabled)
    .map((r) => {
      const isHitRule = hasHitLeaf(r.when);
      const keep = !r.repeat
        ? 1
        : Math.min(
            MAX_CONTRIBUTIONS_PER_RULE,
            r.repeat.maxTimes ?? Number.POSITIVE_INFINITY,
            r.repeat.maxPoints !== undefined ? Math.ceil(r.repeat.maxPoints / Math.abs(r.points)) : Number.POSITIVE_INFINITY,
          );
      return {
        id: r.id,
        label: r.label,
        points: r.points,
        isHitRule,
        test: compile(r.when),
        keep,
        maxPoints: r.repeat?.maxPoints ?? null,
        halfLifeMs: r.decay?.halfLifeDays !== undefined ? r.decay.halfLifeDays * DAY_MS : null,
        expireMs: r.decay?.expireAfterDays !== undefined ? r.decay.expireAfterDays * DAY_MS : null,
      };
    });

  let lookbackDays = Math.max(1, signalLookbackDays(model.signals));
  let visitorDays = model.signals.buyingCommittee.withinDays;
  const widen = (c: Condition) =>
    forEachLeaf(c, (leaf) => {
      if ("metric" in leaf && leaf.metric.withinDays !== undefined) {
        lookbackDays = Math.max(lookbackDays, leaf.metric.withinDays);
        if (leaf.metric.name === "visitors") visitorDays = Math.max(visitorDays, leaf.metric.withinDays);
      }
    });
  for (const r of model.rules) widen(r.when);
  if (model.mql.when) widen(model.mql.when);

  let timeDependent = false;
  const readAtNow = [
    ...rules.filter((r) => !r.isHitRule).map((r) => model.rules.find((m) => m.id === r.id)!.when),
    ...(model.mql.when ? [model.mql.when] : []),
  ];
  for (const c of readAtNow) {
    forEachLeaf(c, (leaf) => {
      if ("signal" in leaf || ("metric" in leaf && leaf.metric.withinDays !== undefined)) timeDependent = true;
    });
  }

  return {
    model,
    rules,
    hitRules: rules.filter((r) => r.isHitRule),
    stateRules: rules.filter((r) => !r.isHitRule),
    ruleById: new Map(rules.map((r) => [r.id, r])),
    counters: Object.entries(model.counters).map(([id, c]) => ({ id, test: compile(c.when), distinctBy: c.distinctBy ?? null })),
    mql: {
      threshold: model.mql.threshold ?? null,
      test: model.mql.when ? compile(model.mql.when) : null,
      mode: model.mql.mode,
    },
    signals: model.signals,
    highIntent: compilePatterns(model.signals.highIntent.paths),
    conversionEvents: new Set(model.signals.conversion.events),
    lookbackDays,
    visitorDays,
    timeDependent,
  };
}

const never: Predicate = () => false;

function optionalPatterns(list: PatternList | undefined): CompiledPattern | null {
  return list === undefined ? null : compilePatterns(list);
}

function compileCondition(condition: Condition, personas: ReadonlyMap<string, CompiledPersona>): Predicate {
  const rec = (c: Condition) => compileCondition(c, personas);
  switch (conditionKey(condition)) {
    case "all": {
      const parts = (condition as { all: Condition[] }).all.map(rec);
      return (ctx) => parts.every((p) => p(ctx));
    }
    case "any": {
      const parts = (condition as { any: Condition[] }).any.map(rec);
      return (ctx) => parts.some((p) => p(ctx));
    }
    case "not": {
      const inner = rec((condition as { not: Condition }).not);
      return (ctx) => !inner(ctx);
    }
    case "path": {
      const p = compilePatterns((condition as { path: PatternList }).path);
      return ({ hit }) => hit !== null && hit.event.hitType === "pageview" && hit.path !== null && p.test(hit.path);
    }
    case "url": {
      const p = compilePatterns((condition as { url: PatternList }).url);
      return ({ hit }) => hit !== null && hit.event.hitType === "pageview" && hit.url !== null && p.test(hit.url);
    }
    case "event": {
      const raw = (condition as { event: string | EventMatch }).event;
      const spec: EventMatch = typeof raw === "string" ? { name: raw } : raw;
      const name = optionalPatterns(spec.name);
      const path = optionalPatterns(spec.path);
      const props = Object.entries(spec.props ?? {}).map(([k, v]) => [k, compilePatterns(v)] as const);
      return ({ hit }) => {
        if (hit === null || hit.event.hitType !== "event") return false;
        if (name && !name.test(hit.event.name ?? "")) return false;
        if (path && (hit.path === null || !path.test(hit.path))) return false;
        for (const [key, pattern] of props) {
          const value = hit.event.props?.[key];
          if (value === undefined || !pattern.test(String(value))) return false;
        }
        return true;
      };
    }
    case "form": {
      const raw = (condition as { form: true | { path?: PatternList } }).form;
      const path = raw === true ? null : optionalPatterns(raw.path);
      return ({ hit }) => hit !== null && hit.event.hitType === "identify" && (!path || (hit.path !== null && path.test(hit.path)));
    }
    case "timeOnPage": {
      const spec = (condition as { timeOnPage: { gteSeconds: number; path?: PatternList } }).timeOnPage;
      const boundMs = spec.gteSeconds * 1000;
      const path = optionalPatterns(spec.path);
      // True on the beacon that crosses the bound, so one long read counts once.
      return ({ hit }) =>
        hit !== null &&
        hit.event.hitType === "engagement" &&
        hit.pagePrevMs < boundMs &&
        hit.pageMs >= boundMs &&
        (!path || (hit.path !== null && path.test(hit.path)));
    }
    case "headcount": {
      const range = (condition as Extract<Condition, { headcount: unknown }>).headcount;
      return ({ state }) => headcountMatches(state.company?.headcountBracket, range);
    }
    case "naf": {
      const spec = (condition as Extract<Condition, { naf: unknown }>).naf;
      const sections = new Set<string>(spec.sections ?? []);
      const codes = new Set((spec.codes ?? []).map((c) => normalizeNafCode(c)));
      const prefixes = (spec.prefixes ?? []).map(normalizeNafPrefix);
      return ({ state }) => {
        const company = state.company;
        if (!company) return false;
        const code = normalizeNafCode(company.nafCode);
        const section = company.nafSection ?? nafSectionOf(code);
        if (section && sections.has(section)) return true;
        if (code && (codes.has(code) || prefixes.some((p) => code.startsWith(p)))) return true;
        return false;
      };
    }
    case "departement": {
      const set = new Set((condition as { departement: string[] }).departement.map(normalizeDepartement));
      return ({ state }) => !!state.company?.departement && set.has(normalizeDepartement(state.company.departement));
    }
    case "region": {
      const set = new Set((condition as { region: string[] }).region);
      return ({ state }) => {
        const region = state.company?.region ?? regionOfDepartement(state.company?.departement);
        return !!region && set.has(region);
      };
    }
    case "revenue": {
      const { gte, lte } = (condition as Extract<Condition, { revenue: unknown }>).revenue;
      return ({ state }) => {
        const revenue = state.company?.revenue;
        if (revenue === undefined) return false;
        return (gte === undefined || revenue >= gte) && (lte === undefined || revenue <= lte);
      };
    }
    case "category": {
      const set = new Set<string>((condition as Extract<Condition, { category: unknown }>).category);
      return ({ state }) => !!state.company?.category && set.has(state.company.category);
    }
    case "networkKind": {
      const set = new Set((condition as { networkKind: string[] }).networkKind.map((k) => k.toLowerCase()));
      return ({ state }) => !!state.company?.networkKind && set.has(state.company.networkKind.toLowerCase());
    }
    case "persona": {
      const raw = (condition as { persona: string | string[] }).persona;
      const list = (typeof raw === "string" ? [raw] : raw).map((id) => personas.get(id)).filter((p) => p !== undefined);
      if (list.length === 0) return never;
      return ({ state }) => {
        for (const id in state.contacts) {
          const title = state.contacts[id]!.title;
          if (title && list.some((p) => p.matches(title))) return true;
        }
        return false;
      };
    }
    case "jobTitle": {
      const raw = (condition as { jobTitle: PatternList }).jobTitle;
      // Titles are stored normalised (no accents, folded feminine forms): normalise glob text the same way.
      const p = compilePatterns((typeof raw === "string" ? [raw] : raw).map(normalizeTitleGlob));
      return ({ state }) => {
        for (const id in state.contacts) {
          const title = state.contacts[id]!.title;
          if (title && p.test(title)) return true;
        }
        return false;
      };
    }
    case "emailDomain": {
      const p = compilePatterns((condition as { emailDomain: PatternList }).emailDomain);
      return ({ state }) => {
        for (const id in state.contacts) {
          const domain = state.contacts[id]!.emailDomain;
          if (domain && p.test(domain)) return true;
        }
        return false;
      };
    }
    case "metric": {
      const m = (condition as Extract<Condition, { metric: unknown }>).metric;
      return (ctx) => {
        const value = metricValue(ctx, m.name, m.withinDays);
        return (m.gte === undefined || value >= m.gte) && (m.lte === undefined || value <= m.lte);
      };
    }
    case "signal": {
      const kind = (condition as Extract<Condition, { signal: unknown }>).signal;
      return (ctx) => isSignalActive(kind, ctx.state, ctx.compiled.signals, ctx.at);
    }
  }
}

function normalizeTitleGlob(pattern: string): string {
  if (pattern.startsWith(REGEX_PREFIX)) return pattern;
  return pattern
    .split("*")
    .map((part) => {
      const core = normalizeTitle(part);
      if (!core) return part.trim() ? "" : part.length > 0 ? " " : "";
      return `${/^\s/.test(part) ? " " : ""}${core}${/\s$/.test(part) ? " " : ""}`;
    })
    .join("*");
}
