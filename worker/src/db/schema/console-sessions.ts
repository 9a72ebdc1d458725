import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { apiKeys } from "./api-keys";
import { workspaces } from "./workspaces";

/**
 * Sign-ins to the web console (`/app/`): a random token in an HttpOnly cookie, stored here as its SHA-256.
 * Bound to the API key it was exchanged for, so revoking the key (or removing its member) ends the session.
 * Not to be confused with `sessions` (a visitor's visit to a tracked site).
 */
export const consoleSessions = sqliteTable(
  "console_sessions",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    /** Sliding: pushed forward on use, never past `created_at` + the absolute lifetime. */
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("console_sessions_key_idx").on(t.keyId)],
);
