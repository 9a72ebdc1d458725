import { describe, expect, it } from "vitest";
import { isCivilCompany, isPublicAdministration, isSoleTrader, legalFormLabel } from "./legal-form";

describe("legal forms", () => {
  it("labels common codes precisely", () => {
    expect(legalFormLabel("5710")).toBe("SAS, société par actions simplifiée");
    expect(legalFormLabel("5499")).toBe("Société à responsabilité limitée (sans autre indication)");
    expect(legalFormLabel("6540")).toBe("Société civile immobilière");
    expect(legalFormLabel("9220")).toBe("Association déclarée");
  });

  it("falls back to the level-2 then level-1 category for rarer codes", () => {
    expect(legalFormLabel("5532")).toBe("Société anonyme à conseil d'administration");
    expect(legalFormLabel("8999")).toBe("Organisme privé spécialisé");
    expect(legalFormLabel("57")).toBeNull();
    expect(legalFormLabel(null)).toBeNull();
  });

  it("classifies the families the matcher cares about", () => {
    expect(isSoleTrader("1000")).toBe(true);
    expect(isCivilCompany("6540")).toBe(true);
    expect(isCivilCompany("5710")).toBe(false);
    expect(isPublicAdministration("7229")).toBe(true);
  });
});
