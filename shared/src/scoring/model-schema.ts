import { z } from "zod";
import { COMPANY_CATEGORIES } from "./events";
import { HEADCOUNT_CODES } from "./headcount";
import { NAF_SECTIONS } from "./naf";
import { isKnownDepartement, REGION_CODES } from "./geo";
import { patternProblem } from "./patterns";
import { DEFAULT_PERSONAS } from "./personas";
import { SIGNAL_KINDS, signalConfigSchema } from "./signal-config";
import { BUILTIN_METRICS, CONDITION_KEYS, HIT_LEAF_KEYS, type LEAD_LEAF_KEYS, conditionKey, forEachLeaf, hasHitLeaf, type Condition } from "./conditions";

/** Bounds that keep a lead's ScoreState small whatever the model says. */
export const MAX_RULES = 200;
export const MAX_CONTRIBUTIONS_PER_RULE = 100;
export const MAX_DISTINCT_KEYS = 100;
export const MAX_WINDOW_DAYS = 365;

const pattern = z.string().superRefine((value, ctx) => {
  const problem = patternProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const patternList = z.union([pattern, z.array(pattern).min(1).max(50)], {
  error: "expected a pattern or a non-empty list of patterns",
});
const windowDays = z.number().int().min(1).max(MAX_WINDOW_DAYS);
const bound = z.number().finite();

const headcountBound = z.union([z.number().int().min(0), z.enum(HEADCOUNT_CODES).exclude(["NN"])], {
  error: "expected a number of employees or an INSEE bracket code (00…53)",
});

const nafCode = z.string().regex(/^\d{2}\.?\d{2}[A-Za-z]$/, "expected a NAF code like 62.01Z");
const nafPrefix = z.string().regex(/^\d{1,2}(\.?\d{1,2})?[A-Za-z]?$/, "expected a NAF prefix like 62 or 63.1");

/** Each condition key and the schema of its value. */
const leafValueSchemas = {
  path: patternList,
  url: patternList,
  event: z.union(
    [
      z.string().min(1).max(100),
      z.strictObject({
        name: patternList.optional(),
        props: z.record(z.string().min(1).max(100), patternList).optional(),
        path: patternList.optional(),
      }),
    ],
    { error: "expected an event name or { name, props, path }" },
  ),
  form: z.union([z.literal(true), z.strictObject({ path: patternList.optional() })], {
    error: "expected true or { path }",
  }),
  timeOnPage: z.strictObject({ gteSeconds: z.number().int().min(1).max(86400), path: patternList.optional() }),
  headcount: z
    .strictObject({ gte: headcountBound.optional(), lte: headcountBound.optional() })
    .refine((v) => v.gte !== undefined || v.lte !== undefined, "give gte, lte or both"),
  naf: z
    .strictObject({
      sections: z.array(z.enum(NAF_SECTIONS)).min(1).optional(),
      codes: z.array(nafCode).min(1).optional(),
      prefixes: z.array(nafPrefix).min(1).optional(),
    })
    .refine((v) => v.sections || v.codes || v.prefixes, "give sections, codes or prefixes"),
  departement: z.array(z.string().refine(isKnownDepartement, "unknown département code")).min(1),
  region: z.array(z.string().refine((r) => REGION_CODES.includes(r), "unknown INSEE region code")).min(1),
  revenue: z.strictObject({ gte: bound.optional(), lte: bound.optional() }).refine((v) => v.gte !== undefined || v.lte !== undefined, "give gte, lte or both"),
  category: z.array(z.enum(COMPANY_CATEGORIES)).min(1),
  networkKind: z.array(z.string().min(1).max(40)).min(1),
  persona: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: "expected a persona id or a list of ids" }),
  jobTitle: patternList,
  emailDomain: patternList,
  metric: z
    .strictObject({ name: z.string().min(1), gte: bound.optional(), lte: bound.optional(), withinDays: windowDays.optional() })
    .refine((v) => v.gte !== undefined || v.lte !== undefined, "give gte, lte or both"),
  signal: z.enum(SIGNAL_KINDS),
} satisfies Record<(typeof HIT_LEAF_KEYS)[number] | (typeof LEAD_LEAF_KEYS)[number], z.ZodType>;

