import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, real, index } from "drizzle-orm/sqlite-core";
import { NETWORK_KINDS } from "@sillage/shared/network/kinds";
import { HIT_SOURCES, HIT_TYPES } from "@sillage/shared/hit-types";
import { sessions } from "./sessions";
import { visitors } from "./visitors";

/** Pipeline state of a stored hit's later steps (identification, enrichment). */
export const ENRICHMENT_STATUSES = ["pending", "done", "failed", "skipped"] as const;

export const hits = sqliteTable(
  "hits",
  {
    id: text("id").primaryKey(),
    siteId: text("site_id").notNull(),
    workspaceId: text("workspace_id").notNull(),
    visitorId: text("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    contactId: text("contact_id"),
    type: text("type", { enum: HIT_TYPES }).notNull(),
    source: text("source", { enum: HIT_SOURCES }).notNull(),
    /** Event name for `event` hits (e.g. "download"). */
    name: text("name"),
    /** Event properties, JSON object of strings/numbers/booleans. */
    props: text("props", { mode: "json" }).$type<Record<string, string | number | boolean>>(),
    /** Tracker's id for the page view, to attach engagement time to it. */
    pageId: text("page_id"),
    url: text("url"),
    hostname: text("hostname"),
    path: text("path"),
    title: text("title"),
    referrer: text("referrer"),
    utmSource: text("utm_source"),
    utmMedium: text("utm_medium"),
    utmCampaign: text("utm_campaign"),
    utmTerm: text("utm_term"),
    utmContent: text("utm_content"),
    /** Time on page in ms, once the engagement beacon arrived. */
    engagedMs: integer("engaged_ms"),
    /** Raw visitor IP: kept only until enrichment, unless the workspace asks to keep it. */
    ip: text("ip"),
    country: text("country"),
    /** Where Cloudflare places the visit (city, postcode, region, coordinates), JSON: to pick the visitor's office. */
    visitLocation: text("visit_location", { mode: "json" }).$type<{
      city?: string;
      postalCode?: string;
      region?: string;
      latitude?: number;
      longitude?: number;
    }>(),
    asn: integer("asn"),
    asOrganization: text("as_organization"),
    userAgent: text("user_agent"),
    enrichmentStatus: text("enrichment_status", { enum: ENRICHMENT_STATUSES }).notNull().default("pending"),
    enrichmentAttempts: integer("enrichment_attempts").notNull().default(0),
    /**
     * Pending: when the queue will try again (so the cron job does not queue it twice). Failed: when the hit may
     * get a second life (a provider outage outlasted the retries); null when it never will.
     */
    enrichmentRetryAt: integer("enrichment_retry_at"),
    /** Second lives already given to a failed enrichment (bounded: see enrich/second-life.ts). */
    enrichmentRevivals: integer("enrichment_revivals").notNull().default(0),
    /** Why enrichment failed or found no company ("consumer ISP Orange", "provider unavailable"…). */
    enrichmentReason: text("enrichment_reason"),
    networkKind: text("network_kind", { enum: NETWORK_KINDS }),
    organization: text("organization"),
    siren: text("siren"),
    matchConfidence: real("match_confidence"),
    leadId: text("lead_id"),
    occurredAt: integer("occurred_at").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [
    index("hits_site_time_idx").on(t.siteId, t.occurredAt),
    index("hits_visitor_time_idx").on(t.visitorId, t.occurredAt),
    index("hits_contact_idx").on(t.contactId),
    index("hits_page_idx").on(t.siteId, t.pageId),
    index("hits_enrichment_idx").on(t.enrichmentStatus, t.receivedAt),
    index("hits_lead_time_idx").on(t.leadId, t.occurredAt),
    // Only hits still holding a raw IP: the erasure job (privacy/erase-raw-ips.ts) finds them per workspace.
    index("hits_raw_ip_idx").on(t.workspaceId, t.enrichmentStatus).where(sql`${t.ip} IS NOT NULL`),
    // Re-attribution after a network correction and the review queue read a workspace's hits by network.
    index("hits_workspace_asn_idx").on(t.workspaceId, t.asn),
  ],
);
