import { describe, expect, it } from "vitest";
import { departementFromCommuneCode, departementFromPostalCode, departementName, regionName, regionOfDepartement } from "./geo";

describe("départements and regions", () => {
  it("names départements and their regions", () => {
    expect(departementName("75")).toBe("Paris");
    expect(regionName(regionOfDepartement("75"))).toBe("Île-de-France");
    expect(departementName("2A")).toBe("Corse-du-Sud");
    expect(regionName(regionOfDepartement("2b"))).toBe("Corse");
    expect(regionName(regionOfDepartement("974"))).toBe("La Réunion");
    expect(regionName(regionOfDepartement("35"))).toBe("Bretagne");
    expect(regionOfDepartement("988")).toBeNull(); // Nouvelle-Calédonie: no region
    expect(departementName("20")).toBeNull();
  });

  it("has 101 départements in regions", () => {
    const codes = [...Array(95).keys()].map((i) => String(i + 1).padStart(2, "0")).filter((c) => c !== "20");
    const all = [...codes, "2A", "2B", "971", "972", "973", "974", "976"];
    expect(all).toHaveLength(101);
    for (const c of all) expect(regionName(regionOfDepartement(c)), c).not.toBeNull();
  });

  it("derives the département from a postal code", () => {
    expect(departementFromPostalCode("75009")).toBe("75");
    expect(departementFromPostalCode("01000")).toBe("01");
    expect(departementFromPostalCode("20000")).toBe("2A"); // Ajaccio
    expect(departementFromPostalCode("20200")).toBe("2B"); // Bastia
    expect(departementFromPostalCode("97420")).toBe("974");
    expect(departementFromPostalCode("98000")).toBeNull(); // Monaco
    expect(departementFromPostalCode("7500")).toBeNull();
  });

  it("derives the département from an INSEE commune code", () => {
    expect(departementFromCommuneCode("75109")).toBe("75");
    expect(departementFromCommuneCode("2A004")).toBe("2A");
    expect(departementFromCommuneCode("97411")).toBe("974");
    expect(departementFromCommuneCode("99109")).toBeNull(); // foreign country code
  });
});
