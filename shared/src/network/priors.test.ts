import { describe, expect, it } from "vitest";
import { legalFormClass, networkPriors, OPERATOR_SCALE_V4 } from "./priors";

describe("network priors", () => {
  it("reads the legal form in real AS names (@ip-location-db/asn spellings)", () => {
    for (const name of [
      "AIRBUS SAS",
      "RENAULT SAS",
      "BNP PARIBAS S.A.",
      "TotalEnergies SE",
      "Euronext Technologies SAS",
      "Iguane Solutions SAS",
      "Credit Agricole SA",
    ])
      expect(legalFormClass(name), name).toBe("french");
    for (const name of [
      "Zenlayer Inc",
      "Canon IT Solutions Inc.",
      "Hetzner Online GmbH",
      "WideOpenWest Finance LLC",
      "ENI S.p.A.",
      "Vodafone Limited",
      "Telia Company AB",
    ])
      expect(legalFormClass(name), name).toBe("foreign");
    for (const name of ["SNCF", "Renater", "Electricite de France"]) expect(legalFormClass(name), name).toBe("none");
  });

  it("reads Latin-American, Nordic, Baltic, Russian and Turkish forms, and English 'Company', as foreign (real names)", () => {
    for (const name of [
      "GIGANET PROVEDOR DE INTERNET LTDA",
      "TONY JOSE DE OLIVEIRA EIRELI",
      "INVINET PROVEDOR LTDA - ME",
      "Snerpa ehf",
      "AO Kommersant",
      'AS "Latvenergo"',
      "LLC VK",
      "DH Bulut Bilisim Anonim Sirketi",
      "EL PODER DE INTERNET SA DE CV",
      "Kuwait and Middle-East Financial Investment Co. K.S.C.Closed",
      "Deere & Company",
      "Pishgaman Toseeh Ertebatat Company (Private Joint Stock)",
      "Deutsches Zentrum fuer Luft- und Raumfahrt e.V.",
    ])
      expect(legalFormClass(name), name).toBe("foreign");
    // A French form wins: these stay French (the register is asked).
    expect(legalFormClass("CLS - Ski Company SAS")).toBe("french");
    expect(legalFormClass("Cabinet Martin SA")).toBe("french");
  });

  it("does not ask the French register about a foreign entity (a French namesake would be a false match)", () => {
    expect(networkPriors("Zenlayer Inc").askRegistry).toBe(false);
    expect(networkPriors("SNCF").askRegistry).toBe(true);
    expect(networkPriors("AIRBUS SAS").askRegistry).toBe(true);
  });

  it("does not trust a register 'company' for an operator-sized network", () => {
    expect(networkPriors("AIRBUS SAS", 69_120).trustCorporate).toBe(true);
    expect(networkPriors("AIRBUS SAS", OPERATOR_SCALE_V4 + 1).trustCorporate).toBe(false);
    expect(networkPriors("AIRBUS SAS").trustCorporate).toBe(true); // unknown space: the register decides
  });

  it("says the space it was given in the reason (the worker reads it from asn_stats)", () => {
    expect(networkPriors("GRANITS EXEMPLE SA", 2 ** 21).reason).toBe("legal form french, 2,097,152 IPv4 addresses (operator-sized)");
    expect(networkPriors("Exemple Holdings Inc", 256).reason).toBe("legal form foreign, 256 IPv4 addresses");
    expect(networkPriors("SNCF").reason).toBe("legal form none");
  });
});
