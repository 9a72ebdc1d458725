/**
 * Every request the collector does not store is counted under exactly one of these reasons,
 * so that stored + dropped always equals received.
 */
export const DROP_REASONS = [
  "body_too_large", // over 8 KB
  "malformed_json", // body is not JSON
  "invalid_payload", // JSON, but wrong shape or types
  "url_too_long", // url over 2,000 characters
  "referrer_too_long", // referrer over 2,000 characters
  "unknown_site", // no site with this public key
  "hostname_not_allowed", // page hostname not in the site's allowed list
  "bot", // crawler user agent
  "headless", // headless browser or automation signals
  "prefetch", // prefetch / prerender, not a visit
  "do_not_track", // DNT: 1 on a site that honours it
  "global_privacy_control", // Sec-GPC: 1 on a site that honours it
  "opted_out", // visitor used the public opt-out
  "rate_limited", // over the site's request budget (counted at the edge, not queued)
  "props_too_large", // event properties over the per-hit budget (10 properties, 1 KB of JSON)
  "visitor_rate_limited", // one visitor over 60 hits in a minute
  "site_quota_exceeded", // the site's storage for the UTC day is used up (workspace setting siteDailyQuotaMb)
] as const;
export type DropReason = (typeof DROP_REASONS)[number];