/**
 * A condition has exactly one key. Parsed loosely so that unknown keys get one clear message instead of
 * zod's generic "unrecognized key" plus a missing-key error.
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .looseObject({
      all: z.array(conditionSchema).min(1).max(50).optional(),
      any: z.array(conditionSchema).min(1).max(50).optional(),
      not: conditionSchema.optional(),
      ...Object.fromEntries(Object.entries(leafValueSchemas).map(([k, s]) => [k, s.optional()])),
    })
    .superRefine((value, ctx) => {
      const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
      for (const key of keys) {
        if (!(CONDITION_KEYS as readonly string[]).includes(key)) {
          ctx.addIssue({ code: "custom", path: [key], message: `unknown condition "${key}"` });
        }
      }
      if (keys.length !== 1) {
        ctx.addIssue({
          code: "custom",
          message: keys.length === 0 ? `empty condition; use one of: ${CONDITION_KEYS.join(", ")}` : `a condition has exactly one key, got ${keys.join(", ")}`,
        });
      }
    })
    .transform((value) => {
      const key = Object.keys(value).find((k) => (value as Record<string, unknown>)[k] !== undefined)!;
      return { [key]: (value as Record<string, unknown>)[key] } as Condition;
    }),
);

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "expected lower-case letters, digits, - or _ (max 64)");

export const ruleSchema = z.strictObject({
  id: ruleId,
  /** Shown to salespeople: "+20 Page Tarifs, il y a 3 jours". */
  label: z.string().min(1).max(120),
  points: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .refine((p) => p !== 0, "points must not be 0"),
  when: conditionSchema,
  /** Absent: once per lead (a repeat refreshes its date). Present: each match counts, up to the cap. */
  repeat: z
    .strictObject({
      maxTimes: z.number().int().min(1).max(MAX_CONTRIBUTIONS_PER_RULE).optional(),
      maxPoints: z.number().int().min(1).max(100_000).optional(),
    })
    .refine((r) => r.maxTimes !== undefined || r.maxPoints !== undefined, "a repeatable rule needs maxTimes or maxPoints")
    .optional(),
  /** Stale interest fades: exponential half-life, or points that expire after a window, or both. */
  decay: z
    .strictObject({
      halfLifeDays: z.number().positive().max(3650).optional(),
      expireAfterDays: z.number().positive().max(3650).optional(),
    })
    .refine((d) => d.halfLifeDays !== undefined || d.expireAfterDays !== undefined, "give halfLifeDays, expireAfterDays or both")
    .optional(),
  enabled: z.boolean().default(true),
});

const counterId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "expected lower-case letters, digits or _ (max 40)");

/** A named count of matching hits, for metric conditions like "2+ content pieces". */
export const counterSchema = z.strictObject({
  label: z.string().min(1).max(120).optional(),
  when: conditionSchema,
  /**
   * Count distinct pieces rather than hits: the first field present among `path`, `url`, `event`, `props.<name>`
   * names the piece (the same white paper twice is one piece).
   */
  distinctBy: z
    .array(z.string().regex(/^(path|url|event|props\.[A-Za-z0-9_.-]{1,100})$/, "expected path, url, event or props.<name>"))
    .min(1)
    .optional(),
});

export const personaSchema = z.strictObject({
  label: z.string().min(1).max(120),
  titles: z.array(z.string().min(1).max(200)).min(1).max(200),
  exclude: z.array(z.string().min(1).max(100)).max(50).optional(),
});

export const MQL_MODES = ["all", "any"] as const;

export const mqlSchema = z
  .strictObject({
    /** Score (rounded to one decimal) at or above which the lead qualifies. */
    threshold: z.number().finite().optional(),
    /** A condition on the lead (fit, counters, signals) that qualifies it. */
    when: conditionSchema.optional(),
    /** With both: `all` = threshold AND condition (default), `any` = threshold OR condition. */
    mode: z.enum(MQL_MODES).default("all"),
  })
  .refine((m) => m.threshold !== undefined || m.when !== undefined, "an MQL definition needs a threshold, a condition (when) or both");

const modelShape = z.strictObject({
  /** Incremented on every saved change; scores computed with another version are rescored in the background. */
  version: z.number().int().min(1),
  name: z.string().max(200).optional(),
  rules: z.array(ruleSchema).max(MAX_RULES),
  mql: mqlSchema,
  counters: z.record(counterId, counterSchema).default({}),
  /** Extra personas or overrides of the default ones, by id. */
  personas: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), personaSchema).default({}),
  signals: signalConfigSchema.prefault({}),
});

export const modelSchema = modelShape.superRefine(checkCrossReferences);

