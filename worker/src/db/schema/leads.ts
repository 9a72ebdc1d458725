import { sqliteTable, text, integer, real, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LEAD_STATUSES } from "@sillage/shared/lifecycle/statuses";
import { workspaces } from "./workspaces";

/**
 * A lead is an account: the company (by SIREN, or by organisation name when no legal entity matched) in a
 * workspace. A contact whose company is unknown (free-mail address) is a lead of its own until it is known.
 * `key` says which: "siren:552032534", "org:acme corp", "contact:ct_…".
 */
export const leads = sqliteTable(
  "leads",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    siren: text("siren"),
    name: text("name").notNull(),
    contactId: text("contact_id"),
    domain: text("domain"),
    linkedinUrl: text("linkedin_url"),
    status: text("status", { enum: LEAD_STATUSES }).notNull().default("anonymous"),
    statusChangedAt: integer("status_changed_at").notNull(),
    score: real("score").notNull().default(0),
    /** The scoring engine's compact state (shared/src/scoring); never the hit history. */
    scoreState: text("score_state", { mode: "json" }),
    modelVersion: integer("model_version"),
    /** The MQL verdict at the last score change (re-qualifying from nurturing needs a fresh crossing). */
    qualified: integer("qualified", { mode: "boolean" }).notNull().default(false),
    /** Optimistic concurrency: two consumers scoring the same lead never overwrite each other's state. */
    revision: integer("revision").notNull().default(0),
    /** Random id of the last scoring write: the other statements of that write's batch run only if it won. */
    writeId: text("write_id"),
    mqlAt: integer("mql_at"),
    sqlAt: integer("sql_at"),
    slaDueAt: integer("sla_due_at"),
    slaOverdueAt: integer("sla_overdue_at"),
    /** When merged into another lead (identification arrived later), the lead it now lives in. */
    mergedInto: text("merged_into"),
    /**
     * The company's establishment nearest the latest located visit, JSON
     * `{ siret, city, postalCode, headOffice, match, visit }` (`visit`: the visit's postcode or city it was chosen for).
     */
    establishment: text("establishment"),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [
    uniqueIndex("leads_workspace_key_idx").on(t.workspaceId, t.key),
    index("leads_workspace_status_idx").on(t.workspaceId, t.status, t.score),
    index("leads_workspace_siren_idx").on(t.workspaceId, t.siren),
    index("leads_workspace_seen_idx").on(t.workspaceId, t.lastSeenAt),
    // KPIs and weekly figures count a period's new leads.
    index("leads_workspace_first_seen_idx").on(t.workspaceId, t.firstSeenAt),
    // The cron's walks over every workspace: overdue MQLs by deadline, decaying MQLs by last visit.
    index("leads_status_sla_idx").on(t.status, t.slaDueAt),
    index("leads_status_seen_idx").on(t.status, t.lastSeenAt),
  ],
);

/** Every status change: who, when, why. Kept even when the salesperson changes. */
export const leadTransitions = sqliteTable(
  "lead_transitions",
  {
    id: text("id").primaryKey(),
    leadId: text("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    from: text("from_status", { enum: LEAD_STATUSES }).notNull(),
    to: text("to_status", { enum: LEAD_STATUSES }).notNull(),
    /** "system" for score-driven changes, otherwise the API key / member that acted. */
    actor: text("actor").notNull(),
    reasonCode: text("reason_code"),
    note: text("note"),
    at: integer("at").notNull(),
  },
  (t) => [
    index("lead_transitions_lead_idx").on(t.leadId, t.at),
    index("lead_transitions_ws_time_idx").on(t.workspaceId, t.at),
    // KPIs: a period's MQLs, SQLs or rejections alone.
    index("lead_transitions_ws_to_time_idx").on(t.workspaceId, t.to, t.at),
  ],
);

/** Versioned scoring models; the highest version of a workspace is the active one. */
export const scoringModels = sqliteTable(
  "scoring_models",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    document: text("document", { mode: "json" }).notNull(),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [uniqueIndex("scoring_models_ws_version_idx").on(t.workspaceId, t.version)],
);

/** Background rescoring after a model change, with its progress. */
export const rescoreJobs = sqliteTable(
  "rescore_jobs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    modelVersion: integer("model_version").notNull(),
    status: text("status", { enum: ["running", "done", "failed"] })
      .notNull()
      .default("running"),
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    changedStatus: integer("changed_status").notNull().default(0),
    /** Last lead id handled: the job resumes after it. */
    cursor: text("cursor"),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("rescore_jobs_workspace_idx").on(t.workspaceId, t.startedAt)],
);
