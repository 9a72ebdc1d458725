/** Lead lifecycle (anonymous → identified → MQL → SQL | rejected → nurturing): pure functions. */
export { LEAD_STATUSES, LIFECYCLE_ACTIONS, TRANSITIONS, type LeadStatus, type LifecycleActionType } from "./statuses";
export { DEFAULT_REJECTION_REASONS, rejectionReasonSchema, rejectionReasonsSchema, type RejectionReason } from "./rejection-reasons";
export { SYSTEM, newLead, type Actor, type HistoryEntry, type LifecycleLead, type LifecycleAction, type TransitionError, type TransitionResult } from "./types";
export { transition, type TransitionOptions } from "./transition";
export { onScoreChange, SCORE_BELOW_MQL, type ScoreVerdict, type AutomaticOptions } from "./automatic";
export { DEFAULT_SLA_HOURS, isOverdue, slaRemainingMs, slaDeadline } from "./sla";
export { computeKpis, type Kpis, type KpiLead, type Period } from "./kpis";
