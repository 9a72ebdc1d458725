import { describe, expect, it } from "vitest";
import { normalizeCompanyName } from "./normalize-name";

const full = (s: string) => normalizeCompanyName(s).full;
const core = (s: string) => normalizeCompanyName(s).core;

describe("normalizeCompanyName", () => {
  it("folds accents, case and punctuation", () => {
    expect(full("Société Générale")).toBe("societe generale");
    expect(full("L'ENFANT BLEU")).toBe("l enfant bleu");
    expect(full("Cœur de Lion")).toBe("coeur de lion");
    expect(full("  Électricité   de France ")).toBe("electricite de france");
  });

  it("removes French and foreign legal forms, dotted or not", () => {
    expect(full("Danone S.A.")).toBe("danone");
    expect(full("DANONE SA")).toBe("danone");
    expect(full("SARL Frank Hatem")).toBe("frank hatem");
    expect(full("Acme S.A.S.U.")).toBe("acme");
    expect(full("Ganymède SAS")).toBe("ganymede");
    expect(full("Dupont & Fils SNC")).toBe("dupont et fils");
    expect(full("Acme Inc.")).toBe("acme");
    expect(full("Acme Ltd")).toBe("acme");
    expect(full("Siemens GmbH")).toBe("siemens");
    expect(full("Elotex AG")).toBe("elotex");
    expect(full("Airbus SE")).toBe("airbus");
    expect(full("Société Anonyme des Eaux Minérales d'Evian")).toBe("des eaux minerales d evian");
    expect(full("Dupont Société par Actions Simplifiée")).toBe("dupont");
  });

  it("keeps short forms that are initials rather than legal forms", () => {
    expect(full("AG Conseil")).toBe("ag conseil");
    expect(full("SE Ingenierie")).toBe("se ingenierie");
    expect(full("AG")).toBe("ag"); // nothing left otherwise: the form is the name
  });

  it("strips generic corporate words only for the core form", () => {
    expect(full("Naturalia France")).toBe("naturalia france");
    expect(core("Naturalia France")).toBe("naturalia");
    expect(core("Groupe La Poste")).toBe("la poste");
    expect(core("Capgemini Technology Services")).toBe("capgemini");
    expect(core("Bouygues Holding International")).toBe("bouygues");
    expect(core("France")).toBe("france"); // never empty
    expect(core("Air France")).toBe("air"); // core is only a fallback: full still says "air france"
  });

  it("drops parenthesised trade names and acronyms", () => {
    expect(full("ESSOR ENERGIES (SOLARSUD)")).toBe("essor energies");
  });

  it("ignores articles and connectors in tokens", () => {
    expect(normalizeCompanyName("Les Restaurants du Coeur").tokens).toEqual(["restaurants", "coeur"]);
    expect(normalizeCompanyName("La Poste").tokens).toEqual(["poste"]);
    expect(normalizeCompanyName("Le Le").tokens).toEqual(["le", "le"]);
  });
});
