import { normalizeOrganization } from "./kind";

/**
 * Offline priors about an AS organisation, from the IP table and the name alone. They never call a network
 * `corporate` by themselves: they decide whether the French register is worth asking (a provider call per
 * organisation per TTL) and whether its answer may be trusted for this network. Pure.
 *
 * - Legal form in the name: a French form (SA, SAS, SARL, SE…) says the register should know it; a foreign form
 *   (GmbH, Ltd, LLC, Inc, B.V., S.p.A., OOO, Ltda, ehf, "Company"…) says the French register cannot — a French
 *   namesake would be a false match, so the register is not asked.
 * - Address space (IPv4 addresses announced): measured on the 515 labelled ASNs, half of the companies announce
 *   ≤ 768 addresses and only 1 in 117 more than 2^20, while that much space is common for ISPs, mobile and
 *   hosting networks (their 90th percentiles: 226,816; 14,050,048; 3,238,144). A register answer "company" is not
 *   trusted above OPERATOR_SCALE_V4.
 */

export type LegalFormClass = "french" | "foreign" | "none";

export interface NetworkPriors {
  legalForm: LegalFormClass;
  /** IPv4 addresses the ASN announces, when the caller knows (the IP table); null otherwise. */
  ipv4Addresses: number | null;
  /** Whether asking the French register about this organisation may name a French entity. */
  askRegistry: boolean;
  /** Whether a register answer "company" may stand for this network. */
  trustCorporate: boolean;
  /** Why, for the classification reason. */
  reason: string;
}

/** IPv4 addresses above which a network is operator-sized: 2^20 (a /12). */
export const OPERATOR_SCALE_V4 = 1 << 20;

const FRENCH_FORM =
  /\b(s\.?a\.?s\.?u?|s\.?a\.?r\.?l|e\.?u\.?r\.?l|sasu|sas|sarl|snc|sca|scop|gie|sem|spl|societe anonyme|societe par actions simplifiee|societe europeenne)\b|\bs\.a\.(?=\s|$)|\bsa$|\bse$|\bgroupe\b/;
const FOREIGN_FORM = new RegExp(
  [
    // at the end of the name
    /\b(gmbh|mbh|ltd|limited|llc|l\.l\.c|llp|inc|incorporated|corp|corporation|plc|pty|pvt|b\.?v|n\.?v|ag|kg|a\/s|aps|asa|ab|oy|oyj|s\.?p\.?a|s\.?r\.?l|s\.?l\.?u?|sp\.? z o\.?o|s\.?r\.?o|a\.?s|d\.?o\.?o|d\.?d|ooo|ojsc|jsc|pjsc|zao|oao|pao|ao|tov|kft|zrt|bhd|sdn|pte|co\.,? ltd|k\.?k|ltda|eireli|ehf|hf|sia|uab|kdor|e\.v|s\.?a\.?c|e\.?i\.?r\.?l|s\.?a\.?l|k\.?s\.?c(\.?closed)?|anonim sirketi|limited sirketi|sociedad anonima|s\.?a\.? de c\.?v|joint stock company|limited liability company|gesellschaft)\b\.?$/
      .source,
    // anywhere: forms and words French companies do not use
    /\b(ooo|tov|pt|cv|company|companhia|joint[ -]stock)\b|\s-\sme$/.source,
    // leading: "AO Kommersant", "AS \"Latvenergo\""
    /^(ao|pao|oao|zao|jsc|ojsc|pjsc|sia|uab|as|llc)\s/.source,
  ].join("|"),
);

/** The legal-form class a name shows ("Danone SA" → french, "Zenlayer Inc" → foreign, "Renater" → none). */
export function legalFormClass(organization: string): LegalFormClass {
  const name = normalizeOrganization(organization).replace(/[,;]+/g, " ").replace(/\s+/g, " ").trim();
  if (FRENCH_FORM.test(name)) return "french";
  if (FOREIGN_FORM.test(name)) return "foreign";
  return "none";
}

export function networkPriors(organization: string, ipv4Addresses: number | null = null): NetworkPriors {
  const legalForm = legalFormClass(organization);
  const operatorSized = ipv4Addresses !== null && ipv4Addresses > OPERATOR_SCALE_V4;
  const askRegistry = legalForm !== "foreign";
  const reasons = [`legal form ${legalForm}`];
  if (ipv4Addresses !== null) reasons.push(`${ipv4Addresses.toLocaleString("en")} IPv4 addresses${operatorSized ? " (operator-sized)" : ""}`);
  return { legalForm, ipv4Addresses, askRegistry, trustCorporate: !operatorSized, reason: reasons.join(", ") };
}
