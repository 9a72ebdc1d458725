import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameSimilarity } from "./name-similarity";

describe("nameSimilarity", () => {
  it("treats legal-form, case and accent variants as the same name", () => {
    expect(nameSimilarity("Danone S.A.", "DANONE")).toBe(1);
    expect(nameSimilarity("Ganymède SAS", "GANYMEDE")).toBe(1);
    expect(nameSimilarity("La Poste", "LA POSTE")).toBe(1);
  });

  it("grades near-exact agreements just below exact", () => {
    expect(nameSimilarity("Red Needles", "REDNEEDLES")).toBe(0.98);
    expect(nameSimilarity("Restaurants du Coeur", "LES RESTAURANTS DU COEUR")).toBe(0.97);
    expect(nameSimilarity("Naturalia", "NATURALIA FRANCE")).toBe(0.9);
    expect(nameSimilarity("Groupe La Poste", "LA POSTE")).toBe(0.9);
  });

  it("keeps different companies that share a word below the 0.8 bar", () => {
    expect(nameSimilarity("Ganymede", "FINANCIERE GANYMEDE")).toBeLessThan(0.8);
    expect(nameSimilarity("Danone", "DANONE PRODUITS FRAIS FRANCE")).toBeLessThan(0.8);
    expect(nameSimilarity("AG", "AG CONSEIL")).toBeLessThan(0.8);
    expect(nameSimilarity("aga", "AGA CONSEIL")).toBeLessThan(0.8);
    expect(nameSimilarity("xavier jouppe", "ARCTURUS")).toBe(0);
  });

  it("tolerates a one-letter typo only in long words", () => {
    expect(nameSimilarity("Capgemini Engineering", "CAPGEMMINI ENGINEERING")).toBeGreaterThanOrEqual(0.75);
    expect(nameSimilarity("aga", "aba")).toBe(0);
  });

  it("is symmetric and bounded", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBeCloseTo(s, 10);
      }),
    );
  });

  it("gives 1 for any non-empty name against itself", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/), (a) => {
        expect(nameSimilarity(a, a)).toBe(1);
      }),
    );
  });
});
