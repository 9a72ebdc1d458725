import type { DropReason } from "@sillage/shared/drop-reasons";
import type { CollectEnvelope } from "./envelope";
import type { DropTally } from "./drops";
import type { SiteConfig } from "./steps/site";
import type { ValidHit } from "./steps/validate";
import type { Visit, VisitorState } from "./steps/visit";
import type { RateWindow } from "./steps/visitor-rate";
import type { DayUsage } from "./steps/quota";

export type IngestOutcome = { stored: true; hitId: string; siteId: string; workspaceId: string } | { stored: false; reason: DropReason };

/** One request on its way through the steps: each step fills what it learnt, or ends it with an outcome. */
export interface IngestItem {
  readonly env: CollectEnvelope;
  raw?: Record<string, unknown>;
  hit?: ValidHit;
  site?: SiteConfig;
  /** The site key drops are counted under: "" until a known site is named. */
  siteKey: string;
  visitorKey?: string;
  visitorId?: string;
  visit?: Visit;
  contactId?: string | null;
  outcome?: IngestOutcome;
}

/** What the database knew before the batch (one round trip), updated hit by hit as the steps place them. */
export interface BatchState {
  optedOut: Set<string>;
  visitors: Map<string, VisitorState>;
  rateWindows: Map<string, RateWindow>;
  usage: Map<string, DayUsage>;
  alreadyStored: Set<string>;
}

/** A site that refused hits for its quota today and has not been told yet (announced through the outbox). */
export interface QuotaReached {
  siteId: string;
  workspaceId: string;
  siteKey: string;
  day: string;
  quotaMb: number;
  /** When the first hit over the quota arrived. */
  at: number;
}

export interface IngestRun {
  readonly d1: D1Database;
  readonly items: IngestItem[];
  readonly drops: DropTally;
  state?: BatchState;
  writes: D1PreparedStatement[];
  quotaReached: Map<string, QuotaReached>;
}

/** A named step: runs over the whole run (every item still on its way), so that reads and writes can be grouped. */
export interface PipelineStep {
  name: string;
  run(run: IngestRun): void | Promise<void>;
}

/** Ends an item as dropped: counted once, under its reason and site key, in the run's one write. */
export function dropItem(run: IngestRun, item: IngestItem, reason: DropReason) {
  // A refused page hostname is kept too: the installation check tells the marketer which one to allow.
  const hostname = reason === "hostname_not_allowed" ? (item.hit?.url?.hostname ?? undefined) : undefined;
  run.drops.add(item.env.receivedAt, item.siteKey, reason, hostname);
  item.outcome = { stored: false, reason };
}
