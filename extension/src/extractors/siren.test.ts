import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sirenFromText } from "./siren";
import { isValidSiren, isValidSiret, passesLuhn as luhnValid } from "@sillage/shared/firmographics/siren";
import { vatKeyFromSiren as vatKey } from "@sillage/shared/firmographics/vat";

/** Appends the Luhn check digit, so generated identifiers are valid by construction. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error("unreachable");
}

describe("SIREN / SIRET", () => {
  it("accepts real identifiers and rejects a one-digit typo", () => {
    expect(isValidSiren("552032534")).toBe(true); // Danone
    expect(isValidSiren("552032535")).toBe(false);
    expect(isValidSiret("55203253400018")).toBe(true);
    expect(isValidSiren("55203253")).toBe(false);
  });

  it("accepts La Poste SIRETs by the digit-sum rule", () => {
    // 3+5+6 + 0… + 0+0+0+1+1 = 16 → not a multiple of 5; …0+0+0+1+5 = 20 → valid.
    expect(isValidSiret("35600000000015")).toBe(true);
    expect(isValidSiret("35600000000011")).toBe(false);
  });

  it("computes the FR VAT key (Danone → 27)", () => {
    expect(vatKey("552032534")).toBe("27");
  });

  it("reads spaced, dotted and prefixed values, SIRETs and VAT numbers", () => {
    expect(sirenFromText("552 032 534")).toBe("552032534");
    expect(sirenFromText("552.032.534")).toBe("552032534");
    expect(sirenFromText("552\u00a0032\u00a0534 00018")).toBe("552032534");
    expect(sirenFromText("SIREN : 552 032 534")).toBe("552032534");
    expect(sirenFromText("FR27552032534")).toBe("552032534");
    expect(sirenFromText("FR 28 552032534")).toBeUndefined(); // wrong key
    expect(sirenFromText("552 032 535")).toBeUndefined();
    expect(sirenFromText("--")).toBeUndefined();
    expect(sirenFromText("+33 1 23 45 67 89")).toBeUndefined();
  });

  it("property: any valid SIREN is read back however it is spaced; any single-digit change is rejected", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const siren = withCheckDigit(body);
        expect(sirenFromText(`${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`)).toBe(siren);
        const altered = siren.slice(0, pos) + ((Number(siren[pos]) + delta) % 10) + siren.slice(pos + 1);
        expect(isValidSiren(altered)).toBe(false);
      }),
    );
  });

  it("property: a valid SIRET yields its SIREN when that SIREN is valid too", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d{4}$/), (sirenBody, nicBody) => {
        const siren = withCheckDigit(sirenBody);
        const siret = withCheckDigit(siren + nicBody);
        expect(sirenFromText(siret)).toBe(siren);
      }),
    );
  });
});