export type Model = z.output<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type Rule = z.output<typeof ruleSchema>;
export type Counter = z.output<typeof counterSchema>;
export type MqlDefinition = z.output<typeof mqlSchema>;

type Ctx = z.RefinementCtx;

/** Checks that need the whole model: ids, references, and which leaves are allowed where. */
function checkCrossReferences(model: z.output<typeof modelShape>, ctx: Ctx): void {
  const personaIds = new Set([...Object.keys(DEFAULT_PERSONAS), ...Object.keys(model.personas)]);
  const counters = model.counters;
  const metricNames = new Set<string>([...BUILTIN_METRICS, ...Object.keys(counters)]);

  for (const id of Object.keys(counters)) {
    if ((BUILTIN_METRICS as readonly string[]).includes(id)) {
      ctx.addIssue({ code: "custom", path: ["counters", id], message: `"${id}" is a built-in metric name` });
    }
  }

  const checkLeaves = (condition: Condition, base: (string | number)[], allowHit: boolean, allowLead: boolean) => {
    forEachLeaf(condition, (leaf, path) => {
      const key = conditionKey(leaf);
      const at = [...base, ...path, key];
      const isHit = (HIT_LEAF_KEYS as readonly string[]).includes(key);
      if (isHit && !allowHit) ctx.addIssue({ code: "custom", path: at, message: "hit conditions are not allowed here (they need a hit; use a rule)" });
      if (!isHit && !allowLead)
        ctx.addIssue({ code: "custom", path: at, message: "only hit conditions (path, url, event, form, timeOnPage) are allowed here" });
      if ("persona" in leaf) {
        const ids = typeof leaf.persona === "string" ? [leaf.persona] : leaf.persona;
        ids.forEach((id, i) => {
          if (!personaIds.has(id)) {
            ctx.addIssue({ code: "custom", path: typeof leaf.persona === "string" ? at : [...at, i], message: `unknown persona "${id}"` });
          }
        });
      }
      if ("metric" in leaf) {
        const m = leaf.metric;
        if (!metricNames.has(m.name)) {
          ctx.addIssue({
            code: "custom",
            path: [...at, "name"],
            message: `unknown metric "${m.name}" (built-in: ${BUILTIN_METRICS.join(", ")}; counters: ${Object.keys(counters).join(", ") || "none"})`,
          });
        }
        if (m.name === "visitors" && m.withinDays === undefined) {
          ctx.addIssue({ code: "custom", path: [...at, "withinDays"], message: "the visitors metric needs withinDays" });
        }
        const counter = counters[m.name];
        if (counter?.distinctBy) {
          for (const k of ["gte", "lte"] as const) {
            const v = m[k];
            if (v !== undefined && v > MAX_DISTINCT_KEYS) {
              ctx.addIssue({ code: "custom", path: [...at, k], message: `distinct counts are kept up to ${MAX_DISTINCT_KEYS}` });
            }
          }
        }
      }
    });
  };

  const seen = new Map<string, number>();
  model.rules.forEach((rule, i) => {
    const previous = seen.get(rule.id);
    if (previous !== undefined) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `duplicate rule id "${rule.id}" (also rules[${previous}])` });
    seen.set(rule.id, i);
    checkLeaves(rule.when, ["rules", i, "when"], true, true);
    if (!hasHitLeaf(rule.when)) {
      // A state rule holds or not; there is no match to repeat or to date.
      if (rule.repeat)
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "repeat"],
          message: "only rules triggered by a hit (path, url, event, form, timeOnPage) can repeat",
        });
      if (rule.decay)
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "decay"],
          message: "only rules triggered by a hit can decay; fit and persona rules hold while true",
        });
    }
    if (rule.repeat?.maxPoints !== undefined && rule.repeat.maxTimes === undefined) {
      const contributions = Math.ceil(rule.repeat.maxPoints / Math.abs(rule.points));
      if (contributions > MAX_CONTRIBUTIONS_PER_RULE) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "repeat", "maxPoints"],
          message: `allows ${contributions} contributions (max ${MAX_CONTRIBUTIONS_PER_RULE}); raise points, lower maxPoints or add maxTimes`,
        });
      }
    }
  });

  for (const [id, counter] of Object.entries(counters)) {
    checkLeaves(counter.when, ["counters", id, "when"], true, false);
  }
  if (model.mql.when) checkLeaves(model.mql.when, ["mql", "when"], false, true);
}
