import type { CompanyIdentity, CrmClient, CrmCompany } from "./client";
import type { CrmConnection } from "./connection-store";
import { planFields, type FieldDecision } from "./field-plan";
import { fieldValues } from "./field-values";
import type { FieldKeys } from "./fields";
import type { LeadFacts } from "./lead-facts";
import { findKnownRecord, forgetRecord, writtenOn } from "./record-store";

export type MatchedBy = "record" | "siren" | "domain" | "name";

/** What syncing a lead would do: the company it matched (or none: create) and the decision for each field. */
export interface SyncPlan {
  identity: CompanyIdentity;
  current: CrmCompany | null;
  matchedBy: MatchedBy | null;
  /** How many CRM companies matched at that level (2+: the CRM already holds duplicates). */
  candidates: number;
  written: Record<string, string>;
  decisions: FieldDecision[];
  toWrite: Record<string, string>;
}

export const identityOf = (f: LeadFacts): CompanyIdentity => ({ siren: f.siren, domain: f.domain, name: f.name });

/**
 * Finds the lead's company: the record Sillage already wrote for it (by lead, SIREN, domain or name — no CRM
 * search needed, and immune to the search index lag), else the CRM's search by SIREN, then domain, then exact
 * legal name. Reads only; `forgetMissing` lets the sync drop a remembered record the CRM has since deleted.
 */
export async function planSync(
  db: D1Database,
  client: CrmClient,
  conn: Pick<CrmConnection, "id" | "mapping">,
  keys: FieldKeys,
  facts: LeadFacts,
  { forgetMissing = false } = {},
): Promise<SyncPlan> {
  const identity = identityOf(facts);
  let current: CrmCompany | null = null;
  let matchedBy: MatchedBy | null = null;
  let candidates = 0;
  let written: Record<string, string> = {};

  const known = await findKnownRecord(db, conn.id, facts.leadId, identity);
  if (known) {
    current = await client.get(known.recordId, keys);
    if (current) {
      matchedBy = known.by;
      candidates = 1;
      written = known.written;
    } else if (forgetMissing) {
      await forgetRecord(db, conn.id, known.recordId);
    }
  }
  if (!current) {
    const found = await client.find(identity, keys);
    if (found) {
      current = found.company;
      matchedBy = found.by;
      candidates = found.candidates;
      written = await writtenOn(db, conn.id, found.company.id);
    }
  }
  const { decisions, toWrite } = planFields(fieldValues(facts), keys, current?.values ?? null, written, conn.mapping);
  return { identity, current, matchedBy, candidates, written, decisions, toWrite };
}
