/** "2026-12-03": the UTC day of an epoch-ms time (drop counters, usage, cookieless visitor keys). */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
