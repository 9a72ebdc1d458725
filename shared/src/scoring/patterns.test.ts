import { describe, expect, it } from "vitest";
import { compilePattern, patternProblem } from "./patterns";

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
    expect(patternProblem("regex:(")).toBe("invalid regex");
    expect(patternProblem("regex:(a+)+$")).toMatch(/nested quantifiers/);
    expect(patternProblem("regex:(\\w*)*x")).toMatch(/nested quantifiers/);
    expect(patternProblem("regex:((ab)+c)+")).toMatch(/nested quantifiers/);
    expect(patternProblem("regex:(ab)+c+")).toBeNull();
    expect(patternProblem("regex:[(a+)]+")).toBeNull(); // a class, not a group
    expect(patternProblem("")).toBe("empty pattern");
    expect(() => compilePattern("regex:[")).toThrow(/invalid regex/);
  });
});
