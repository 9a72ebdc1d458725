import { describe, expect, it } from "vitest";
import { loadRechercheEntreprisesFixture, loadRechercheEntreprisesFixtures } from "../../../test/fakes/recherche-entreprises";
import { firmographicsFromRechercheEntreprises } from "./from-recherche-entreprises";
import { firmographicsSchema } from "./record";

const first = (file: string) => loadRechercheEntreprisesFixture(file).result.results[0];

describe("firmographicsFromRechercheEntreprises", () => {
  it("maps Danone", () => {
    expect(firmographicsFromRechercheEntreprises(first("search-552032534.json"))).toEqual({
      source: "recherche-entreprises",
      siren: "552032534",
      headOfficeSiret: "55203253400703",
      name: "DANONE",
      aliases: [],
      legalFormCode: "5599",
      legalFormLabel: "SA à conseil d'administration (s.a.i.)",
      nafCode: "70.10Z",
      nafLabel: "Activités des sièges sociaux",
      nafSection: "M",
      nafSectionLabel: "Activités spécialisées, scientifiques et techniques",
      // the company's bracket (42), not the head office's (NN)
      headcountCode: "42",
      headcountMin: 1000,
      headcountMax: 1999,
      headcountLabel: "1 000 à 1 999 salariés",
      headcountYear: 2023,
      revenue: 27376000000,
      netIncome: 0,
      financesYear: 2024,
      category: "GE",
      categoryYear: 2023,
      address: "59-61 RUE LA FAYETTE 75009 PARIS",
      postalCode: "75009",
      city: "PARIS",
      departementCode: "75",
      departementName: "Paris",
      regionCode: "11",
      regionName: "Île-de-France",
      foreignCountry: null,
      createdOn: "1955-01-01",
      ceasedOn: null,
      active: true,
      vatNumber: "FR27552032534",
      establishmentCount: 19,
      openEstablishmentCount: 3,
      publicBody: false,
      association: false,
      diffusible: true,
    });
  });

  it("uses the company headcount when the head office's differs (La Poste: 53 vs 51)", () => {
    const laPoste = firmographicsFromRechercheEntreprises(first("search-356000000.json"))!;
    expect(laPoste.headcountCode).toBe("53");
    expect(laPoste.headcountMax).toBeNull();
    expect(laPoste.headOfficeSiret).toBe("35600000000048");
  });

  it("keeps ceased companies, marked inactive with their closing date", () => {
    const red = firmographicsFromRechercheEntreprises(first("search-839517323.json"))!;
    expect(red).toMatchObject({ name: "RED NEEDLES", active: false, ceasedOn: "2021-10-11", revenue: null });
  });

  it("reads finances of an older year and leaves them null when absent", () => {
    expect(firmographicsFromRechercheEntreprises(first("search-487444697.json"))).toMatchObject({
      revenue: 1848367,
      netIncome: -693623,
      financesYear: 2022,
      aliases: ["SOLARSUD"],
    });
    const withEmptyFinances = { ...(first("search-552032534.json") as object), finances: {} };
    expect(firmographicsFromRechercheEntreprises(withEmptyFinances)).toMatchObject({ revenue: null, netIncome: null, financesYear: null });
  });

  it("turns withheld values into nulls for non-diffusible sole traders", () => {
    const nd = firmographicsFromRechercheEntreprises(first("search-300025764.json"))!;
    expect(nd).toMatchObject({ name: null, aliases: [], address: null, postalCode: null, diffusible: false });
  });

  it("flags public bodies and exposes acronyms as aliases", () => {
    const dinum = firmographicsFromRechercheEntreprises(first("search-130025265.json"))!;
    expect(dinum).toMatchObject({ name: "DIRECTION INTERMINISTERIELLE DU NUMERIQUE", aliases: ["DINUM"], publicBody: true });
  });

  it("returns null for the stub the API sends for an unknown SIREN", () => {
    expect(firmographicsFromRechercheEntreprises(first("search-123456789.json"))).toBeNull();
    expect(firmographicsFromRechercheEntreprises({ nothing: true })).toBeNull();
  });

  it("produces schema-valid records for every recorded result", () => {
    let mapped = 0;
    let total = 0;
    for (const f of loadRechercheEntreprisesFixtures()) {
      for (const r of f.result.results) {
        total++;
        const record = firmographicsFromRechercheEntreprises(r);
        if (!record) continue;
        mapped++;
        expect(firmographicsSchema.safeParse(record).success, `${f.file} ${record.siren}`).toBe(true);
      }
    }
    expect(mapped).toBe(total - 1); // all but the unknown-SIREN stub
  });
});
