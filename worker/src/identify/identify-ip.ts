import { parseIp, isPublicIp } from "@sillage/shared/network/ip";
import { classifyNetwork, isLeadKind, type NetworkClassification, type NetworkKind } from "@sillage/shared/network/kind";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import type { FirmographicsProvider } from "@sillage/shared/providers/types";
import type { AsnStats } from "./asn-stats";
import { directLookups, type NetworkLookups } from "./network-lookups";
import { companyBySiren, matchOrganizationCached } from "./organization-match";
import { COMPANY_TTL_MS } from "./company-store";
import { companyNameSimilarity } from "@sillage/shared/company-match/score-candidates";
import { networkPriors } from "@sillage/shared/network/priors";
import { registryVerdict } from "@sillage/shared/network/registry-kind";

export interface IdentifyResult {
  ip: string;
  network: { asn: number | null; organization: string | null; kind: NetworkKind; reason: string };
  company: Firmographics | null;
  /** 0–1: how sure we are that `company` is the visitor's organisation. */
  confidence: number;
  /** Why this company, or why none. */
  reason: string;
}

export interface IdentifyInput {
  db: D1Database;
  providers: readonly FirmographicsProvider[];
  workspaceId: string;
  ip: string;
  /** What Cloudflare said about the connection (production); absent locally and for re-enrichment. */
  cf?: { asn?: number | null; asOrganization?: string | null };
  now: number;
  /** Where the network reads come from: one query each by default, prefetched for a queue batch. */
  lookups?: NetworkLookups;
}

export class InvalidIpError extends Error {}

/**
 * IP → network → kind → organisation → French legal entity. The one code path behind the enrichment queue,
 * `GET /api/v1/identify` and `npm run identify`. Provider failures propagate (the queue retries them).
 */
export async function identifyIp(input: IdentifyInput): Promise<IdentifyResult> {
  const { db, providers, workspaceId, now } = input;
  const lookups = input.lookups ?? directLookups(db);
  const parsed = parseIp(input.ip);
  if (!parsed) throw new InvalidIpError(`"${input.ip.slice(0, 64)}" is not an IPv4 or IPv6 address`);
  const ip = input.ip.trim();

  // A workspace that knows an IP range better than any register has the last word.
  const override = await lookups.cidrOverride(workspaceId, parsed);
  const network = await networkOf(lookups, parsed, input.cf);
  if (override) {
    const company = await companyBySiren(db, providers, override.siren, now, COMPANY_TTL_MS);
    const kind = await kindOf(lookups, workspaceId, network);
    return { ip, network: { ...network, ...kind }, company, confidence: 1, reason: `workspace override: ${override.value} → SIREN ${override.siren}` };
  }
  if (!isPublicIp(parsed)) {
    return {
      ip,
      network: { ...network, kind: "unknown", reason: "private or reserved address" },
      company: null,
      confidence: 0,
      reason: "private or reserved address",
    };
  }
  const kind = await kindOf(lookups, workspaceId, network);
  const net = { ...network, ...kind };
  // A correction ("this network is that company") names the company for every address of the network.
  const corrected = network.asn !== null ? await lookups.asnCompany(workspaceId, network.asn) : null;
  if (corrected) {
    const company = await companyBySiren(db, providers, corrected, now, COMPANY_TTL_MS);
    return { ip, network: net, company, confidence: 1, reason: asnCorrectionReason(network.asn!, corrected) };
  }
  const wantsEvidence = network.asn !== null && (kind.source === "default" || kind.source === "name");
  if (!network.organization || (!isLeadKind(kind.kind) && !(wantsEvidence && kind.kind === "unknown"))) {
    return { ip, network: net, company: null, confidence: 0, reason: `${kind.kind} network: ${kind.reason}` };
  }
  if (!wantsEvidence) {
    const match = await matchOrganizationCached(db, providers, network.organization, "network", now);
    return { ip, network: net, company: match.company, confidence: match.confidence, reason: match.reason };
  }
  const stats = await lookups.asnStats(network.asn!);
  return withRegistryEvidence(db, providers, ip, { ...net, organization: network.organization }, stats, now);
}

/**
 * A network the curated lists did not decide (unknown, or a lead kind from a name pattern): the register's entity
 * for its organisation name decides the kind (registry-kind.ts), when the priors allow asking and trusting it.
 */
async function withRegistryEvidence(
  db: D1Database,
  providers: readonly FirmographicsProvider[],
  ip: string,
  net: IdentifyResult["network"] & { organization: string },
  stats: AsnStats | null,
  now: number,
): Promise<IdentifyResult> {
  const priors = networkPriors(net.organization, stats?.ipv4Addresses ?? null);
  if (!priors.askRegistry) {
    const reason = `${net.reason}; register not asked (${priors.reason})`;
    return isLeadKind(net.kind)
      ? { ip, network: net, company: null, confidence: 0, reason }
      : { ip, network: { ...net, reason }, company: null, confidence: 0, reason: `${net.kind} network: ${reason}` };
  }
  const match = await matchOrganizationCached(db, providers, net.organization, "network", now);
  const similarity = match.company ? companyNameSimilarity(net.organization, match.company) : 0;
  const { decided, refused } = registryVerdict(match.company, similarity, priors);
  if (decided) {
    const network = { ...net, kind: decided.kind, reason: decided.reason };
    if (!decided.siren) return { ip, network, company: null, confidence: 0, reason: `${decided.kind} network: ${decided.reason}` };
    return { ip, network, company: match.company, confidence: match.confidence, reason: `${decided.reason} (${match.reason})` };
  }
  // The register did not decide: a name pattern's lead kind keeps its match (as before), unknown stays unknown.
  if (isLeadKind(net.kind)) return { ip, network: net, company: match.company, confidence: match.confidence, reason: match.reason };
  const verdict = refused ? `${refused.reason}, not trusted (${priors.reason})` : match.siren ? `${match.reason} (not decisive)` : match.reason;
  const reason = `${net.reason}; register: ${verdict}`;
  return { ip, network: { ...net, reason }, company: null, confidence: 0, reason: `unknown network: ${reason}` };
}

/** The reason stored on hits a workspace's ASN → SIREN correction named (re-attribution writes the same). */
export const asnCorrectionReason = (asn: number, siren: string) => `workspace correction: AS${asn} → SIREN ${siren}`;

async function networkOf(lookups: NetworkLookups, parsed: NonNullable<ReturnType<typeof parseIp>>, cf: IdentifyInput["cf"]) {
  if (cf?.asn) return { asn: cf.asn, organization: cf.asOrganization ?? null };
  const range = await lookups.ipRange(parsed);
  return { asn: range?.asn ?? null, organization: range?.organization ?? null };
}

async function kindOf(lookups: NetworkLookups, workspaceId: string, network: { asn: number | null; organization: string | null }) {
  if (network.asn === null) return { kind: "unknown", reason: "address in no announced range", source: "default" } as NetworkClassification;
  const overrides = await lookups.networkOverrides(workspaceId, network.asn);
  return classifyNetwork({ asn: network.asn, organization: network.organization ?? "" }, overrides);
}
