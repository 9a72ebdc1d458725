import { describe, expect, it } from "vitest";
import { loadRechercheEntreprisesFixture } from "../../../test/fakes/recherche-entreprises";
import { firmographicsFromRechercheEntreprises } from "../firmographics/from-recherche-entreprises";
import type { Firmographics } from "../firmographics/record";
import { networkPriors, OPERATOR_SCALE_V4 } from "./priors";
import { kindFromRegistry, REGISTRY_MIN_SIMILARITY, registryVerdict } from "./registry-kind";

/** The first unit of a recorded API answer (../shared/fixtures/recherche-entreprises), mapped as the provider does. */
function recorded(file: string): Firmographics {
  const fixture = loadRechercheEntreprisesFixture(file);
  return firmographicsFromRechercheEntreprises(fixture.result.results[0])!;
}

describe("kindFromRegistry on recorded answers", () => {
  it("names an active company by its NAF and SIREN, with the evidence in words", () => {
    expect(kindFromRegistry(recorded("search-552032534.json"), 0.97)).toEqual({
      kind: "corporate",
      reason: "company in the register: NAF 70.10Z, SIREN 552032534, name similarity 0.97",
      siren: "552032534",
    });
    expect(kindFromRegistry(recorded("search-356000000.json"), 1)).toMatchObject({ kind: "corporate", siren: "356000000" }); // La Poste, 53.10Z
  });

  it("calls 84.xx a public body and 85.xx education, keeping the entity (flagged kinds)", () => {
    expect(kindFromRegistry(recorded("search-130025265.json"), 1)).toMatchObject({ kind: "government", siren: "130025265" }); // DINUM, 84.11Z
    expect(kindFromRegistry(recorded("search-217500016.json"), 1)).toMatchObject({ kind: "government" }); // Ville de Paris
    expect(kindFromRegistry(recorded("search-198100125.json"), 1)).toMatchObject({ kind: "education", siren: "198100125" }); // a lycée, 85.31Z
  });

  it("never names a non-diffusible unit, a sole trader or a ceased company", () => {
    expect(kindFromRegistry(recorded("search-300025764.json"), 1)).toBeNull(); // [NON-DIFFUSIBLE], legal form 1000
    expect(kindFromRegistry(recorded("search-883010316.json"), 1)).toBeNull(); // a sole trader (1000), ceased
    expect(kindFromRegistry(recorded("search-880878145.json"), 1)).toBeNull(); // GANYMEDE, ceased
    // Hand-written variant of the recorded Danone answer (no recording of an active sole trader exists): legal form 1000.
    expect(kindFromRegistry({ ...recorded("search-552032534.json"), legalFormCode: "1000" }, 1)).toBeNull();
  });

  it("does not decide on a loose name match", () => {
    const danone = recorded("search-552032534.json");
    expect(kindFromRegistry(danone, REGISTRY_MIN_SIMILARITY - 0.01)).toBeNull();
    expect(kindFromRegistry(danone, REGISTRY_MIN_SIMILARITY)).not.toBeNull();
  });

  // No recorded answer of a telecom or hosting company exists in the fixtures: these are the recorded Danone unit
  // with the activity code changed by hand (marked), the shape being the API's own.
  it("calls telecom operators isp and hosting/data processing hosting, naming no company (hand-written NAF)", () => {
    const danone = recorded("search-552032534.json");
    for (const naf of ["61.10Z", "61.20Z", "61.90Z"]) expect(kindFromRegistry({ ...danone, nafCode: naf }, 1)).toMatchObject({ kind: "isp", siren: null });
    for (const naf of ["63.11Z", "63.12Z", "62.03Z"]) expect(kindFromRegistry({ ...danone, nafCode: naf }, 1)).toMatchObject({ kind: "hosting", siren: null });
    expect(kindFromRegistry({ ...danone, nafCode: "62.01Z" }, 1)).toMatchObject({ kind: "corporate" }); // a software vendor is a company
    expect(kindFromRegistry({ ...danone, nafCode: null }, 1)).toBeNull();
  });
});

describe("registryVerdict: the register's kind, as the priors let it stand", () => {
  const danone = () => recorded("search-552032534.json");

  it("keeps a company for a network of company size, refuses it (kept for the reason) for an operator-sized one", () => {
    expect(registryVerdict(danone(), 1, networkPriors("DANONE SA", 768)).decided).toMatchObject({ kind: "corporate", siren: "552032534" });
    const big = registryVerdict(danone(), 1, networkPriors("DANONE SA", OPERATOR_SCALE_V4 * 2));
    expect(big.decided).toBeNull();
    expect(big.refused).toMatchObject({ kind: "corporate", siren: "552032534" });
  });

  it("lets a telecom or hosting verdict stand whatever the size (it names no company)", () => {
    const telecom = { ...danone(), nafCode: "61.10Z" }; // hand-written NAF on the recorded unit
    expect(registryVerdict(telecom, 1, networkPriors("DANONE SA", OPERATOR_SCALE_V4 * 2)).decided).toMatchObject({ kind: "isp", siren: null });
  });

  it("decides nothing without a matched unit or below the similarity bar", () => {
    expect(registryVerdict(null, 0, networkPriors("DANONE SA"))).toEqual({ decided: null, refused: null });
    expect(registryVerdict(danone(), REGISTRY_MIN_SIMILARITY - 0.01, networkPriors("DANONE SA")).decided).toBeNull();
  });
});
