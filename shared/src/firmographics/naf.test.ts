import { describe, expect, it } from "vitest";
import { nafLabel, nafSection, nafSectionLabel, normalizeNafCode } from "./naf";

describe("NAF codes", () => {
  it("labels codes from INSEE's list", () => {
    expect(nafLabel("70.10Z")).toBe("Activités des sièges sociaux");
    expect(nafLabel("62.02A")).toBe("Conseil en systèmes et logiciels informatiques");
    expect(nafLabel("7010Z")).toBe("Activités des sièges sociaux");
  });

  it("derives the section from the division", () => {
    expect(nafSection("01.11Z")).toBe("A");
    expect(nafSection("35.11Z")).toBe("D");
    expect(nafSection("53.10Z")).toBe("H");
    expect(nafSection("62.02A")).toBe("J");
    expect(nafSection("70.10Z")).toBe("M");
    expect(nafSection("84.11Z")).toBe("O");
    expect(nafSection("99.00Z")).toBe("U");
    expect(nafSectionLabel("J")).toBe("Information et communication");
  });

  it("gives every sub-class of the package a section", () => {
    // 04 and 34 are unused divisions; every real code must map somewhere.
    for (const code of ["05.10Z", "33.20A", "41.10A", "58.11Z", "68.20B", "75.00Z", "82.99Z", "96.09Z", "97.00Z"]) {
      expect(nafSection(code), code).not.toBeNull();
    }
  });

  it("refuses older nomenclatures rather than mislabel them", () => {
    // "51.4A" is NAF 1993 wholesale trade; division 51 is air transport in NAF rév. 2.
    expect(normalizeNafCode("51.4A")).toBeNull();
    expect(nafSection("51.4A")).toBeNull();
    expect(nafLabel("51.4A")).toBeNull();
    expect(nafSection(null)).toBeNull();
  });
});
