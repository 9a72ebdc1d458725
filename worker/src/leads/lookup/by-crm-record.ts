import { crmRecordId } from "@sillage/shared/api/crm-record";
import { found, likeContains, notFound, type LookupHit } from "./lookup-hit";
import { leadIdByLink } from "./lead-ids";

/**
 * A CRM record (its identity, `crmRecordId`) → lead: a `crm-record` link a salesperson made, then a `crm` link
 * to one of the record's addresses (how the extension linked records before `crm-record` existed).
 */
export async function lookupByCrmRecord(db: D1Database, workspaceId: string, record: string): Promise<LookupHit> {
  const linked = await leadIdByLink(db, workspaceId, "crm-record", record);
  if (linked) return found(linked, "crm record link");

  // The record's number (a Salesforce id's first 15 characters, which every address of it contains) narrows
  // the candidates; each is then read as a record, so only an address of this very record matches.
  const number = record.slice(record.lastIndexOf("/") + 1).slice(0, 15);
  const { results } = await db
    .prepare(
      "SELECT lead_id AS id, value FROM lead_links WHERE workspace_id = ? AND kind = 'crm' AND value LIKE ? ESCAPE '\\' ORDER BY created_at DESC LIMIT 20",
    )
    .bind(workspaceId, likeContains(number))
    .all<{ id: string; value: string }>();
  const legacy = results.find((r) => crmRecordId(r.value) === record);
  if (legacy) return found(legacy.id, "crm link");

  return notFound(`no lead is linked to CRM record ${record}`);
}
