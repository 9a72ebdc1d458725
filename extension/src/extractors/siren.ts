/** French company identifiers: SIREN (9 digits) and SIRET (14 digits, SIREN + establishment number),
 * both protected by the Luhn check; the intra-EU VAT number embeds the SIREN behind a 2-digit key. */

const LA_POSTE_SIREN = "356000000";

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the right.
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(s: string): boolean {
  return /^\d{9}$/.test(s) && luhnValid(s);
}

export function isValidSiret(s: string): boolean {
  if (!/^\d{14}$/.test(s)) return false;
  if (luhnValid(s)) return true;
  // La Poste's establishments outnumber what Luhn keys allow; INSEE uses "digit sum divisible by 5".
  if (s.startsWith(LA_POSTE_SIREN)) {
    const sum = [...s].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return false;
}

/** FR VAT key for a SIREN: (12 + 3 × (SIREN mod 97)) mod 97, two digits. */
export function vatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, "0");
}

function sirenFromCompact(compact: string): string | undefined {
  if (/^\d{9}$/.test(compact)) return isValidSiren(compact) ? compact : undefined;
  if (/^\d{14}$/.test(compact)) {
    const siren = compact.slice(0, 9);
    return isValidSiret(compact) && isValidSiren(siren) ? siren : undefined;
  }
  const vat = /^FR(\d{2})(\d{9})$/.exec(compact);
  if (vat && isValidSiren(vat[2]!) && vatKey(vat[2]!) === vat[1]) return vat[2];
  return undefined;
}

/** The SIREN stated by a field value: a SIREN, a SIRET or a FR VAT number, spaced or dotted as people
 * type them ("794 598 813", "794.598.813 00017"). Undefined unless the check digits agree. */
export function sirenFromText(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const compact = raw.toUpperCase().replace(/[\s.\u00a0\u202f-]/g, "");
  const whole = sirenFromCompact(compact);
  if (whole) return whole;
  // The value may carry a prefix ("SIREN : 794 598 813"); try each number-looking run on its own.
  const runs = raw.toUpperCase().match(/(?:FR\s?)?\d[\d\s.\u00a0\u202f]*\d/g) ?? [];
  for (const run of runs) {
    const found = sirenFromCompact(run.replace(/[\s.\u00a0\u202f]/g, ""));
    if (found) return found;
  }
  return undefined;
}
