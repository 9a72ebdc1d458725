import type { Env } from "../env";
import type { CrmConnection } from "./connection-store";
import type { FieldDecision } from "./field-plan";
import { loadLeadFacts } from "./lead-facts";
import { openClient } from "./open-client";
import { planSync, type MatchedBy } from "./plan-sync";
import { readyConnection } from "./set-up";

export interface PreviewItem {
  leadId: string;
  name: string;
  action: "create" | "update" | "unchanged";
  matchedBy: MatchedBy | null;
  /** CRM companies that matched (2+: the CRM already holds duplicates; the oldest would be updated). */
  candidates: number;
  recordId: string | null;
  fields: FieldDecision[];
}

/**
 * What a sync would do for the workspace's current MQLs (highest score first), without writing anything to the
 * CRM or to the leads: the company each would match, and per field the CRM's value, Sillage's and the decision.
 */
export async function previewSync(env: Env, conn: CrmConnection, limit: number, now: number): Promise<{ items: PreviewItem[]; calls: number }> {
  const client = await openClient(env, conn);
  const { account, keys } = await readyConnection(env.DB, client, conn, now);
  const { results } = await env.DB.prepare(
    "SELECT id FROM leads WHERE workspace_id = ? AND status = 'mql' AND merged_into IS NULL ORDER BY score DESC, id LIMIT ?",
  )
    .bind(conn.workspaceId, limit)
    .all<{ id: string }>();
  const items: PreviewItem[] = [];
  for (const { id } of results) {
    const facts = await loadLeadFacts(env.DB, conn.workspaceId, id, now);
    if (!facts) continue;
    const plan = await planSync(env.DB, client, conn, keys, facts);
    items.push({
      leadId: facts.leadId,
      name: facts.name,
      action: !plan.current ? "create" : Object.keys(plan.toWrite).length ? "update" : "unchanged",
      matchedBy: plan.matchedBy,
      candidates: plan.candidates,
      recordId: plan.current ? client.recordRef(account, plan.current.id) : null,
      fields: plan.decisions,
    });
  }
  return { items, calls: client.http.calls };
}
