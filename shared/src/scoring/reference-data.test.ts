import { describe, expect, it } from "vitest";
import { regionOfDepartement } from "./geo";
import { headcountMatches } from "./headcount";
import { nafSectionOf, normalizeNafCode } from "./naf";

describe("NAF sections", () => {
  it.each([
    ["01.11Z", "A"],
    ["10.71C", "C"],
    ["33.20A", "C"],
    ["35.11Z", "D"],
    ["47.11A", "G"],
    ["58.29C", "J"],
    ["62.01Z", "J"],
    ["63.99Z", "J"],
    ["64.19Z", "K"],
    ["70.22Z", "M"],
    ["84.11Z", "O"],
    ["99.00Z", "U"],
  ])("%s is in section %s", (code, section) => {
    expect(nafSectionOf(code)).toBe(section);
  });

  it("normalises notations and rejects non-codes", () => {
    expect(normalizeNafCode(" 62.01z ")).toBe("6201Z");
    expect(normalizeNafCode("62.01")).toBeNull();
    expect(nafSectionOf(undefined)).toBeNull();
  });
});

describe("regions", () => {
  it("maps départements to 2016 regions, Corsica and overseas included", () => {
    expect(regionOfDepartement("75")).toBe("11");
    expect(regionOfDepartement("1")).toBe("84");
    expect(regionOfDepartement("2a")).toBe("94");
    expect(regionOfDepartement("974")).toBe("04");
    expect(regionOfDepartement("20")).toBeNull();
  });
});

describe("headcount brackets", () => {
  it("compares whole brackets", () => {
    expect(headcountMatches("22", { gte: 100 })).toBe(true);
    expect(headcountMatches("21", { gte: 100 })).toBe(false);
    expect(headcountMatches("53", { lte: 100_000 })).toBe(false); // no upper bound
    expect(headcountMatches("00", { lte: 0 })).toBe(true);
    expect(headcountMatches("NN", { gte: 0 })).toBe(false);
    expect(headcountMatches(undefined, { gte: 0 })).toBe(false);
  });
});
