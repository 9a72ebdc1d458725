import type { CollectEnvelope } from "../envelope";
import type { SiteConfig } from "./site";
import type { ValidHit } from "./validate";
import type { Visit } from "./visit";
import type { RateWindow } from "./visitor-rate";
import { claimedTraits, contactStatements } from "./contact";

const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;

function utm(url: URL | undefined): Record<(typeof UTM_KEYS)[number], string | null> {
  const out = {} as Record<(typeof UTM_KEYS)[number], string | null>;
  for (const k of UTM_KEYS) out[k] = url?.searchParams.get(k)?.slice(0, 200) || null;
  return out;
}

export const hitIdFor = (env: CollectEnvelope) => `hit_${env.requestId}`;

/** What the pipeline decided about one hit before it is written. */
export interface HitToStore {
  site: SiteConfig;
  hit: ValidHit;
  visit: Visit;
  env: CollectEnvelope;
  /** The identify's contact (an identify hit), else the visitor's. */
  contactId: string | null;
  /** The visitor's rate window after this batch (written with the visitor). */
  rateWindow: RateWindow;
}

/**
 * Step "store" — the statements that store one hit, in order; the pipeline runs those of a whole batch in one
 * transaction. The hit id derives from the request id, so a queue redelivery cannot store a hit twice.
 */
export function storeStatements(d1: D1Database, h: HitToStore): D1PreparedStatement[] {
  const { site, hit, visit, env, contactId } = h;
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
        `INSERT INTO visitors (id, site_id, workspace_id, visitor_key, first_seen_at, last_seen_at, rate_window_start, rate_window_hits)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)
         ON CONFLICT(id) DO UPDATE SET last_seen_at = max(last_seen_at, excluded.last_seen_at),
           rate_window_start = excluded.rate_window_start, rate_window_hits = excluded.rate_window_hits`,
      )
      .bind(visit.visitorId, site.id, site.workspaceId, visit.visitorKey, at, h.rateWindow.start, h.rateWindow.hits),
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

  if (p.type === "identify" && p.traits && contactId) {
    stmts.push(...contactStatements(d1, site.workspaceId, contactId, claimedTraits(p.traits), at));
    // Only a tracker id is one browser: the visitor's anonymous history becomes the contact's, and so do its
    // later hits. A cookieless or pixel visitor is hash(site, day, IP, UA) — colleagues behind one NAT with one
    // browser are one such visitor — so there only the identify hit itself is the contact's.
    if (p.vid) {
      stmts.push(
        d1.prepare(`UPDATE visitors SET contact_id = ? WHERE id = ?`).bind(contactId, visit.visitorId),
        d1.prepare(`UPDATE hits SET contact_id = ? WHERE visitor_id = ? AND contact_id IS NULL`).bind(contactId, visit.visitorId),
      );
    }
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

  return stmts;
}
