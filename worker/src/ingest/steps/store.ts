import { sha256Hex } from "@sillage/shared/api-key";
import type { CollectEnvelope } from "../envelope";
import type { SiteConfig } from "./site";
import type { ValidHit } from "./validate";
import type { Visit } from "./visit";

const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

function utm(url: URL | undefined): Record<(typeof UTM_KEYS)[number], string | null> {
  const out = {} as Record<(typeof UTM_KEYS)[number], string | null>;
  for (const k of UTM_KEYS) out[k] = url?.searchParams.get(k)?.slice(0, 200) || null;
  return out;
}

export const hitIdFor = (env: CollectEnvelope) => `hit_${env.requestId}`;

/** Contacts are one per e-mail per workspace; a derived id lets concurrent identifies converge. */
export async function contactIdFor(workspaceId: string, email: string): Promise<string> {
  return "ct_" + (await sha256Hex(`${workspaceId}|${email}`)).slice(0, 24);
}

/**
 * Step 6 — writes the visitor, session, contact and hit in one D1 batch (one transaction).
 * The hit id derives from the request id, so a queue redelivery cannot store a hit twice.
 */
export async function store(d1: D1Database, site: SiteConfig, hit: ValidHit, visit: Visit, env: CollectEnvelope): Promise<string> {
  const { stmts, hitId } = await storeStatements(d1, site, hit, visit, env);
  await d1.batch(stmts);
  return hitId;
}

export interface StoreWrites {
  stmts: D1PreparedStatement[];
  hitId: string;
  /** The visitor's contact after this hit (an identify hit sets it). */
  contactId: string | null;
}

/** The statements that store one hit, in order; a queue batch runs many of them in one transaction. */
export async function storeStatements(d1: D1Database, site: SiteConfig, hit: ValidHit, visit: Visit, env: CollectEnvelope): Promise<StoreWrites> {
  const p = hit.payload;
  const at = env.receivedAt;
  const url = hit.url;
  const u = utm(url);
  const hitId = hitIdFor(env);
  const isPageview = p.type === "pageview" ? 1 : 0;
  const stmts: D1PreparedStatement[] = [];

  stmts.push(
    d1
      .prepare(
        `INSERT INTO visitors (id, site_id, workspace_id, visitor_key, first_seen_at, last_seen_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT(id) DO UPDATE SET last_seen_at = max(last_seen_at, excluded.last_seen_at)`,
      )
      .bind(visit.visitorId, site.id, site.workspaceId, visit.visitorKey, at),
  );

  if (visit.sessionIsNew) {
    stmts.push(
      d1
        .prepare(
          `INSERT INTO sessions (id, visitor_id, site_id, started_at, last_seen_at, hit_count, pageview_count,
             landing_path, referrer, utm_source, utm_medium, utm_campaign)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(visit.sessionId, visit.visitorId, site.id, at, at, isPageview, url?.pathname ?? null, p.ref || null, u.utm_source, u.utm_medium, u.utm_campaign),
    );
  } else {
    stmts.push(
      d1
        .prepare(`UPDATE sessions SET last_seen_at = max(last_seen_at, ?), hit_count = hit_count + 1, pageview_count = pageview_count + ? WHERE id = ?`)
        .bind(at, isPageview, visit.sessionId),
    );
  }

  let contactId = visit.contactId;
  if (p.type === "identify" && p.traits) {
    const email = p.traits.email.trim().toLowerCase();
    contactId = await contactIdFor(site.workspaceId, email);
    stmts.push(
      d1
        .prepare(
          `INSERT INTO contacts (id, workspace_id, email, name, job_title, phone, linkedin_url, first_seen_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
           ON CONFLICT(id) DO UPDATE SET
             name = coalesce(excluded.name, name), job_title = coalesce(excluded.job_title, job_title),
             phone = coalesce(excluded.phone, phone), linkedin_url = coalesce(excluded.linkedin_url, linkedin_url),
             updated_at = excluded.updated_at`,
        )
        .bind(contactId, site.workspaceId, email, p.traits.name || null, p.traits.jobTitle || null, p.traits.phone || null, p.traits.linkedinUrl || null, at),
      d1.prepare(`UPDATE visitors SET contact_id = ? WHERE id = ?`).bind(contactId, visit.visitorId),
      // The visitor's anonymous history becomes the contact's.
      d1.prepare(`UPDATE hits SET contact_id = ? WHERE visitor_id = ? AND contact_id IS NULL`).bind(contactId, visit.visitorId),
    );
  }

  stmts.push(
    d1
      .prepare(
        `INSERT OR IGNORE INTO hits (id, site_id, workspace_id, visitor_id, session_id, contact_id, type, source, name, props,
           page_id, url, hostname, path, title, referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
           engaged_ms, ip, country, asn, as_organization, user_agent, enrichment_status, occurred_at, received_at, visit_location)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      )
      .bind(
        hitId,
        site.id,
        site.workspaceId,
        visit.visitorId,
        visit.sessionId,
        contactId,
        p.type,
        env.source,
        p.name ?? null,
        p.props ? JSON.stringify(p.props) : null,
        p.pid ?? null,
        url?.href ?? null,
        url?.hostname ?? null,
        url?.pathname ?? null,
        p.title ?? null,
        p.ref || null,
        u.utm_source,
        u.utm_medium,
        u.utm_campaign,
        u.utm_term,
        u.utm_content,
        p.type === "engagement" ? (p.ms ?? null) : null,
        env.ip,
        env.cf.country ?? null,
        env.cf.asn ?? null,
        env.cf.asOrganization ?? null,
        env.headers.userAgent || null,
        at,
        at,
        env.cf.location ? JSON.stringify(env.cf.location) : null,
      ),
  );

  if (p.type === "engagement" && p.pid) {
    // Time on page belongs to the page view it measures; keep the longest report (beacons repeat).
    stmts.push(
      d1
        .prepare(`UPDATE hits SET engaged_ms = max(coalesce(engaged_ms, 0), ?) WHERE site_id = ? AND page_id = ? AND type = 'pageview'`)
        .bind(p.ms ?? 0, site.id, p.pid),
    );
  }

  return { stmts, hitId, contactId };
}
