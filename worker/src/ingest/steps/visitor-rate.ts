/**
 * Per-visitor rate cap: a person reads a few pages a minute; one browser id (or, without one, one IP and user
 * agent) sending more is a script replaying the snippet. Fixed one-minute windows, counted per visitor in the
 * pipeline (the visitor row is read and written there anyway); the excess is dropped as "visitor_rate_limited".
 */
export const VISITOR_HITS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

export interface RateWindow {
  start: number;
  hits: number;
}

/** Pure: the visitor's window after one more hit at `at`, and whether that hit is within the cap. */
export function countVisitorHit(window: RateWindow | undefined, at: number): { window: RateWindow; ok: boolean } {
  const current = window && at >= window.start && at - window.start < WINDOW_MS;
  const next = current ? { start: window.start, hits: window.hits + 1 } : { start: at, hits: 1 };
  return { window: next, ok: next.hits <= VISITOR_HITS_PER_MINUTE };
}
