import { classifyNetwork, isLeadKind } from "../kind";
import { networkPriors } from "../priors";
import type { AsnData } from "./asn-csv";
import type { LabelledAsn } from "./asn-labels";

/**
 * What the registry stage can change on a labelled set, offline: the networks the lists and names leave `unknown`
 * that the priors send to the French register (and would trust as a company). The register's answer itself needs
 * the provider, so this bounds the stage: `corporateReachable` is the most it can add to "corporate found", and
 * `nonLeadAsked` the networks whose false "company" only the register's NAF (and the name similarity) prevent.
 */
export interface RegistryReach {
  unknown: number;
  asked: number;
  notAskedForeign: number;
  notTrustedOperatorSized: number;
  corporateReachable: number;
  nonLeadAsked: number;
}

export function measureRegistryReach(labels: readonly LabelledAsn[], data: AsnData): RegistryReach {
  const r: RegistryReach = { unknown: 0, asked: 0, notAskedForeign: 0, notTrustedOperatorSized: 0, corporateReachable: 0, nonLeadAsked: 0 };
  for (const label of labels) {
    const organization = data.organizationOf(label.asn);
    if (organization === undefined) continue;
    const got = classifyNetwork({ asn: label.asn, organization });
    if (got.kind !== "unknown") continue;
    r.unknown++;
    const priors = networkPriors(organization, data.ipv4AddressesOf(label.asn));
    if (!priors.askRegistry) {
      r.notAskedForeign++;
      continue;
    }
    r.asked++;
    if (!priors.trustCorporate) r.notTrustedOperatorSized++;
    const accepted = [label.kind, ...(label.alt ?? [])];
    if (label.kind === "corporate" && priors.trustCorporate) r.corporateReachable++;
    if (!accepted.some(isLeadKind)) r.nonLeadAsked++;
  }
  return r;
}
