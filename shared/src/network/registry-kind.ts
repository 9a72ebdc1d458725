import { isSoleTrader } from "../firmographics/legal-form";
import type { Firmographics } from "../firmographics/record";
import type { NetworkKind } from "./kinds";
import type { NetworkPriors } from "./priors";

/**
 * Registry evidence: once an AS organisation name matched a French legal entity, the entity itself says what kind
 * of network it runs — by its activity code (NAF), its legal form and its state. Pure.
 *
 *   NAF 61.xx (telecommunications)                      → isp
 *   NAF 63.11Z, 63.12Z, 62.03Z (hosting, data processing,
 *       portals, facilities management)                 → hosting
 *   NAF 85.xx (education, public schools included)       → education
 *   NAF 84.xx or a public-law legal form                 → government
 *   any other active, diffusible entity that is not a
 *       sole trader, named closely enough               → corporate, with its SIREN
 *
 * Never a lead company: a non-diffusible unit (its identity is withheld by law), a sole trader (entrepreneur
 * individuel: a person, not a company), a ceased entity, or a name that only loosely matches.
 */

/** Below this name similarity (0–1) the register's answer does not decide the kind. Measured: see README. */
export const REGISTRY_MIN_SIMILARITY = 0.9;

/** Hosting and data-processing activities: their networks carry customers' traffic. */
const HOSTING_NAF = new Set(["63.11Z", "63.12Z", "62.03Z"]);

export interface RegistryKind {
  kind: NetworkKind;
  /** "NAF 70.10Z, SIREN 552032534, name similarity 0.97". */
  reason: string;
  /** The entity the kind names (a lead company when the kind is corporate, education or government). */
  siren: string | null;
}

const fmt = (x: number) => x.toFixed(2);

/** The kind a matched legal entity gives its network; null when the entity cannot decide (see above). */
export function kindFromRegistry(company: Firmographics, similarity: number, minSimilarity = REGISTRY_MIN_SIMILARITY): RegistryKind | null {
  if (!company.active || !company.diffusible || isSoleTrader(company.legalFormCode)) return null;
  if (similarity < minSimilarity) return null;
  const naf = company.nafCode ?? "";
  const evidence = `NAF ${naf || "unknown"}, SIREN ${company.siren}, name similarity ${fmt(similarity)}`;
  if (naf.startsWith("61.")) return { kind: "isp", reason: `telecom operator in the register: ${evidence}`, siren: null };
  if (HOSTING_NAF.has(naf)) return { kind: "hosting", reason: `hosting or data processing in the register: ${evidence}`, siren: null };
  // A public school is a public body too: its activity says education.
  if (naf.startsWith("85.")) return { kind: "education", reason: `education in the register: ${evidence}`, siren: company.siren };
  if (naf.startsWith("84.") || company.publicBody) return { kind: "government", reason: `public body in the register: ${evidence}`, siren: company.siren };
  if (!naf) return null;
  return { kind: "corporate", reason: `company in the register: ${evidence}`, siren: company.siren };
}

export interface RegistryVerdict {
  /** The kind the register gives the network, when it decides and the priors let it stand. */
  decided: RegistryKind | null;
  /** A register "company" the priors refused (operator-sized network): kept for the reason. */
  refused: RegistryKind | null;
}

/**
 * The registry stage's decision for a network, given the unit the organisation name matched (null: no confident
 * match) and the priors: the one rule the worker applies and the benchmark measures.
 */
export function registryVerdict(
  company: Firmographics | null,
  similarity: number,
  priors: Pick<NetworkPriors, "trustCorporate">,
  minSimilarity = REGISTRY_MIN_SIMILARITY,
): RegistryVerdict {
  const kind = company ? kindFromRegistry(company, similarity, minSimilarity) : null;
  if (kind?.kind === "corporate" && !priors.trustCorporate) return { decided: null, refused: kind };
  return { decided: kind, refused: null };
}
