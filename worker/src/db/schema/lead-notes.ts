import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { leads } from "./leads";

/** Notes on a lead, with their author; they stay when the lead changes hands. */
export const leadNotes = sqliteTable(
  "lead_notes",
  {
    id: text("id").primaryKey(),
    leadId: text("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    authorId: text("author_id").notNull(),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("lead_notes_lead_idx").on(t.leadId, t.createdAt)],
);

/** LinkedIn company pages (and other external pages) linked to a lead, so that the next look-up finds it. */
export const leadLinks = sqliteTable(
  "lead_links",
  {
    id: text("id").primaryKey(),
    leadId: text("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    /** "linkedin-company" | "linkedin-profile" | "domain" | "crm-record" | "crm" (LEAD_LINK_KINDS): free text, no enum. */
    kind: text("kind").notNull(),
    /** Normalised value: LinkedIn slug, bare web domain, CRM record id (`hubspot:<portal>/<id>`…), CRM page URL. */
    value: text("value").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("lead_links_value_idx").on(t.workspaceId, t.kind, t.value), index("lead_links_lead_idx").on(t.leadId)],
);
