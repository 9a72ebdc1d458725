/** Dates are ISO 8601 strings in the API; the database keeps epoch milliseconds. */
export const iso = (ms: number) => new Date(ms).toISOString();

export const isoOrNull = (ms: number | null | undefined) => (ms == null ? null : iso(ms));
