import type { CompiledModel, HitFacts } from "./compiled-model";
import { countRecent, sumDays } from "./metrics";
import { DEFAULT_SIGNAL_CONFIG, SIGNAL_KINDS, type SignalConfig, type SignalKind } from "./signal-config";
import { DAY_MS, dayOf, type ScoreState } from "./state";

/** An active intent signal, for the lead's timeline and card. */
export interface Signal {
  kind: SignalKind;
  /** When the signal started (level signals) or the hit that raised it. */
  at: number;
  /** French, ready to display. */
  label: string;
  detail: Record<string, string | number>;
}

/**
 * Records what point-in-time signals need from one hit (mutates `state`): a return after silence, a high-intent
 * page, a form or download. Must run before `state.lastHitAt` is updated for this hit.
 */
export function recordHitSignals(compiled: CompiledModel, state: ScoreState, hit: HitFacts): void {
  const cfg = compiled.signals;
  const s = state.signals;
  const at = hit.event.at;
  const previous = state.lastHitAt;
  if (previous !== null && at - previous >= cfg.return.silenceDays * DAY_MS) {
    s.returnAt = at;
    s.returnSilenceDays = Math.floor((at - previous) / DAY_MS);
  }
  if (hit.event.hitType === "pageview" && hit.path !== null && compiled.highIntent.test(hit.path) && at >= (s.highIntentAt ?? 0)) {
    s.highIntentAt = at;
    s.highIntentPath = hit.path;
  }
  const what = conversionOf(compiled, hit);
  if (what !== null && at >= (s.conversionAt ?? 0)) {
    s.conversionAt = at;
    s.conversionWhat = what;
  }
}

function conversionOf(compiled: CompiledModel, hit: HitFacts): string | null {
  if (hit.event.hitType === "identify") return hit.path ? `formulaire ${hit.path}` : "formulaire";
  if (hit.event.hitType === "event" && hit.event.name !== undefined && compiled.conversionEvents.has(hit.event.name)) {
    const asset = hit.event.props?.asset;
    return asset !== undefined ? `${hit.event.name} ${String(asset)}` : hit.event.name;
  }
  return null;
}

/** Is the signal active at `at`? Pure read of the state. */
export function isSignalActive(kind: SignalKind, state: ScoreState, cfg: SignalConfig, at: number): boolean {
  const s = state.signals;
  switch (kind) {
    case "buying_committee":
      return committeeSize(state, cfg, at) >= cfg.buyingCommittee.minVisitors;
    case "surge":
      return surge(state, cfg, at) !== null;
    case "return":
      return within(s.returnAt, at, cfg.return.activeDays);
    case "high_intent":
      return within(s.highIntentAt, at, cfg.highIntent.activeDays);
    case "conversion":
      return within(s.conversionAt, at, cfg.conversion.activeDays);
  }
}

function within(time: number | undefined, at: number, days: number): boolean {
  return time !== undefined && at >= time && at - time <= days * DAY_MS;
}

function committeeSize(state: ScoreState, cfg: SignalConfig, at: number): number {
  const today = dayOf(at);
  return countRecent(state.metrics.visitors, today - cfg.buyingCommittee.withinDays + 1, today);
}

/** This week's sessions against the weekly average of the weeks before; null when there is no surge. */
function surge(state: ScoreState, cfg: SignalConfig, at: number): { week: number; baseline: number } | null {
  const { factor, baselineWeeks, minSessions } = cfg.surge;
  const today = dayOf(at);
  const weekStart = today - 6;
  // A lead first seen this week has no baseline: new interest is not a surge against itself.
  if (state.firstHitAt === null || dayOf(state.firstHitAt) >= weekStart) return null;
  const week = sumDays(state, weekStart, today, (b) => b.s);
  if (week < minSessions) return null;
  const baseline = sumDays(state, weekStart - 7 * baselineWeeks, weekStart - 1, (b) => b.s) / baselineWeeks;
  return week >= factor * baseline ? { week, baseline } : null;
}

/** Level signals (committee, surge) remember when they became active, as seen at each event. */
export function updateLevelSignals(compiled: CompiledModel, state: ScoreState, at: number): void {
  const cfg = compiled.signals;
  const s = state.signals;
  if (isSignalActive("buying_committee", state, cfg, at)) s.committeeSince ??= at;
  else delete s.committeeSince;
  if (isSignalActive("surge", state, cfg, at)) s.surgeSince ??= at;
  else delete s.surgeSince;
}

/**
 * The lead's active intent signals at `now`, newest first. Pass the model's `signals` configuration when it is
 * not the default one.
 */
export function signals(state: ScoreState, now: number, cfg: SignalConfig = DEFAULT_SIGNAL_CONFIG): Signal[] {
  const out: Signal[] = [];
  const s = state.signals;
  for (const kind of SIGNAL_KINDS) {
    if (!isSignalActive(kind, state, cfg, now)) continue;
    switch (kind) {
      case "buying_committee": {
        const visitors = committeeSize(state, cfg, now);
        const days = cfg.buyingCommittee.withinDays;
        out.push({
          kind,
          at: s.committeeSince ?? state.lastHitAt ?? now,
          label: `Comité d'achat : ${visitors} visiteurs en ${days} jours`,
          detail: { visitors, withinDays: days },
        });
        break;
      }
      case "surge": {
        const { week, baseline } = surge(state, cfg, now)!;
        const avg = Math.round(baseline * 10) / 10;
        out.push({
          kind,
          at: s.surgeSince ?? state.lastHitAt ?? now,
          label: `Pic de visites : ${week} visites en 7 jours (moyenne ${String(avg).replace(".", ",")} par semaine)`,
          detail: { sessions: week, weeklyAverage: avg },
        });
        break;
      }
      case "return":
        out.push({ kind, at: s.returnAt!, label: `Retour après ${s.returnSilenceDays} jours sans visite`, detail: { silenceDays: s.returnSilenceDays ?? 0 } });
        break;
      case "high_intent":
        out.push({ kind, at: s.highIntentAt!, label: `Page à forte intention : ${s.highIntentPath}`, detail: { path: s.highIntentPath ?? "" } });
        break;
      case "conversion":
        out.push({ kind, at: s.conversionAt!, label: `Conversion : ${s.conversionWhat}`, detail: { what: s.conversionWhat ?? "" } });
        break;
    }
  }
  return out.sort((a, b) => b.at - a.at);
}
