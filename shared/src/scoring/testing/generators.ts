/** fast-check generators of plausible lead histories and scoring models, for the property tests. */
import fc from "fast-check";
import type { ScoringEvent } from "../events";
import type { ModelInput } from "../model-schema";
import { HEADCOUNT_CODES } from "../headcount";

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const PATHS = ["/", "/tarifs", "/pricing/entreprise", "/blog/crm", "/carrieres/dev", "/etudes-de-cas/acme", "/etudes-de-cas/globex", "/demo", "/contact"];
const ASSETS = ["livre-blanc-crm", "livre-blanc-rgpd", "guide-prospection", "fiche-produit"];
const TITLES = [
  "Directeur IT",
  "DSI",
  "Directrice des systèmes d'information",
  "Head of IT",
  "Assistant DSI",
  "Directeur marketing",
  "Stagiaire marketing",
  "CEO",
];
const DOMAINS = ["acme.fr", "etu.univ-lyon.fr", "gmail.com", "mit.edu"];
const NAF = ["62.01Z", "58.29C", "47.11A", "70.22Z", "63.12Z"];
const DEPS = ["75", "92", "69", "13", "2A"];

type HitStep =
  | { t: "pageview"; path: number }
  | { t: "download"; asset: number }
  | { t: "form_submit" }
  | { t: "identify" }
  | { t: "engagement"; page: number; addMs: number };

type Episode =
  | { kind: "session"; gap: number; visitor: number; steps: HitStep[]; urlOnly: boolean }
  | { kind: "contact"; gap: number; contact: number; title: number | null; domain: number | null }
  | { kind: "company"; gap: number; siren: number; headcount: number; naf: number | null; dep: number | null; revenue: number | null };

const gap = fc.oneof(fc.integer({ min: 31 * MIN, max: 3 * HOUR }), fc.integer({ min: 3 * HOUR, max: 3 * DAY }), fc.integer({ min: 3 * DAY, max: 45 * DAY }));

const hitStep: fc.Arbitrary<HitStep> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant("pageview" as const), path: fc.nat(PATHS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("download" as const), asset: fc.nat(ASSETS.length - 1) }) },
  { weight: 1, arbitrary: fc.constant({ t: "form_submit" as const }) },
  { weight: 1, arbitrary: fc.constant({ t: "identify" as const }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("engagement" as const), page: fc.nat(4), addMs: fc.integer({ min: 0, max: 45_000 }) }) },
);

const episode: fc.Arbitrary<Episode> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("session" as const),
      gap,
      visitor: fc.nat(4),
      steps: fc.array(hitStep, { minLength: 1, maxLength: 6 }),
      urlOnly: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("contact" as const),
      gap,
      contact: fc.nat(2),
      title: fc.option(fc.nat(TITLES.length - 1)),
      domain: fc.option(fc.nat(DOMAINS.length - 1)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("company" as const),
      gap,
      siren: fc.nat(1),
      headcount: fc.nat(HEADCOUNT_CODES.length - 1),
      naf: fc.option(fc.nat(NAF.length - 1)),
      dep: fc.option(fc.nat(DEPS.length - 1)),
      revenue: fc.option(fc.integer({ min: 0, max: 50_000_000 })),
    }),
  },
);

