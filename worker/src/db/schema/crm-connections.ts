import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { workspaces } from "./workspaces";

export const CRM_KINDS = ["hubspot", "pipedrive"] as const;
export type CrmKind = (typeof CRM_KINDS)[number];
/** Lead events a connection may sync on; `lead.mql` is the default. */
export const CRM_SYNC_EVENTS = ["lead.identified", "lead.mql", "lead.sql", "lead.rejected"] as const;
export type CrmSyncEvent = (typeof CRM_SYNC_EVENTS)[number];
export const CRM_CONNECTION_STATES = ["untested", "ok", "broken"] as const;

/**
 * A workspace's link to one CRM account. The token is stored encrypted (AES-GCM, crm/secrets.ts) and never
 * returned by the API. A connection syncs only once an admin enables it (after a preview); while it is
 * `broken` (revoked token…) events wait as pending sync events and resume when the token is fixed.
 */
export const crmConnections = sqliteTable(
  "crm_connections",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    crm: text("crm", { enum: CRM_KINDS }).notNull(),
    /** Encrypted token: "v1.<iv>.<ciphertext>" (base64url). */
    secret: text("secret").notNull(),
    /** Last 4 characters of the token, to tell two tokens apart in the console. */
    secretHint: text("secret_hint").notNull(),
    /** Pipedrive company domain (the `acme` of acme.pipedrive.com); null for HubSpot. */
    companyDomain: text("company_domain"),
    /** The CRM account the token belongs to (HubSpot portal id, Pipedrive company domain), learned by the connection test. */
    account: text("account"),
    /** JSON array of CRM_SYNC_EVENTS. */
    events: text("events").notNull(),
    /** JSON: field → "if_unchanged" | "always" | "never" (crm/fields.ts). Missing fields take their default. */
    mapping: text("mapping").notNull().default("{}"),
    /** Owner of MQL tasks when set; otherwise the company's owner in the CRM. */
    taskOwnerId: text("task_owner_id"),
    /** JSON: field → the CRM's property key (Pipedrive custom fields have generated keys). Null until set up. */
    fieldKeys: text("field_keys"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(false),
    state: text("state", { enum: CRM_CONNECTION_STATES }).notNull().default("untested"),
    brokenReason: text("broken_reason"),
    brokenAt: integer("broken_at"),
    checkedAt: integer("checked_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("crm_connections_workspace_idx").on(t.workspaceId)],
);
