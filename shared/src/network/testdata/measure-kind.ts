import { classifyNetwork, isLeadKind, type NetworkClassification } from "../kind";
import type { AsnData } from "./asn-csv";
import type { LabelledAsn } from "./asn-labels";

export interface KindMeasure {
  total: number;
  correct: number;
  accuracy: number;
  /** Predicted "corporate" where the label is not: the worst error. */
  falseCorporate: Outcome[];
  /** Predicted a lead kind (corporate/education/government) where the label is not one. */
  falseLead: Outcome[];
  /** Labelled corporate, predicted something else (a missed lead, the safe error). */
  missedCorporate: Outcome[];
  /** Labelled corporate and predicted corporate. */
  correctCorporate: number;
  wrong: Outcome[];
  /** Answered "unknown", right or wrong. */
  unknownCount: number;
  /** Labels whose ASN is absent from the data (not counted). */
  missing: number[];
}

export interface Outcome {
  label: LabelledAsn;
  organization: string;
  got: NetworkClassification;
}

/** Classifies each labelled ASN with its organisation name from the real data and compares. */
export function measureKinds(labels: readonly LabelledAsn[], data: AsnData): KindMeasure {
  const m: KindMeasure = {
    total: 0,
    correct: 0,
    accuracy: 0,
    falseCorporate: [],
    falseLead: [],
    missedCorporate: [],
    correctCorporate: 0,
    wrong: [],
    unknownCount: 0,
    missing: [],
  };
  for (const label of labels) {
    const organization = data.organizationOf(label.asn);
    if (organization === undefined) {
      m.missing.push(label.asn);
      continue;
    }
    const got = classifyNetwork({ asn: label.asn, organization });
    const accepted = [label.kind, ...(label.alt ?? [])];
    const outcome = { label, organization, got };
    m.total++;
    if (got.kind === "unknown") m.unknownCount++;
    if (accepted.includes(got.kind)) m.correct++;
    else m.wrong.push(outcome);
    if (got.kind === "corporate" && !accepted.includes("corporate")) m.falseCorporate.push(outcome);
    if (isLeadKind(got.kind) && !accepted.some(isLeadKind)) m.falseLead.push(outcome);
    if (label.kind === "corporate" && got.kind !== "corporate") m.missedCorporate.push(outcome);
    if (label.kind === "corporate" && got.kind === "corporate") m.correctCorporate++;
  }
  m.accuracy = m.total === 0 ? 0 : m.correct / m.total;
  return m;
}
