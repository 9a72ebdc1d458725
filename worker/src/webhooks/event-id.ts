import { toHex } from "@sillage/shared/hex";

/**
 * The default id of a lead event: a hash of (lead, event, time), so that the lifecycle code can emit the same
 * logical event twice (a retried queue message, a cron pass that overlaps the previous one) without creating
 * a second delivery. Hashed rather than concatenated so that ids have one short, opaque shape.
 */
export async function deriveEventId(leadId: string, event: string, at: number): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${leadId}\n${event}\n${at}`));
  return `evt_${toHex(digest).slice(0, 32)}`;
}

/** "Send a test" events get their own prefix: they never count toward an endpoint's failures. */
export const TEST_EVENT_PREFIX = "evt_test_";

export function isTestEventId(eventId: string): boolean {
  return eventId.startsWith(TEST_EVENT_PREFIX);
}
