import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { NETWORK_KINDS } from "@sillage/shared/network/kinds";
import { workspaces } from "./workspaces";

/** A workspace's own verdict on a network (e.g. "AS12345 is our customer's corporate network"). */
export const networkOverrides = sqliteTable(
  "network_overrides",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    asn: integer("asn").notNull(),
    kind: text("kind", { enum: NETWORK_KINDS }).notNull(),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.asn] })],
);

/** `asn`: the whole network (value = the ASN in decimal) belongs to the SIREN — written by a correction. */
export const IDENTITY_OVERRIDE_TYPES = ["cidr", "email_domain", "linkedin", "asn"] as const;

/**
 * What a workspace knows better than any register: an IP range, an e-mail domain or a LinkedIn company
 * page that belongs to a SIREN. CIDRs are stored as hex ranges (see ip_ranges) for indexed look-ups.
 */
export const identityOverrides = sqliteTable(
  "identity_overrides",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    type: text("type", { enum: IDENTITY_OVERRIDE_TYPES }).notNull(),
    /** CIDR text, e-mail domain, or LinkedIn company slug — as the user gave it, normalised. */
    value: text("value").notNull(),
    family: integer("family"),
    start: text("start"),
    end: text("end"),
    siren: text("siren").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("identity_overrides_value_idx").on(t.workspaceId, t.type, t.value), index("identity_overrides_range_idx").on(t.workspaceId, t.family, t.start)],
);
