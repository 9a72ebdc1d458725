import { CRM_FIELDS, policyOf, type CrmField, type FieldKeys, type FieldMapping } from "./fields";

export type CrmValues = Record<string, string | null>;

export interface FieldDecision {
  field: CrmField;
  /** What the CRM has now (null when empty or when the company is to be created). */
  crm: string | null;
  sillage: string | null;
  /** write: sent; same: already right; kept: a salesperson's value is kept; skipped: mapping says never, or Sillage knows nothing. */
  action: "write" | "same" | "kept" | "skipped";
}

const blank = (v: string | null | undefined) => v == null || v.trim() === "";

/** CRMs echo numbers back in their own format ("27376000000.0", 72.5 as "72.5"): compare numbers as numbers. */
export function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  const x = a!.trim();
  const y = b!.trim();
  if (x === y) return true;
  const nx = Number(x);
  const ny = Number(y);
  return x !== "" && y !== "" && Number.isFinite(nx) && Number.isFinite(ny) && nx === ny;
}

/**
 * Which fields to write on a CRM company. Pure. `current` is null when the company is being created.
 * A field is written when it is new to the CRM, when the mapping says "always", or when the CRM still holds what
 * Sillage last wrote there (`written`); a value someone changed in the CRM since is kept. Sillage never blanks a
 * CRM value with an unknown one.
 */
export function planFields(
  desired: Record<CrmField, string | null>,
  keys: FieldKeys,
  current: CrmValues | null,
  written: Record<string, string>,
  mapping: FieldMapping,
): { decisions: FieldDecision[]; toWrite: Record<string, string> } {
  const decisions: FieldDecision[] = [];
  const toWrite: Record<string, string> = {};
  for (const field of CRM_FIELDS) {
    const key = keys[field];
    if (!key) continue; // not available in this CRM
    const sillage = desired[field];
    const crm = current ? (current[key] ?? null) : null;
    const policy = policyOf(mapping, field);
    let action: FieldDecision["action"];
    if (policy === "never" || blank(sillage)) action = "skipped";
    else if (current && sameValue(crm, sillage)) action = "same";
    else if (!current || policy === "always" || blank(crm) || (written[key] !== undefined && sameValue(crm, written[key]))) action = "write";
    else action = "kept";
    if (action === "write") toWrite[key] = sillage!;
    decisions.push({ field, crm: blank(crm) ? null : crm, sillage, action });
  }
  return { decisions, toWrite };
}
