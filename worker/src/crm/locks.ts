import { newId } from "../lib/ids";

/** Long enough for a sync (a few CRM calls, with short in-place retries); a crashed sync frees its keys after it. */
export const LEASE_MS = 120_000;

export interface Lease {
  owner: string;
  release(): Promise<void>;
}

/**
 * Takes every key (lead, SIREN, domain, legal name) of a connection at once, or none: one D1 batch is one
 * transaction, so two syncs racing for overlapping keys cannot each get a part. A key whose lease expired is
 * taken over. Returns null when another sync holds one of them (try again a bit later).
 *
 * Why D1 leases and not a Durable Object per lead: the sync must also exclude other leads that resolve to the
 * same company (same SIREN, domain or name), which a per-lead object cannot see; the leases live next to the
 * sync state they protect and expire on their own if a worker dies mid-sync.
 */
export async function acquireKeys(db: D1Database, connectionId: string, keys: readonly string[], now: number): Promise<Lease | null> {
  const owner = newId("lease");
  const unique = [...new Set(keys)];
  const results = await db.batch([
    ...unique.map((key) =>
      db
        .prepare(
          `INSERT INTO crm_locks (connection_id, key, owner, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (connection_id, key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at WHERE crm_locks.expires_at < ?`,
        )
        .bind(connectionId, key, owner, now + LEASE_MS, now),
    ),
    db.prepare("SELECT COUNT(*) AS n FROM crm_locks WHERE connection_id = ? AND owner = ?").bind(connectionId, owner),
  ]);
  const held = (results[results.length - 1]!.results[0] as { n: number }).n;
  const release = async () => {
    await db.prepare("DELETE FROM crm_locks WHERE connection_id = ? AND owner = ?").bind(connectionId, owner).run();
  };
  if (held === unique.length) return { owner, release };
  await release();
  return null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** The keys a lead's sync holds: the lead itself and each identity its company may be matched on. */
export function syncKeys(leadId: string, identity: { siren: string | null; domain: string | null; name: string | null }): string[] {
  const keys = [`lead:${leadId}`];
  if (identity.siren) keys.push(`siren:${identity.siren}`);
  if (identity.domain) keys.push(`domain:${norm(identity.domain)}`);
  if (identity.name) keys.push(`name:${norm(identity.name)}`);
  return keys;
}

export const nameKey = (name: string | null) => (name ? norm(name) : null);
