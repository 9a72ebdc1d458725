import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { Env } from "../env";
import { loadActiveModel } from "./active-model";
import { newId } from "../lib/ids";
import { announceIfWon } from "./announce";
import { attributionStatements, loadLeadRow } from "./lead-rows";
import { rescoreLeads } from "./rescore";
import { rescoreChange } from "./rescore-job";
import { workspaceSlaHours } from "../members/workspaces-store";

/**
 * Each lead the hits left or joined, rescored from its history under the active model. The score, the transitions and
 * the events announcing a new status commit as one batch (outbox), so a failure midway announces nothing twice and
 * loses nothing: the caller's retry rescores again, and an unchanged history changes nothing.
 */
export async function rescoreTouchedLeads(env: Env, workspaceId: string, leadIds: readonly string[], now: number): Promise<void> {
  const db = env.DB;
  if (!leadIds.length) return;
  // Times are the visitors' times: first and last seen follow the hits each lead now holds.
  await db
    .prepare(
      `UPDATE leads SET first_seen_at = coalesce((SELECT min(occurred_at) FROM hits WHERE lead_id = leads.id), first_seen_at),
              last_seen_at = coalesce((SELECT max(occurred_at) FROM hits WHERE lead_id = leads.id), last_seen_at)
        WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))`,
    )
    .bind(workspaceId, JSON.stringify(leadIds))
    .run();
  const model = await loadActiveModel(db, workspaceId, { fresh: true });
  const slaHours = await workspaceSlaHours(db, workspaceId);
  const { results: refs } = await db
    .prepare(`SELECT id, siren, first_seen_at AS firstSeenAt FROM leads WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))`)
    .bind(workspaceId, JSON.stringify(leadIds))
    .all<{ id: string; siren: string | null; firstSeenAt: number }>();
  for (const ref of refs) {
    // Guarded by revision like every score write: a lead the pipeline scores meanwhile is read and rescored again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await loadLeadRow(db, ref.id);
      if (!row) break;
      const [rescored] = await rescoreLeads(db, model, [{ ...ref, status: row.status as LeadStatus, qualified: row.qualified }], now);
      const change = rescoreChange(row, rescored!, model.version, slaHours, now);
      // The guarded score write of an attribution, claiming no hit (they were moved already).
      const { statements, ifWon } = attributionStatements(db, row, change, { writeId: newId("w"), hitIds: [] });
      const announce = await announceIfWon(
        env,
        ifWon,
        row,
        change.entries.map((e) => e.to),
        now,
      );
      const [write] = await db.batch([...statements, ...announce.statements]);
      if (!write?.meta.changes) continue;
      await announce.dispatch();
      break;
    }
  }
}
