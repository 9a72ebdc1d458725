/**
 * Lead lifecycle: anonymous → identified → mql → sql, or mql → rejected → nurturing → mql again.
 * Shared by the zod schemas, the D1 column and the transition table.
 */
export const LEAD_STATUSES = ["anonymous", "identified", "mql", "sql", "rejected", "nurturing"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LIFECYCLE_ACTIONS = ["identify", "qualify", "accept", "reject", "nurture"] as const;
export type LifecycleActionType = (typeof LIFECYCLE_ACTIONS)[number];

/** Who may perform an action: the system (scoring, cron) and/or a person. */
export type ActorKind = "system" | "user";

export interface TransitionRule {
  from: readonly LeadStatus[];
  to: LeadStatus;
  by: readonly ActorKind[];
}

/**
 * The allowed transitions. Accepting and rejecting are human decisions (after a BANT exchange); qualifying is
 * normally the scoring's, but a person may force it; sending an MQL back to nurturing is either.
 */
export const TRANSITIONS: Readonly<Record<LifecycleActionType, TransitionRule>> = {
  identify: { from: ["anonymous"], to: "identified", by: ["system", "user"] },
  qualify: { from: ["identified", "nurturing"], to: "mql", by: ["system", "user"] },
  accept: { from: ["mql"], to: "sql", by: ["user"] },
  reject: { from: ["mql"], to: "rejected", by: ["user"] },
  nurture: { from: ["mql", "rejected"], to: "nurturing", by: ["system", "user"] },
};
