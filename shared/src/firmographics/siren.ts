/**
 * SIREN (9 digits, a legal unit) and SIRET (14 digits, one establishment: SIREN + 5-digit NIC) checks.
 * Both carry a Luhn check digit; La Poste is the documented exception (see isValidSiret).
 */

export const LA_POSTE_SIREN = "356000000";

const NINE_DIGITS = /^\d{9}$/;
const FOURTEEN_DIGITS = /^\d{14}$/;

/** Luhn check over a string of digits (doubling every second digit from the right). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const c of digits) sum += c.charCodeAt(0) - 48;
  return sum;
}

/** Removes the spaces, dots and dashes people type in identifiers ("552 032 534"). */
export function compactIdentifier(input: string): string {
  return input.replace(/[\s.\-\u00a0\u202f]/g, "");
}

export function isValidSiren(input: string): boolean {
  return NINE_DIGITS.test(input) && input !== "000000000" && passesLuhn(input);
}

/**
 * La Poste's establishments all share SIREN 356000000 and there are more of them than Luhn-valid NICs,
 * so INSEE also accepts its SIRETs whose digit sum is a multiple of 5 (its head office still passes Luhn).
 */
export function isValidSiret(input: string): boolean {
  if (!FOURTEEN_DIGITS.test(input)) return false;
  const siren = input.slice(0, 9);
  if (!isValidSiren(siren)) return false;
  if (passesLuhn(input)) return true;
  return siren === LA_POSTE_SIREN && digitSum(input) % 5 === 0;
}

export function sirenOfSiret(siret: string): string {
  return siret.slice(0, 9);
}

/** Reads a SIREN or SIRET typed by a person; null when it is neither. */
export function parseCompanyIdentifier(input: string): { kind: "siren"; siren: string } | { kind: "siret"; siren: string; siret: string } | null {
  const compact = compactIdentifier(input.trim());
  if (isValidSiren(compact)) return { kind: "siren", siren: compact };
  if (isValidSiret(compact)) return { kind: "siret", siren: sirenOfSiret(compact), siret: compact };
  return null;
}
