import { visitorIdFor } from "../ingest/steps/visit";
import { emptyReport, numbered, runErasure, statePath, type CountedStatement, type ErasureReport } from "./erasure-report";

export interface VisitorErasure extends ErasureReport {
  /** The contact this browser was identified as, if any: erasing the browser does not erase the person. */
  linkedContactId: string | null;
}

/** The internal visitor id of a tracker id (`vid`) on a site given by its public key, within the workspace. */
export async function visitorIdFromTrackerId(db: D1Database, workspaceId: string, siteKey: string, vid: string): Promise<string | null> {
  const site = await db.prepare("SELECT id FROM sites WHERE public_key = ? AND workspace_id = ?").bind(siteKey, workspaceId).first<{ id: string }>();
  return site ? visitorIdFor(site.id, vid) : null;
}

/**
 * GDPR erasure of one browser (visitor): its hits (with their IP, user agent, URLs), sessions and the visitor
 * row are deleted — not anonymised: a hit without its visitor is still a record of someone's visit, and the
 * counts that matter (leads' scores, drop counters) are aggregates kept elsewhere. The visitor's id is also
 * removed from leads' scoring states and from pending webhook payloads. The contact it may be linked to is
 * reported, not erased (a browser can be shared); erase it by e-mail when the person asks.
 * Null when the visitor is not in this workspace.
 */
export async function eraseVisitor(db: D1Database, workspaceId: string, visitorId: string): Promise<VisitorErasure | null> {
  const visitor = await db
    .prepare("SELECT id, contact_id AS contactId FROM visitors WHERE id = ? AND workspace_id = ?")
    .bind(visitorId, workspaceId)
    .first<{ id: string; contactId: string | null }>();
  if (!visitor) return null;
  const p = [workspaceId, visitor.id, statePath("metrics.visitors", visitor.id)] as const;
  const s = (sql: string) => numbered(db, sql, p);
  const statements: CountedStatement[] = [
    { counter: "deleted.hits", stmt: s("DELETE FROM hits WHERE workspace_id = ?1 AND visitor_id = ?2") },
    { counter: "deleted.sessions", stmt: s("DELETE FROM sessions WHERE visitor_id = ?2 AND site_id IN (SELECT id FROM sites WHERE workspace_id = ?1)") },
    { counter: "deleted.visitors", stmt: s("DELETE FROM visitors WHERE workspace_id = ?1 AND id = ?2") },
    {
      counter: "scrubbed.scoreStates",
      stmt: s(`UPDATE leads SET score_state = json_remove(score_state, ?3)
                WHERE workspace_id = ?1 AND json_valid(score_state) AND instr(score_state, ?2) > 0`),
    },
    { counter: "deleted.webhookDeliveries", stmt: s("DELETE FROM webhook_deliveries WHERE workspace_id = ?1 AND instr(payload, ?2) > 0") },
  ];
  const report = await runErasure(db, emptyReport(), statements);
  return { ...report, found: true, linkedContactId: visitor.contactId };
}
