/** French company identifiers: SIREN (9 digits) and SIRET (14 digits, SIREN + establishment number),
 * both protected by the Luhn check; the intra-EU VAT number embeds the SIREN behind a 2-digit key. */

// Validation is the registers' own rule set, shared with the worker: one implementation of Luhn and La Poste.
import { isValidSiren, isValidSiret } from "@sillage/shared/firmographics/siren";
import { vatKeyFromSiren as vatKey } from "@sillage/shared/firmographics/vat";

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
