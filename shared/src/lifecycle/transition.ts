import { DEFAULT_REJECTION_REASONS, MAX_NOTE_LENGTH, type RejectionReason } from "./rejection-reasons";
import { TRANSITIONS } from "./statuses";
import { SYSTEM, type Actor, type HistoryEntry, type LifecycleAction, type LifecycleLead, type TransitionResult } from "./types";

export interface TransitionOptions {
  /** The workspace's rejection reasons (default: DEFAULT_REJECTION_REASONS). */
  reasons?: readonly RejectionReason[];
}

/**
 * Applies a lifecycle action. Pure: returns the lead with its new status and the history entries to append, or a
 * typed error (an illegal transition such as accepting a lead that is not an MQL, an actor who may not do it, an
 * unknown rejection reason, a missing note).
 *
 * A rejection whose reason allows nurturing moves on to `nurturing` at once (second entry, by the system): the lead
 * may qualify again later. "Hors cible" and "doublon" stay `rejected`.
 */
export function transition(lead: LifecycleLead, action: LifecycleAction, actor: Actor, now: number, options: TransitionOptions = {}): TransitionResult {
  const rule = TRANSITIONS[action.type];
  if (!rule.from.includes(lead.status)) {
    return {
      ok: false,
      error: {
        code: "illegal_transition",
        from: lead.status,
        action: action.type,
        allowedFrom: rule.from,
        message: `cannot ${action.type} a lead that is ${lead.status} (allowed from: ${rule.from.join(", ")})`,
      },
    };
  }
  if (!rule.by.includes(actor.type)) {
    return {
      ok: false,
      error: { code: "actor_not_allowed", action: action.type, actor: actor.type, message: `${action.type} is a decision for a person, not the system` },
    };
  }
  const note = action.note?.trim() || undefined;
  if (note && note.length > MAX_NOTE_LENGTH) {
    return { ok: false, error: { code: "note_too_long", message: `note longer than ${MAX_NOTE_LENGTH} characters` } };
  }

  const entry: HistoryEntry = { from: lead.status, to: rule.to, action: action.type, actor, at: now };
  if (note) entry.note = note;
  const entries: HistoryEntry[] = [entry];

  if (action.type === "reject") {
    const reasons = options.reasons ?? DEFAULT_REJECTION_REASONS;
    const reason = reasons.find((r) => r.code === action.reason);
    if (!reason) {
      return { ok: false, error: { code: "unknown_reason", reason: action.reason, message: `unknown rejection reason "${action.reason}"` } };
    }
    if (reason.requiresNote && !note) {
      return { ok: false, error: { code: "note_required", reason: reason.code, message: `the reason "${reason.label}" needs a note` } };
    }
    entry.reason = reason.code;
    if (reason.nurture) entries.push({ from: "rejected", to: "nurturing", action: "nurture", actor: SYSTEM, at: now, reason: reason.code });
  } else if (action.type === "nurture" && action.reason) {
    entry.reason = action.reason;
  }

  const last = entries[entries.length - 1]!;
  return {
    ok: true,
    status: last.to,
    entries,
    lead: { ...lead, status: last.to, since: now, history: [...lead.history, ...entries] },
  };
}
