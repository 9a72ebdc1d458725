import type { LeadStatus } from "@sillage/shared/lifecycle/statuses";
import type { Env } from "../env";
import { loadActiveModel } from "./active-model";
import { announceLeadChange } from "./announce";
import { loadLeadRow, persistLeadChange } from "./lead-rows";
import { rescoreLeads } from "./rescore";
import { rescoreChange } from "./rescore-job";

/** Each lead the hits left or joined, rescored from its history under the active model; a new status is announced. */
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
  const ws = await db.prepare("SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?").bind(workspaceId).first<{ slaHours: number }>();
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
      const change = rescoreChange(row, rescored!, model.version, ws?.slaHours ?? 48, now);
      const saved = await persistLeadChange(db, row, change);
      if (!saved) continue;
      await announceLeadChange(env, { lead: saved, entered: change.entries.map((e) => e.to), entries: change.entries }, { at: now });
      break;
    }
  }
}
