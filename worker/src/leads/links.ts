import { newId } from "../lib/ids";
import type { KeyActor } from "./actor";
import type { LinkKind } from "./link-value";

export interface LinkOutcome {
  linkId: string;
  /** False when the lead already had this link (the call changed nothing). */
  created: boolean;
  /** The lead the link was taken from, when it pointed at another lead. */
  movedFrom: string | null;
}

/**
 * Links an external page (normalised value) to a lead. Idempotent; a value points at one lead only, so linking
 * it to this lead takes it away from any other — the salesperson is correcting a wrong match.
 */
export async function linkLead(
  db: D1Database,
  lead: { id: string; workspaceId: string },
  kind: LinkKind,
  value: string,
  actor: KeyActor,
  now: number,
): Promise<LinkOutcome> {
  const { results } = await db
    .prepare("SELECT id, lead_id AS leadId FROM lead_links WHERE workspace_id = ? AND kind = ? AND value = ? ORDER BY created_at DESC")
    .bind(lead.workspaceId, kind, value)
    .all<{ id: string; leadId: string }>();
  const mine = results.find((r) => r.leadId === lead.id);
  const others = results.filter((r) => r.leadId !== lead.id);
  if (mine && others.length === 0) return { linkId: mine.id, created: false, movedFrom: null };

  const linkId = mine?.id ?? newId("lnk");
  const statements = [
    db.prepare("DELETE FROM lead_links WHERE workspace_id = ? AND kind = ? AND value = ? AND lead_id <> ?").bind(lead.workspaceId, kind, value, lead.id),
  ];
  if (!mine) {
    statements.push(
      db
        .prepare("INSERT INTO lead_links (id, lead_id, workspace_id, kind, value, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(linkId, lead.id, lead.workspaceId, kind, value, `${actor.id}:${actor.name}`, now),
    );
  }
  await db.batch(statements);
  return { linkId, created: !mine, movedFrom: others[0]?.leadId ?? null };
}
