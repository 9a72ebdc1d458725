/**
 * Background work on the enrichment queue: one stored hit to identify and enrich, or the next slice of a
 * rescoring job after a model change.
 */
export type EnrichMessage = { hitId: string } | { rescoreJobId: string };
