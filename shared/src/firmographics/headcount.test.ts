import { describe, expect, it } from "vitest";
import { HEADCOUNT_BRACKETS, headcountAbove, headcountBracket, representativeHeadcount } from "./headcount";

describe("headcount brackets", () => {
  it("follows the INSEE table", () => {
    expect(headcountBracket("01")).toMatchObject({ min: 1, max: 2 });
    expect(headcountBracket("12")).toMatchObject({ min: 20, max: 49, label: "20 à 49 salariés" });
    expect(headcountBracket("31")).toMatchObject({ min: 200, max: 249 });
    expect(headcountBracket("42")).toMatchObject({ min: 1000, max: 1999 });
    expect(headcountBracket("53")).toMatchObject({ min: 10000, max: null, label: "10 000 salariés et plus" });
    expect(headcountBracket("NN")).toMatchObject({ min: 0, max: 0 });
  });

  it("brackets are contiguous and ordered from 1 employee up", () => {
    const employing = HEADCOUNT_BRACKETS.filter((b) => b.min > 0);
    expect(employing[0]!.min).toBe(1);
    for (let i = 1; i < employing.length; i++) expect(employing[i]!.min).toBe(employing[i - 1]!.max! + 1);
  });

  it("unknown or missing codes give null", () => {
    expect(headcountBracket(null)).toBeNull();
    expect(headcountBracket("")).toBeNull();
    expect(headcountBracket("99")).toBeNull();
  });

  it("answers the '> 100 employees' rule only when the bracket guarantees it", () => {
    expect(headcountAbove("22", 100)).toBe(false); // 100–199 may be exactly 100
    expect(headcountAbove("31", 100)).toBe(true);
    expect(headcountAbove("NN", 100)).toBe(false);
    expect(headcountAbove(null, 0)).toBe(false);
  });

  it("ranks brackets monotonically", () => {
    const values = HEADCOUNT_BRACKETS.slice(1).map((b) => representativeHeadcount(b.code)!);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
  });
});
