import type { DropReason } from "@sillage/shared/drop-reasons";

export interface SiteInstallation {
  firstHitAt: number | null;
  lastHitAt: number | null;
  /** Hits stored over the last 24 hours. */
  hitsLastDay: number;
  recentHits: Array<{ at: number; type: string; hostname: string | null; path: string | null }>;
  /** Requests not stored since `since`, by reason, with the last day each one happened. */
  drops: Array<{ reason: DropReason; count: number; lastDay: string }>;
  /** Hostnames of pages dropped as not allowed since `since` (the most frequent first). */
  rejectedHostnames: Array<{ hostname: string; count: number; lastDay: string }>;
}

const DAY_MS = 86_400_000;

/**
 * What the console's installation check shows for one site: is the snippet sending, since when, and why were
 * requests dropped. Reads through the hits (site, time) index and the site's drop counters only.
 */
export async function siteInstallation(db: D1Database, site: { id: string; publicKey: string }, now: number, dropDays = 7): Promise<SiteInstallation> {
  const since = new Date(now - dropDays * DAY_MS).toISOString().slice(0, 10);
  const [first, last, day, recent, drops, hostnames] = await db.batch([
    db.prepare("SELECT occurred_at AS at FROM hits WHERE site_id = ? ORDER BY occurred_at ASC LIMIT 1").bind(site.id),
    db.prepare("SELECT occurred_at AS at FROM hits WHERE site_id = ? ORDER BY occurred_at DESC LIMIT 1").bind(site.id),
    db.prepare("SELECT count(*) AS n FROM hits WHERE site_id = ? AND occurred_at >= ?").bind(site.id, now - DAY_MS),
    db.prepare("SELECT occurred_at AS at, type, hostname, path FROM hits WHERE site_id = ? ORDER BY occurred_at DESC LIMIT 5").bind(site.id),
    db
      .prepare("SELECT reason, sum(count) AS count, max(day) AS lastDay FROM drop_counters WHERE site_key = ? AND day >= ? GROUP BY reason ORDER BY count DESC")
      .bind(site.publicKey, since),
    db
      .prepare(
        "SELECT hostname, sum(count) AS count, max(day) AS lastDay FROM drop_hostnames WHERE site_key = ? AND day >= ? GROUP BY hostname ORDER BY count DESC LIMIT 10",
      )
      .bind(site.publicKey, since),
  ]);
  const at = (r: D1Result) => (r.results[0] as { at: number } | undefined)?.at ?? null;
  return {
    firstHitAt: at(first!),
    lastHitAt: at(last!),
    hitsLastDay: (day!.results[0] as { n: number }).n,
    recentHits: recent!.results as SiteInstallation["recentHits"],
    drops: drops!.results as SiteInstallation["drops"],
    rejectedHostnames: hostnames!.results as SiteInstallation["rejectedHostnames"],
  };
}
