import { z } from "zod";
import { HIT_TYPES } from "./hit-types";

/** Limits the collector enforces; the tracker truncates titles itself to stay under them. */
export const MAX_BODY_BYTES = 8 * 1024;
export const MAX_URL_LENGTH = 2000;
export const MAX_TITLE_LENGTH = 500;
/** Event properties a hit may carry: at most this many, and this many bytes once serialised as stored. */
export const MAX_PROPS = 10;
export const MAX_PROPS_BYTES = 1024;

const propValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

/**
 * What the tracker sends to `POST /collect` (JSON as text/plain) and what `GET /p.gif` receives as query
 * parameters. Short field names keep the tracker under 1 KB gzipped.
 *
 * - `site`: the site's public key (`data-site` on the snippet)
 * - `type`: pageview | event | identify | engagement
 * - `url`: page URL (the pixel falls back to the Referer header)
 * - `ref`: document.referrer
 * - `title`: document.title
 * - `vid`: the tracker's random visitor id; absent in cookieless mode and for the pixel
 * - `pid`: the tracker's random page-view id; engagement beacons repeat it
 * - `name`, `props`: custom event name and properties
 * - `ms`: engaged time on the page, for `engagement`
 * - `traits`: what `identify` learned from a form
 */
export const collectPayloadSchema = z.object({
  site: z.string().min(1).max(64),
  type: z.enum(HIT_TYPES).default("pageview"),
  // Length is checked separately so that over-long URLs get their own drop reason.
  url: z.string().optional(),
  ref: z.string().optional(),
  title: z.string().max(MAX_TITLE_LENGTH).optional(),
  vid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  pid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{4,64}$/)
    .optional(),
  name: z.string().min(1).max(100).optional(),
  props: z.record(z.string().max(100), propValue).optional(),
  ms: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .optional(),
  traits: z
    .object({
      email: z.email().max(254),
      name: z.string().max(200).optional(),
      jobTitle: z.string().max(200).optional(),
      phone: z.string().max(40).optional(),
      linkedinUrl: z.string().max(300).optional(),
    })
    .optional(),
});
export type CollectPayload = z.infer<typeof collectPayloadSchema>;
