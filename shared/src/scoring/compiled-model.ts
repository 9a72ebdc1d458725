// The compiled form of a scoring model, in its own module so that the evaluators (metrics, signals) and the
// compiler can all use it without importing one another.
import type { HitEvent } from "./events";
import type { Model } from "./model-schema";
import type { CompiledPattern } from "./patterns";
import type { SignalConfig } from "./signal-config";
import type { ScoreState } from "./state";

/** What a hit rule sees of the hit being scored. */
export interface HitFacts {
  readonly event: HitEvent;
  readonly path: string | null;
  readonly url: string | null;
  /** Engagement hits: engaged ms on the page before and after this beacon. */
  readonly pagePrevMs: number;
  readonly pageMs: number;
}

export interface EvalContext {
  readonly compiled: CompiledModel;
  readonly state: ScoreState;
  /** Evaluation time: the hit's time while applying an event, `now` when reading. */
  readonly at: number;
  readonly hit: HitFacts | null;
  /** Metric values computed during this evaluation (several rules often share one). */
  readonly memo: Map<string, number>;
}

export type Predicate = (ctx: EvalContext) => boolean;

export interface CompiledRule {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  /** Triggered by hits (contributions with dates) rather than holding at a moment. */
  readonly isHitRule: boolean;
  readonly test: Predicate;
  /** Most recent contributions kept: 1 for once-per-lead rules. */
  readonly keep: number;
  readonly maxPoints: number | null;
  readonly halfLifeMs: number | null;
  readonly expireMs: number | null;
}

export interface CompiledCounter {
  readonly id: string;
  readonly test: Predicate;
  readonly distinctBy: readonly string[] | null;
}

export interface CompiledModel {
  readonly model: Model;
  readonly rules: readonly CompiledRule[];
  readonly hitRules: readonly CompiledRule[];
  readonly stateRules: readonly CompiledRule[];
  readonly ruleById: ReadonlyMap<string, CompiledRule>;
  readonly counters: readonly CompiledCounter[];
  readonly mql: { readonly threshold: number | null; readonly test: Predicate | null; readonly mode: "all" | "any" };
  readonly signals: SignalConfig;
  readonly highIntent: CompiledPattern;
  readonly conversionEvents: ReadonlySet<string>;
  /** Days of per-day buckets to keep: the longest window any condition or signal looks at. */
  readonly lookbackDays: number;
  /** Days to remember visitor ids for. */
  readonly visitorDays: number;
  /** Some state rule or the MQL condition looks at a sliding window or a signal: it can change with time alone. */
  readonly timeDependent: boolean;
}
