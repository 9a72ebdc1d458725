import { z } from "zod";

/** Events about a site rather than a lead; webhooks subscribe to them like to lead events. */
export const SITE_EVENT_TYPES = ["site.quota_reached"] as const;
export type SiteEventType = (typeof SITE_EVENT_TYPES)[number];

/**
 * The JSON body POSTed for a site event. `site.quota_reached`: the site stored its daily quota (UTC day `day`);
 * its further hits of that day are dropped and counted as "site_quota_exceeded". Sent once per site per day.
 */
export const siteEventSchema = z.object({
  id: z.string(),
  type: z.enum(SITE_EVENT_TYPES),
  createdAt: z.string(),
  test: z.boolean(),
  data: z.object({
    site: z.object({ id: z.string(), name: z.string(), publicKey: z.string() }),
    day: z.string(),
    quotaMb: z.number().int(),
  }),
});
export type SiteEvent = z.infer<typeof siteEventSchema>;
