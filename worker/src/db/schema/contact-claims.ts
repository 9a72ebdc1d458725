import { sqliteTable, text, integer, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { contacts } from "./contacts";

export const CLAIMED_FIELDS = ["name", "jobTitle", "phone", "linkedinUrl"] as const;
export type ClaimedField = (typeof CLAIMED_FIELDS)[number];

/**
 * Values a tracker `identify` claimed for a contact that already had a different one. A form cannot prove who
 * typed it, so the tracker never overwrites a contact's field: later values are kept here, shown on the lead
 * as claims, one row per distinct value.
 */
export const contactClaims = sqliteTable(
  "contact_claims",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    contactId: text("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    field: text("field", { enum: CLAIMED_FIELDS }).notNull(),
    value: text("value").notNull(),
    count: integer("count").notNull().default(1),
    firstClaimedAt: integer("first_claimed_at").notNull(),
    lastClaimedAt: integer("last_claimed_at").notNull(),
  },
  (t) => [uniqueIndex("contact_claims_value_idx").on(t.contactId, t.field, t.value), index("contact_claims_workspace_idx").on(t.workspaceId)],
);
