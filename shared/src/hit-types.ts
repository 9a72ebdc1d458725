/** What one tracker message describes. Shared by the D1 column, the zod payload schema and the tracker. */
export const HIT_TYPES = ["pageview", "event", "identify", "engagement"] as const;
export type HitType = (typeof HIT_TYPES)[number];

/** Where a hit entered the collector. */
export const HIT_SOURCES = ["collect", "pixel"] as const;
export type HitSource = (typeof HIT_SOURCES)[number];
