import { isValidSiren } from "./siren";

/**
 * French intra-EU VAT number derived from the SIREN: "FR" + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97.
 * Every SIREN has one by construction; whether the company is actually VAT-registered is another matter
 * (VIES answers that, and we do not call it).
 */
export function vatKeyFromSiren(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return key.toString().padStart(2, "0");
}

/** Null when the input is not a valid SIREN, so a typo never yields a plausible-looking VAT number. */
export function vatNumberFromSiren(siren: string): string | null {
  if (!isValidSiren(siren)) return null;
  return `FR${vatKeyFromSiren(siren)}${siren}`;
}

/** Checks a French VAT number of the numeric-key form (FR + 2 digits + SIREN). */
export function isValidFrenchVatNumber(input: string): boolean {
  const m = /^FR(\d{2})(\d{9})$/.exec(input.replace(/\s/g, "").toUpperCase());
  if (!m) return false;
  const [, key, siren] = m as unknown as [string, string, string];
  return isValidSiren(siren) && vatKeyFromSiren(siren) === key;
}
