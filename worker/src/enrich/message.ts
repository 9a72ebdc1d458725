/** One hit to identify and enrich, after it was stored. */
export interface EnrichMessage {
  hitId: string;
}
