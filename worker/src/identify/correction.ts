import type { NetworkCorrectionBody } from "@sillage/shared/api/networks";
import { compactIdentifier } from "@sillage/shared/firmographics/siren";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { Env } from "../env";
import type { KeyActor } from "../leads/actor";
import { COMPANY_TTL_MS } from "./company-store";
import { companyBySiren } from "./organization-match";
import { workspaceProviders } from "./providers";
import { correctNetwork, type CorrectionOutcome, type NetworkCorrection } from "./reattribute";

/** A SIREN that passes the check digit but that no register knows: nothing to attribute the network to. */
export class UnknownCompanyError extends Error {}

/** The decision with its SIREN in compact form, and the company it names (fetched once for every ASN). */
async function resolveDecision(env: Env, workspaceId: string, body: NetworkCorrectionBody, now: number) {
  if (body.action !== "company") return { decision: body, company: null as Firmographics | null };
  const siren = compactIdentifier(body.siren);
  const company = await companyBySiren(env.DB, await workspaceProviders(env, workspaceId), siren, now, COMPANY_TTL_MS);
  if (!company) throw new UnknownCompanyError(`No company with SIREN ${siren} in the register.`);
  return { decision: { action: "company" as const, siren }, company };
}

/**
 * Applies one correction to several networks (a lead may have been named by more than one ASN): overrides written
 * and hits re-attributed per ASN, outcomes summed. Provider failures while fetching the company propagate.
 */
export async function correctNetworks(
  env: Env,
  input: { workspaceId: string; asns: readonly number[]; body: NetworkCorrectionBody; actor: KeyActor; via: NetworkCorrection["via"]; now: number },
): Promise<CorrectionOutcome> {
  const { decision, company } = await resolveDecision(env, input.workspaceId, input.body, input.now);
  let total = 0;
  let best: { leadId: string | null; n: number } = { leadId: null, n: 0 };
  for (const asn of input.asns) {
    const out = await correctNetwork(env, { workspaceId: input.workspaceId, asn, decision, company, actor: input.actor, via: input.via, now: input.now });
    total += out.reattributedHits;
    if (out.leadId && out.reattributedHits > best.n) best = { leadId: out.leadId, n: out.reattributedHits };
  }
  return { leadId: best.leadId, reattributedHits: total };
}

/** The networks (ASNs) whose organisation named this lead: its hits identified by network, not by an IP-range override. */
export async function networksNamingLead(db: D1Database, workspaceId: string, leadId: string): Promise<number[]> {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT asn FROM hits
        WHERE workspace_id = ? AND lead_id = ? AND asn IS NOT NULL AND network_kind IN ('corporate', 'education', 'government')
          AND (enrichment_reason IS NULL OR enrichment_reason NOT LIKE 'workspace override:%')`,
    )
    .bind(workspaceId, leadId)
    .all<{ asn: number }>();
  return results.map((r) => r.asn);
}
