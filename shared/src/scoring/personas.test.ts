import { describe, expect, it } from "vitest";
import { compilePersona, DEFAULT_PERSONAS, normalizeTitle, personasOf } from "./personas";

const itDirector = compilePersona("it_director", DEFAULT_PERSONAS.it_director);
const isItDirector = (title: string) => itDirector.matches(normalizeTitle(title));

describe("job title personas", () => {
  it.each([
    "Directeur IT",
    "directeur informatique",
    "DIRECTEUR INFORMATIQUE",
    "DSI",
    "CIO",
    "IT Director",
    "Head of IT",
    "Responsable informatique",
    "Directeur des systèmes d'information",
    "Directeur des Systemes d’Information",
    "Directrice des systèmes d'information",
    "Directeur·rice informatique",
    "DSI & Transformation digitale",
    "Directeur IT - Groupe ACME",
    "Chief Information Officer (CIO)",
  ])("recognises %s as an IT director", (title) => {
    expect(isItDirector(title)).toBe(true);
  });

  it.each([
    "Directeur commercial", // contains the letters c-i-o? no: whole words only
    "Directeur marketing",
    "Assistante DSI",
    "Stagiaire DSI",
    "Socio-économiste",
    "Directeur financier",
    "Digital Director",
    "",
  ])("does not take %s for an IT director", (title) => {
    expect(isItDirector(title)).toBe(false);
  });

  it("folds accents, case, punctuation and feminine forms", () => {
    expect(normalizeTitle("  Directrice Générale Déléguée ")).toBe("directeur general delegue");
    expect(normalizeTitle("Président-Directeur Général")).toBe("president directeur general");
    expect(normalizeTitle("R&D")).toBe("r et d");
  });

  it("knows the other decision makers in French and English", () => {
    expect(personasOf("PDG")).toEqual(["ceo"]);
    expect(personasOf("Gérante")).toEqual(["ceo"]);
    expect(personasOf("Co-fondateur & CEO")).toEqual(["ceo"]);
    expect(personasOf("Directeur Général Adjoint")).toEqual([]);
    expect(personasOf("Vice-président marketing")).toEqual(["marketing_director"]);
    expect(personasOf("DAF")).toEqual(["cfo"]);
    expect(personasOf("Directrice administrative et financière")).toEqual(["cfo"]);
    expect(personasOf("Head of Marketing")).toEqual(["marketing_director"]);
    expect(personasOf("CMO")).toEqual(["marketing_director"]);
    expect(personasOf("DRH")).toEqual(["hr_director"]);
    expect(personasOf("Directeur technique")).toEqual(["cto"]);
    expect(personasOf("Alternante marketing")).toEqual(["student"]);
  });

  it("accepts workspace personas", () => {
    const custom = { data_lead: { label: "Data", titles: ["Chief Data Officer", "Directeur de la donnée", "Head of Data"] } };
    expect(personasOf("Directrice de la Donnée", custom)).toEqual(["data_lead"]);
  });
});
