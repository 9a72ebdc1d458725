import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passesLuhn } from "./siren";
import { isValidFrenchVatNumber, vatNumberFromSiren } from "./vat";

const validSiren = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((a) => {
    const body = a.join("");
    for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
    throw new Error("unreachable");
  })
  .filter((s) => s !== "000000000");

describe("vatNumberFromSiren", () => {
  it("matches published VAT numbers", () => {
    expect(vatNumberFromSiren("552032534")).toBe("FR27552032534"); // Danone (also in the API answer)
    expect(vatNumberFromSiren("443061841")).toBe("FR64443061841"); // Google France
    expect(vatNumberFromSiren("356000000")).toBe("FR39356000000"); // La Poste
  });

  it("returns null rather than a plausible number for an invalid SIREN", () => {
    expect(vatNumberFromSiren("552032535")).toBeNull();
    expect(vatNumberFromSiren("12345")).toBeNull();
  });

  it("computes the key as (12 + 3 × SIREN) mod 97 for every valid SIREN", () => {
    fc.assert(
      fc.property(validSiren, (siren) => {
        const vat = vatNumberFromSiren(siren)!;
        expect(vat).toMatch(new RegExp(`^FR\\d{2}${siren}$`));
        const expectedKey = (12n + 3n * BigInt(siren)) % 97n; // computed on the whole number, not mod first
        expect(Number(vat.slice(2, 4))).toBe(Number(expectedKey));
        expect(isValidFrenchVatNumber(vat)).toBe(true);
      }),
    );
  });

  it("rejects a VAT number whose key does not match its SIREN", () => {
    fc.assert(
      fc.property(validSiren, fc.integer({ min: 1, max: 96 }), (siren, shift) => {
        const vat = vatNumberFromSiren(siren)!;
        const wrongKey = ((Number(vat.slice(2, 4)) + shift) % 97).toString().padStart(2, "0");
        expect(isValidFrenchVatNumber(`FR${wrongKey}${siren}`)).toBe(false);
      }),
    );
  });
});
