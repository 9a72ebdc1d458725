import { compileModel } from "./compile";
import type { CompiledModel, EvalContext, HitFacts } from "./compiled-model";
import type { CompanyEvent, ContactEvent, HitEvent, ScoringEvent } from "./events";
import { capByRecency, recordHit } from "./metrics";
import type { Model } from "./model-schema";
import { normalizeTitle } from "./personas";
import { evaluateMqlCompiled } from "./score";
import type { SignalKind } from "./signal-config";
import { recordHitSignals, updateLevelSignals } from "./signals";
import { DAY_MS, draftOf, emptyState, MAX_CONTACTS, type ScoreState, type SignalRecords } from "./state";

export interface ApplyResult {
  state: ScoreState;
  /** Score at `now`, rounded to one decimal. */
  score: number;
  /** Meets the MQL definition at `now`: feed it to the lifecycle's onScoreChange. */
  qualified: boolean;
  /** Signals this event switched on, for the lead's timeline. */
  fired: SignalKind[];
}

/**
 * Applies one event to a lead's score state. Cost is proportional to the number of rules (plus the bounded
 * per-day buckets): history is never rescanned. The input state is not modified.
 *
 * The new state depends only on (model, state, event); `now` only sets the time at which the returned score is
 * read. Events are expected roughly in time order (late engagement beacons are fine).
 */
export function applyEvent(model: Model, state: ScoreState, event: ScoringEvent, now: number): ApplyResult {
  const compiled = compileModel(model);
  const next = draftOf(state);
  const fired = applyInPlace(compiled, next, event);
  const mql = evaluateMqlCompiled(compiled, next, now);
  return { state: next, score: mql.score, qualified: mql.qualified, fired };
}

/**
 * Recomputes a lead's state from its whole history, for the background rescore after a model change. `events`
 * must be in time order (`ORDER BY occurred_at`); any iterable works, so a generator can page through D1.
 */
export function rescore(model: Model, events: Iterable<ScoringEvent>): ScoreState {
  const compiled = compileModel(model);
  const state = emptyState(model.version);
  for (const event of events) applyInPlace(compiled, state, event);
  return state;
}

/** A fresh state for a new lead. */
export function initialState(model: Model): ScoreState {
  return emptyState(model.version);
}

/** Mutates `state`; returns the signals switched on. Shared by applyEvent and rescore. */
export function applyInPlace(compiled: CompiledModel, state: ScoreState, event: ScoringEvent): SignalKind[] {
  state.events++;
  state.lastEventAt = state.lastEventAt === null ? event.at : Math.max(state.lastEventAt, event.at);
  const before = { ...state.signals };
  switch (event.kind) {
    case "hit":
      applyHit(compiled, state, event);
      break;
    case "contact":
      applyContact(state, event);
      break;
    case "company":
      applyCompany(state, event);
      break;
  }
  updateStateRules(compiled, state, event.at);
  return event.kind === "hit" ? firedSignals(compiled, before, state.signals, event.at) : [];
}

function applyHit(compiled: CompiledModel, state: ScoreState, event: HitEvent): void {
  const facts = recordHit(compiled, state, event);
  recordHitSignals(compiled, state, facts);
  state.lastHitAt = state.lastHitAt === null ? event.at : Math.max(state.lastHitAt, event.at);
  updateLevelSignals(compiled, state, event.at);
  scoreHit(compiled, state, facts);
}

/** Hit rules see the lead as it is after this hit (its counters include the hit). */
function scoreHit(compiled: CompiledModel, state: ScoreState, hit: HitFacts): void {
  const at = hit.event.at;
  const ctx: EvalContext = { compiled, state, at, hit, memo: new Map() };
  for (const rule of compiled.hitRules) {
    const record = state.rules[rule.id];
    if (!rule.test(ctx)) {
      // Merged states may carry more contributions than a rule keeps; trim them as we pass.
      if (record?.times && record.times.length > rule.keep) state.rules[rule.id] = { ...record, times: record.times.slice(-rule.keep) };
      continue;
    }
    const times = [...(record?.times ?? []), at];
    // Late events are rare; keep the list ascending so that "most recent" is its tail.
    if (times.length > 1 && times[times.length - 2]! > at) times.sort((a, b) => a - b);
    state.rules[rule.id] = { ...record, count: (record?.count ?? 0) + 1, times: times.length > rule.keep ? times.slice(-rule.keep) : times };
  }
}

/** State rules are re-evaluated at each event only to date them ("true since"); the score reads them at `now`. */
function updateStateRules(compiled: CompiledModel, state: ScoreState, at: number): void {
  if (compiled.stateRules.length === 0) return;
  const ctx: EvalContext = { compiled, state, at, hit: null, memo: new Map() };
  for (const rule of compiled.stateRules) {
    const holds = rule.test(ctx);
    const record = state.rules[rule.id];
    if (holds && record?.since === undefined) {
      state.rules[rule.id] = { ...record, count: (record?.count ?? 0) + 1, since: at };
    } else if (!holds && record?.since !== undefined) {
      const { since: _, ...rest } = record;
      state.rules[rule.id] = rest;
    }
  }
}

function applyContact(state: ScoreState, event: ContactEvent): void {
  const known = state.contacts[event.contactId];
  const next = { ...known, at: Math.max(known?.at ?? event.at, event.at) };
  if (event.jobTitle !== undefined) next.title = normalizeTitle(event.jobTitle);
  if (event.email !== undefined) {
    const domain = event.email.split("@")[1]?.trim().toLowerCase();
    if (domain) next.emailDomain = domain;
  }
  state.contacts[event.contactId] = next;
  if (!known) capByRecency(state.contacts, MAX_CONTACTS, (c) => c.at);
  state.identified = true;
}

function applyCompany(state: ScoreState, event: CompanyEvent): void {
  const incoming = event.company;
  const current = state.company;
  // Another SIREN is another company (identification corrected): start from what the event says.
  const sameCompany = !current || !incoming.siren || !current.siren || current.siren === incoming.siren;
  state.company = sameCompany ? { ...current, ...stripUndefined(incoming) } : { ...stripUndefined(incoming) };
  state.companyAt = Math.max(state.companyAt ?? event.at, event.at);
  state.identified = true;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * Signals this hit switched on, read from the signal records rather than by evaluating every signal twice:
 * level signals got their `since` now; point signals were stamped by this hit after being off.
 */
function firedSignals(compiled: CompiledModel, before: SignalRecords, after: SignalRecords, at: number): SignalKind[] {
  const cfg = compiled.signals;
  const fired: SignalKind[] = [];
  const wasOff = (time: number | undefined, days: number) => time === undefined || at - time > days * DAY_MS || at < time;
  if (after.committeeSince === at && before.committeeSince === undefined) fired.push("buying_committee");
  if (after.surgeSince === at && before.surgeSince === undefined) fired.push("surge");
  if (after.returnAt === at && before.returnAt !== at) fired.push("return");
  if (after.highIntentAt === at && wasOff(before.highIntentAt, cfg.highIntent.activeDays)) fired.push("high_intent");
  if (after.conversionAt === at && wasOff(before.conversionAt, cfg.conversion.activeDays)) fired.push("conversion");
  return fired;
}
