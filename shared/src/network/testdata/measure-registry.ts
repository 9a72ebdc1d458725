import { matchOrganisation } from "../../company-match/match-organisation";
import { companyNameSimilarity, MATCH_THRESHOLD } from "../../company-match/score-candidates";
import { createRechercheEntreprisesProvider } from "../../providers/recherche-entreprises";
import { classifyNetwork, isLeadKind, type NetworkClassification, type NetworkKind } from "../kind";
import { networkPriors } from "../priors";
import { REGISTRY_MIN_SIMILARITY, registryVerdict } from "../registry-kind";
import type { AsnData } from "./asn-csv";
import type { LabelledAsn } from "./asn-labels";
import { handwrittenSearchBody, type HandUnit } from "./registry-answers.handwritten";

/**
 * The whole offline-measurable pipeline on labelled ASNs, as `identify-ip.ts` runs it: lists and names
 * (classifyNetwork), then, for the networks it sends to the register (left unknown, or a lead kind from a name
 * pattern, and not a foreign legal form), the register's answer through the real API client, matcher and
 * registryVerdict. The register's answers come from `answers` (hand-written: see registry-answers.handwritten.ts);
 * a network sent to the register without an answer keeps the lists' and names' kind and is counted as such.
 */
export type DecidedBy = NetworkClassification["source"] | "registry";

export interface PipelineOutcome {
  label: LabelledAsn;
  organization: string;
  kind: NetworkKind;
  by: DecidedBy;
  /** Whether the register was asked, and whether an answer was at hand. */
  register: "not asked" | "not asked (foreign form)" | "answered" | "no answer at hand";
  /** When answered: "matched", or why the matcher named no unit (no_candidates, low_confidence…). */
  match?: string;
}

export interface Thresholds {
  /** Name similarity under which the register's unit does not decide the kind (registry-kind.ts). */
  minSimilarity: number;
  /** Matcher confidence under which no unit is named (score-candidates.ts). */
  matchThreshold: number;
}

export const SHIPPED_THRESHOLDS: Thresholds = { minSimilarity: REGISTRY_MIN_SIMILARITY, matchThreshold: MATCH_THRESHOLD };

const providerFor = (asn: number, units: readonly HandUnit[]) =>
  createRechercheEntreprisesProvider({
    baseUrl: "http://handwritten-register.invalid",
    ratePerSecond: 1e6,
    fetch: async () => new Response(JSON.stringify(handwrittenSearchBody(asn, units)), { headers: { "content-type": "application/json" } }),
  });

export async function runPipeline(
  labels: readonly LabelledAsn[],
  data: AsnData,
  answers: Readonly<Record<number, readonly HandUnit[]>>,
  thresholds: Thresholds = SHIPPED_THRESHOLDS,
): Promise<PipelineOutcome[]> {
  const out: PipelineOutcome[] = [];
  for (const label of labels) {
    const organization = data.organizationOf(label.asn);
    if (organization === undefined) continue;
    const c = classifyNetwork({ asn: label.asn, organization });
    const base = { label, organization, kind: c.kind, by: c.source as DecidedBy };
    if (!(c.source === "default" || (c.source === "name" && isLeadKind(c.kind)))) {
      out.push({ ...base, register: "not asked" });
      continue;
    }
    const priors = networkPriors(organization, data.ipv4AddressesOf(label.asn));
    if (!priors.askRegistry) {
      out.push({ ...base, register: "not asked (foreign form)" });
      continue;
    }
    const units = answers[label.asn];
    if (units === undefined) {
      out.push({ ...base, register: "no answer at hand" });
      continue;
    }
    const m = await matchOrganisation(providerFor(label.asn, units), { name: organization, context: "network" }, { threshold: thresholds.matchThreshold });
    const company = m.status === "matched" ? m.company : null;
    const similarity = company ? companyNameSimilarity(organization, company) : 0;
    const { decided } = registryVerdict(company, similarity, priors, thresholds.minSimilarity);
    const answered = { ...base, register: "answered" as const, match: m.status === "matched" ? "matched" : m.reason };
    out.push(decided ? { ...answered, kind: decided.kind, by: "registry" } : answered);
  }
  return out;
}

export interface PipelineSummary {
  n: number;
  accuracy: number;
  corporateFound: number;
  corporateLabelled: number;
  falseCorporate: PipelineOutcome[];
  unknownShare: number;
}

const accepted = (l: LabelledAsn) => [l.kind, ...(l.alt ?? [])];

export function summarize(outcomes: readonly PipelineOutcome[]): PipelineSummary {
  const n = outcomes.length;
  const right = outcomes.filter((o) => accepted(o.label).includes(o.kind)).length;
  return {
    n,
    accuracy: n ? right / n : 0,
    corporateFound: outcomes.filter((o) => o.label.kind === "corporate" && o.kind === "corporate").length,
    corporateLabelled: outcomes.filter((o) => o.label.kind === "corporate").length,
    falseCorporate: outcomes.filter((o) => o.kind === "corporate" && !accepted(o.label).includes("corporate")),
    unknownShare: n ? outcomes.filter((o) => o.kind === "unknown").length / n : 0,
  };
}

/** Why a labelled company was not found: the stage that let it go. */
export function missReason(o: PipelineOutcome): string {
  if (o.kind !== "unknown") return `lists or names said ${o.kind}`;
  if (o.register === "not asked (foreign form)") return "foreign legal form: register not asked";
  if (o.register === "no answer at hand") return "sent to the register, no answer at hand (not measured)";
  if (o.match === "no_candidates" || o.match === "no_name_match") return "no unit of that name in the register";
  if (o.match === "low_confidence" || o.match === "ambiguous") return "register unit too small or ambiguous (confidence < 0.75)";
  if (o.match === "matched") return "register unit matched but not decisive (similarity, state or NAF)";
  return `other (${o.register}${o.match ? `, ${o.match}` : ""})`;
}
