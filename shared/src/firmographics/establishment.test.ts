import { describe, expect, it } from "vitest";
import { loadRechercheEntreprisesFixture } from "../../../test/fakes/recherche-entreprises";
import { chooseEstablishment, establishmentLabel, establishmentPlace, establishmentsFromRechercheEntreprises } from "./establishment";

/** The results of a recorded API answer (../shared/fixtures/recherche-entreprises). */
const results = (file: string) => loadRechercheEntreprisesFixture(file).result.results as Record<string, unknown>[];
const bySiren = (file: string, siren: string) => results(file).find((r) => r.siren === siren)!;

describe("establishments of a recorded answer", () => {
  it("reads the matching establishments and the head office, open or closed", () => {
    const ganymede = establishmentsFromRechercheEntreprises(bySiren("search-Ganymede.json", "510973431"));
    expect(ganymede.map((e) => [e.siret, e.postalCode, e.city, e.headOffice, e.active])).toEqual([
      ["51097343100024", "13600", "LA CIOTAT", true, true],
      ["51097343100016", "13600", "LA CIOTAT", false, false],
    ]);
  });

  it("picks the open establishment of the visit's postcode, never a closed one", () => {
    const chosen = chooseEstablishment(establishmentsFromRechercheEntreprises(bySiren("search-Ganymede.json", "510973431")), {
      postalCode: "13600",
      city: "La Ciotat",
    });
    expect(chosen).toMatchObject({ match: "postal_code", establishment: { siret: "51097343100024" } });
    const rennes = chooseEstablishment(establishmentsFromRechercheEntreprises(results("search-ag-cp_dep-35000-cp_dep_type-cp.json")[0]), {
      city: "Rennes",
      postalCode: "35000",
    });
    expect(rennes).toMatchObject({ match: "postal_code", establishment: { siret: "43524614500021", city: "RENNES" } });
  });

  it("falls back to the head office when nothing is near the visit (Danone, visited from Lyon)", () => {
    const danone = results("search-552032534.json")[0]!;
    const chosen = chooseEstablishment(establishmentsFromRechercheEntreprises(danone), { city: "Lyon", postalCode: "69007", latitude: 45.73, longitude: 4.84 });
    expect(chosen).toMatchObject({ match: "head_office", establishment: { siret: "55203253400703", postalCode: "75009" } });
    expect(establishmentLabel("DANONE", chosen!.establishment)).toBe("DANONE — siège de Paris 9e, SIRET 55203253400703");
  });

  // Hand-written: the recorded Danone answer with a Lyon establishment added to matching_etablissements (the API's
  // documented shape; no recording of a multi-site answer with coordinates exists in the fixtures).
  const danoneWithLyon = () => {
    const danone = structuredClone(results("search-552032534.json")[0]!) as Record<string, any>;
    danone.matching_etablissements = [
      {
        ...danone.siege,
        siret: "55203253400109",
        est_siege: false,
        code_postal: "69007",
        libelle_commune: "LYON 7EME ARRONDISSEMENT",
        latitude: "45.7335",
        longitude: "4.8372",
        region: "84",
      },
    ];
    return establishmentsFromRechercheEntreprises(danone);
  };

  it("names the visitor's office by postcode, city or coordinates (hand-written multi-site answer)", () => {
    const list = danoneWithLyon();
    const byPostcode = chooseEstablishment(list, { city: "Lyon", postalCode: "69007" })!;
    expect(byPostcode.match).toBe("postal_code");
    expect(establishmentLabel("DANONE", byPostcode.establishment)).toBe("DANONE — établissement de Lyon 7e, SIRET 55203253400109");
    expect(chooseEstablishment(list, { postalCode: "69003" })).toMatchObject({ match: "departement", establishment: { siret: "55203253400109" } });
    // Villeurbanne, no postcode: the nearest within 50 km.
    expect(chooseEstablishment(list, { city: "Villeurbanne", latitude: 45.77, longitude: 4.88 })).toMatchObject({
      match: "nearest",
      establishment: { siret: "55203253400109" },
    });
    expect(chooseEstablishment(list, { city: "Brest", postalCode: "29200", latitude: 48.39, longitude: -4.49 })).toMatchObject({ match: "head_office" });
    expect(chooseEstablishment([], { city: "Lyon" })).toBeNull();
  });

  it("writes places as people say them", () => {
    expect(establishmentPlace({ city: "PARIS 1", postalCode: "75001" })).toBe("Paris 1er");
    expect(establishmentPlace({ city: "MARSEILLE 8EME ARRONDISSEMENT", postalCode: "13008" })).toBe("Marseille 8e");
    expect(establishmentPlace({ city: "SAINT-ETIENNE", postalCode: "42000" })).toBe("Saint-Etienne");
  });
});
