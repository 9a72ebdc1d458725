import type { AuthContext } from "../auth/auth-context";

/** Who is acting through an API key: its member when the key belongs to one, otherwise the key itself. */
export interface KeyActor {
  /** Member id, or API key id for workspace-level keys. */
  id: string;
  name: string;
}

export async function resolveActor(db: D1Database, auth: AuthContext): Promise<KeyActor> {
  const row = await db
    .prepare(
      `SELECT k.name AS keyName, m.id AS memberId, m.name AS memberName
         FROM api_keys k LEFT JOIN members m ON m.id = k.member_id AND m.workspace_id = k.workspace_id
        WHERE k.id = ? AND k.workspace_id = ?`,
    )
    .bind(auth.keyId, auth.workspaceId)
    .first<{ keyName: string; memberId: string | null; memberName: string | null }>();
  if (row?.memberId && row.memberName) return { id: row.memberId, name: row.memberName };
  return { id: auth.keyId, name: row?.keyName ?? auth.keyId };
}

/**
 * lead_transitions.actor is "system", or "<id>:<name>" for a person (see scoring/lead-rows.ts, which writes it);
 * the name is what the history shows. Pure.
 */
export function actorDisplayName(stored: string): string {
  const colon = stored.indexOf(":");
  return colon > 0 && colon < stored.length - 1 ? stored.slice(colon + 1) : stored;
}
