import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidSiren, isValidSiret, LA_POSTE_SIREN, parseCompanyIdentifier, passesLuhn, sirenOfSiret } from "./siren";

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
const digitSum = (s: string) => [...s].reduce((t, c) => t + Number(c), 0);

/** Appends the one digit that makes the string pass Luhn. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error("unreachable");
}

describe("isValidSiren", () => {
  it("accepts real SIRENs from the register", () => {
    for (const s of ["552032534", "356000000", "130025265", "217500016", "302474648", "487444697", "880878145"]) {
      expect(isValidSiren(s), s).toBe(true);
    }
  });

  it("rejects wrong lengths, non-digits, the all-zero number and a bad check digit", () => {
    for (const s of ["", "55203253", "5520325345", "55203253a", " 552032534", "552 032 534", "000000000", "552032535", "123456789"]) {
      expect(isValidSiren(s), s).toBe(false);
    }
  });

  it("has exactly one valid check digit for any 8-digit body", () => {
    fc.assert(
      fc.property(digits(8), (body) => {
        const valid = [...Array(10).keys()].filter((d) => passesLuhn(body + d));
        expect(valid).toHaveLength(1);
      }),
    );
  });

  it("detects every single-digit typo", () => {
    fc.assert(
      fc.property(digits(8), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const siren = withCheckDigit(body);
        fc.pre(siren !== "000000000");
        const typo = siren.slice(0, pos) + ((Number(siren[pos]) + delta) % 10) + siren.slice(pos + 1);
        expect(isValidSiren(typo)).toBe(false);
      }),
    );
  });
});

describe("isValidSiret", () => {
  it("accepts real head-office SIRETs, including La Poste's (which passes Luhn)", () => {
    for (const s of ["55203253400703", "35600000000048", "48744469700428", "88087814500015"]) {
      expect(isValidSiret(s), s).toBe(true);
    }
  });

  it("requires a valid SIREN prefix", () => {
    fc.assert(
      fc.property(digits(14), (s) => {
        if (isValidSiret(s)) expect(isValidSiren(sirenOfSiret(s))).toBe(true);
      }),
    );
    expect(isValidSiret("12345678900003")).toBe(false);
  });

  it("accepts La Poste SIRETs whose digit sum is a multiple of 5, even when Luhn fails", () => {
    fc.assert(
      fc.property(digits(5), (nic) => {
        const siret = LA_POSTE_SIREN + nic;
        expect(isValidSiret(siret)).toBe(passesLuhn(siret) || digitSum(siret) % 5 === 0);
      }),
    );
    // 3+5+6+1+0 = 15, and Luhn fails on it: valid only thanks to the exception
    expect(passesLuhn("35600000000010")).toBe(false);
    expect(isValidSiret("35600000000010")).toBe(true);
  });

  it("does not extend the digit-sum exception to other companies", () => {
    fc.assert(
      fc.property(digits(8), digits(5), (body, nic) => {
        const siren = withCheckDigit(body);
        fc.pre(siren !== LA_POSTE_SIREN && siren !== "000000000");
        const siret = siren + nic;
        expect(isValidSiret(siret)).toBe(passesLuhn(siret));
      }),
    );
  });
});

describe("parseCompanyIdentifier", () => {
  it("reads identifiers typed with spaces and tells SIREN from SIRET", () => {
    expect(parseCompanyIdentifier(" 552 032 534 ")).toEqual({ kind: "siren", siren: "552032534" });
    expect(parseCompanyIdentifier("552 032 534 00703")).toEqual({ kind: "siret", siren: "552032534", siret: "55203253400703" });
    expect(parseCompanyIdentifier("552032535")).toBeNull();
    expect(parseCompanyIdentifier("Danone")).toBeNull();
  });
});