/** Turns episodes into a time-ordered event list (sessions get fresh ids, engagement beacons are cumulative). */
export function toEvents(episodes: readonly Episode[]): ScoringEvent[] {
  const events: ScoringEvent[] = [];
  let now = T0;
  episodes.forEach((ep, n) => {
    now += ep.gap;
    if (ep.kind === "contact") {
      events.push({
        kind: "contact",
        at: now,
        contactId: `c${ep.contact}`,
        ...(ep.title !== null ? { jobTitle: TITLES[ep.title] } : {}),
        ...(ep.domain !== null ? { email: `x@${DOMAINS[ep.domain]}` } : {}),
      });
      return;
    }
    if (ep.kind === "company") {
      events.push({
        kind: "company",
        at: now,
        company: {
          siren: ep.siren === 0 ? "552032534" : "356000000",
          headcountBracket: HEADCOUNT_CODES[ep.headcount],
          ...(ep.naf !== null ? { nafCode: NAF[ep.naf] } : {}),
          ...(ep.dep !== null ? { departement: DEPS[ep.dep] } : {}),
          ...(ep.revenue !== null ? { revenue: ep.revenue } : {}),
        },
      });
      return;
    }
    const sessionId = `s${n}`;
    const visitorId = `v${ep.visitor}`;
    const pages: { id: string; path: string; ms: number }[] = [];
    let t = now;
    ep.steps.forEach((step, k) => {
      t += k === 0 ? 0 : ((k * 37_000) % (4 * MIN)) + 1000;
      const base = { kind: "hit" as const, at: t, visitorId, sessionId };
      const where = (path: string) => (ep.urlOnly ? { url: `https://www.exemple.fr${path}?utm_source=x` } : { path });
      switch (step.t) {
        case "pageview": {
          const path = PATHS[step.path]!;
          const id = `p${n}-${k}`;
          pages.push({ id, path, ms: 0 });
          events.push({ ...base, hitType: "pageview", pageId: id, ...where(path) });
          break;
        }
        case "download":
          events.push({ ...base, hitType: "event", name: "download", props: { asset: ASSETS[step.asset]! }, path: "/ressources" });
          break;
        case "form_submit":
          events.push({ ...base, hitType: "event", name: "form_submit", path: "/contact" });
          break;
        case "identify":
          events.push({ ...base, hitType: "identify", path: "/demo" });
          break;
        case "engagement": {
          const page = pages[step.page % Math.max(1, pages.length)];
          if (!page) break;
          page.ms += step.addMs;
          events.push({ ...base, hitType: "engagement", pageId: page.id, engagedMs: page.ms, path: page.path });
          break;
        }
      }
    });
    now = t;
  });
  return events;
}

export const eventsArb = (maxEpisodes: number) =>
  fc
    .array(episode, { minLength: 1, maxLength: maxEpisodes })
    .map(toEvents)
    .filter((events) => events.length > 0);

/** Rule conditions covering every kind of leaf the engine supports (jobTitle aside). */
const CONDITIONS = {
  pricing: { path: ["/tarifs*", "/pricing*"] },
  whitePaper: { event: { name: "download", props: { asset: "livre-blanc*" } } },
  anyDownload: { event: "download" },
  form: { form: true },
  formOnDemo: { form: { path: "/demo*" } },
  careers: { path: "/carrieres*" },
  caseStudyUrl: { url: "*/etudes-de-cas/*" },
  itDirector: { persona: "it_director" },
  student: { any: [{ persona: "student" }, { emailDomain: ["etu.*", "*.edu"] }] },
  size100: { headcount: { gte: 100 } },
  small: { headcount: { lte: "03" } },
  tech: { naf: { sections: ["J"] } },
  software: { naf: { prefixes: ["58.2", "62"] } },
  idf: { region: ["11"] },
  lyon: { departement: ["69"] },
  revenue: { revenue: { gte: 10_000_000 } },
  demoFit: { all: [{ path: "/demo*" }, { not: { headcount: { lte: 9 } } }] },
  sessions3: { metric: { name: "sessions", gte: 3, withinDays: 7 } },
  sessions60: { metric: { name: "sessions", gte: 4, withinDays: 60 } },
  pageviews5: { metric: { name: "pageviews", gte: 5 } },
  depth: { metric: { name: "pagesPerSession", gte: 2, withinDays: 30 } },
  readPricing: { timeOnPage: { gteSeconds: 30, path: "/tarifs*" } },
  timeOnSite: { metric: { name: "timeOnSiteSeconds", gte: 60, withinDays: 30 } },
  twoVisitors: { metric: { name: "visitors", gte: 2, withinDays: 7 } },
  content2: { metric: { name: "content", gte: 2, withinDays: 30 } },
  downloads: { metric: { name: "downloads", gte: 2 } },
  committee: { signal: "buying_committee" },
  surge: { signal: "surge" },
  returned: { signal: "return" },
  highIntent: { signal: "high_intent" },
  conversion: { signal: "conversion" },
  blogOnReturn: { all: [{ path: "/blog*" }, { signal: "return" }] },
  pricingWhenEngaged: { all: [{ any: [{ path: "/tarifs*" }, { event: "download" }] }, { metric: { name: "sessions", gte: 2 } }] },
} as const;
type ConditionName = keyof typeof CONDITIONS;
const CONDITION_NAMES = Object.keys(CONDITIONS) as ConditionName[];
const HIT_CONDITIONS = new Set<ConditionName>([
  "pricing",
  "whitePaper",
  "anyDownload",
  "form",
  "formOnDemo",
  "careers",
  "caseStudyUrl",
  "demoFit",
  "readPricing",
  "blogOnReturn",
  "pricingWhenEngaged",
]);

