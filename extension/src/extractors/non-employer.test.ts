import { describe, expect, it } from "vitest";
import { isNonEmployer } from "./non-employer";

describe("names that are no employer", () => {
  it("knows being one's own boss, retired, between jobs or in stealth, in several languages and spellings", () => {
    for (const name of [
      "Self-employed",
      "SELF EMPLOYED",
      "Self-Employed.",
      "Freelance",
      "freelancer",
      "Indépendant",
      "independant",
      "Indépendante",
      "Travailleur indépendant",
      "Auto-entrepreneur",
      "auto entrepreneur",
      "Autoentrepreneur",
      "Micro-entrepreneur",
      "Independent Consultant",
      "Selbstständig",
      "selbststandig",
      "Autónomo",
      "Autônoma",
      "Libero professionista",
      "ZZP'er",
      "Retired",
      "Retraité",
      "Stealth",
      "Stealth Startup",
      "Open to Work",
      " À mon compte ",
    ]) {
      expect(isNonEmployer(name), name).toBe(true);
    }
  });

  it("judges the whole name: a company whose name contains such a word is a company", () => {
    for (const name of [
      "Freelance Republik",
      "Malt",
      "Independent Bank",
      "Retired Brewing Co",
      "Stealth Worker SAS",
      "Les Indépendants du Rhône",
      "Self",
      "",
      undefined,
    ]) {
      expect(isNonEmployer(name), String(name)).toBe(false);
    }
  });
});
