import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
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
    /**
     * Set while the e-mail domain's company is being resolved in the background (the provider was down and the
     * network already named a company, so the hits were scored from it): when the next attempt is due. Null once
     * settled (company decided and the contact's hits moved to its lead).
     */
    companyRetryAt: integer("company_retry_at"),
    firstSeenAt: integer("first_seen_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("contacts_workspace_email_idx").on(t.workspaceId, t.email),
    // The cron job's look-up of deferred contacts whose queue message was lost.
    index("contacts_company_retry_idx").on(t.companyRetryAt),
  ],
);
