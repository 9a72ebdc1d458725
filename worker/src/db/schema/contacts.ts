import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspaces } from "./workspaces";

/** A person known by e-mail, from `sillage('identify', …)`. One per e-mail per workspace. */
export const contacts = sqliteTable(
  "contacts",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    jobTitle: text("job_title"),
    phone: text("phone"),
    linkedinUrl: text("linkedin_url"),
    /** The contact's company from its e-mail domain; null for free-mail and ISP addresses. */
    siren: text("siren"),
    companyReason: text("company_reason"),
    firstSeenAt: integer("first_seen_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("contacts_workspace_email_idx").on(t.workspaceId, t.email)],
);
