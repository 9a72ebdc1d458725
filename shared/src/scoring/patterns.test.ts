import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compilePattern, MAX_MATCHED_LENGTH, patternProblem } from "./patterns";

describe("patterns", () => {
  it("treats * as a wildcard and everything else literally, case-insensitively", () => {
    const p = compilePattern("/tarifs*");
    expect(["/tarifs", "/tarifs/", "/Tarifs/entreprise", "/tarifs-2025"].map(p.test)).toEqual([true, true, true, true]);
    expect(["/fr/tarifs", "/tarif", "/blog/tarifs"].map(p.test)).toEqual([false, false, false]);
    expect(compilePattern("/a.b?c").test("/a.b?c")).toBe(true);
    expect(compilePattern("/a.b?c").test("/aXbYc")).toBe(false);
    expect(compilePattern("*-vs-*").test("/crm-vs-hubspot")).toBe(true);
  });

  it("supports regex: patterns, unanchored", () => {
    const p = compilePattern("regex:^/(fr|en)/(tarifs|pricing)");
    expect(p.test("/fr/tarifs/pme")).toBe(true);
    expect(p.test("/de/tarifs")).toBe(false);
  });

  it("rejects invalid and catastrophic regexes with a reason", () => {
    expect(patternProblem("regex:(")).toMatch(/^invalid regex: missing closing \)/);
    expect(patternProblem("regex:(a)\\1")).toMatch(/^invalid regex.*no back-references/);
    expect(patternProblem("regex:a(?=b)")).toMatch(/^invalid regex/);
    for (const bomb of ["(a|a)*$", "(a+)+$", "(\\w*)*x", "(x+x+)+y", "\\d+\\d+$"]) {
      expect(patternProblem(`regex:${bomb}`), bomb).toMatch(/backtrack catastrophically/);
    }
    expect(patternProblem("regex:(ab)+c+")).toBeNull();
    expect(patternProblem("regex:((ab)+c)+")).toBeNull(); // unambiguous: the c ends each repetition
    expect(patternProblem("regex:[(a+)]+")).toBeNull(); // a class, not a group
    expect(patternProblem("regex:/blog/.*guide")).toBeNull();
    expect(patternProblem("regex:^/(fr|en)/(produits|solutions)/[a-z0-9-]+/(tarifs|pricing)(/.*)?$")).toBeNull();
    expect(patternProblem("")).toBe("empty pattern");
    expect(() => compilePattern("regex:[")).toThrow(/invalid regex/);
  }, 60_000); // the backtracking analysis of each bomb takes up to a second of CPU

  it("matches in linear time whatever the pattern: globs with many stars, regexes, values past 2 KB", () => {
    // As a backtracking regex, this glob takes 21 s on 100 characters.
    const glob = compilePattern("*a*a*a*a*a*!");
    expect(glob.test("a".repeat(5000))).toBe(false);
    expect(glob.test("xaxaxaxaxa!")).toBe(true);
    // The regex engine runs even an unchecked pattern without backtracking.
    expect(compilePattern("regex:(a|a)*$").test("a".repeat(5000) + "!")).toBe(true);
    // Values are matched on their first MAX_MATCHED_LENGTH characters.
    const tail = compilePattern("*/fin");
    expect(tail.test(`/${"x".repeat(100)}/fin`)).toBe(true);
    expect(tail.test(`/${"x".repeat(MAX_MATCHED_LENGTH)}/fin`)).toBe(false);
  });

  it("matches globs exactly as the former anchored regex did", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*./]{1,8}$/), fc.stringMatching(/^[abAB./]{0,12}$/), (glob, value) => {
        const re = new RegExp(
          `^${glob
            .split("*")
            .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
            .join(".*")}$`,
          "is",
        );
        expect(compilePattern(glob).test(value)).toBe(re.test(value));
      }),
    );
  });
});
