import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { workspaces } from "./workspaces";

export const sites = sqliteTable(
  "sites",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Public key pasted in the snippet (`data-site`). Not a secret. */
    publicKey: text("public_key").notNull().unique(),
    /** JSON array of hostnames; "*.example.fr" allows subdomains. Empty = any hostname. */
    allowedHostnames: text("allowed_hostnames", { mode: "json" }).$type<string[]>().notNull(),
    /** Server-side consent: drop hits sent with DNT: 1 / Sec-GPC: 1. */
    respectDnt: integer("respect_dnt", { mode: "boolean" }).notNull().default(false),
    respectGpc: integer("respect_gpc", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("sites_workspace_idx").on(t.workspaceId)],
);