const ruleArb = (name: ConditionName) =>
  fc.record({
    points: fc.integer({ min: -30, max: 40 }).filter((p) => p !== 0),
    repeat: HIT_CONDITIONS.has(name)
      ? fc.option(fc.oneof(fc.record({ maxTimes: fc.integer({ min: 1, max: 4 }) }), fc.record({ maxPoints: fc.integer({ min: 10, max: 90 }) })))
      : fc.constant(null),
    decay: HIT_CONDITIONS.has(name)
      ? fc.option(
          fc.oneof(
            fc.record({ halfLifeDays: fc.integer({ min: 1, max: 30 }) }),
            fc.record({ expireAfterDays: fc.integer({ min: 1, max: 60 }) }),
            fc.record({ halfLifeDays: fc.integer({ min: 1, max: 30 }), expireAfterDays: fc.integer({ min: 1, max: 60 }) }),
          ),
        )
      : fc.constant(null),
  });

export const modelArb: fc.Arbitrary<ModelInput> = fc
  .record({
    names: fc.uniqueArray(fc.constantFrom(...CONDITION_NAMES), { minLength: 1, maxLength: 14 }),
    seed: fc.array(fc.tuple(ruleArb("pricing"), ruleArb("careers")), { minLength: 14, maxLength: 14 }),
    threshold: fc.option(fc.integer({ min: 10, max: 90 })),
    mqlWhen: fc.option(fc.constantFrom<ConditionName>("size100", "tech", "content2", "committee", "sessions3", "itDirector")),
    mode: fc.constantFrom("all" as const, "any" as const),
    committee: fc.record({ minVisitors: fc.integer({ min: 2, max: 3 }), withinDays: fc.integer({ min: 3, max: 14 }) }),
    surgeFactor: fc.integer({ min: 2, max: 3 }),
  })
  .map(({ names, seed, threshold, mqlWhen, mode, committee, surgeFactor }) => ({
    version: 1,
    rules: names.map((name, i) => {
      const [hitOptions, stateOptions] = seed[i]!;
      const options = HIT_CONDITIONS.has(name) ? hitOptions : stateOptions;
      return {
        id: `r-${name.toLowerCase()}`,
        label: name,
        points: options.points,
        when: CONDITIONS[name] as never,
        ...(HIT_CONDITIONS.has(name) && options.repeat ? { repeat: options.repeat } : {}),
        ...(HIT_CONDITIONS.has(name) && options.decay ? { decay: options.decay } : {}),
      };
    }),
    mql: {
      ...(threshold !== null || mqlWhen === null ? { threshold: threshold ?? 50 } : {}),
      ...(mqlWhen !== null ? { when: CONDITIONS[mqlWhen] as never } : {}),
      mode,
    },
    counters: {
      content: { when: { any: [{ event: "download" }, { path: "/etudes-de-cas/*" }] }, distinctBy: ["props.asset", "path"] },
      downloads: { when: { event: "download" } },
    },
    signals: { buyingCommittee: committee, surge: { factor: surgeFactor, minSessions: 2 } },
  }));
