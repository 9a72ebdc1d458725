import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRechercheEntreprisesFixture } from "../../../test/fakes/recherche-entreprises";
import { firmographicsFromRechercheEntreprises } from "../firmographics/from-recherche-entreprises";
import type { Firmographics } from "../firmographics/record";
import { MATCH_THRESHOLD, scoreCandidates } from "./score-candidates";

function recorded(file: string) {
  const f = loadRechercheEntreprisesFixture(file);
  const candidates = f.result.results.map(firmographicsFromRechercheEntreprises).filter((c): c is Firmographics => c !== null);
  return { candidates, totalResults: f.result.total_results };
}
const one = (file: string) => recorded(file).candidates[0]!;

/**
 * Synthetic namesakes: the real small companies of the "Ganymede" search (SCIs, a 1–2 employee consultancy,
 * non-employers), renamed. This is what a search for a big company's name looks like.
 */
function namesakesNamed(name: string): Firmographics[] {
  return recorded("search-Ganymede.json").candidates.map((c) => ({ ...c, name, aliases: [] }));
}

describe("scoreCandidates on recorded homonym searches", () => {
  it("abstains on 'Ganymede': ten small namesakes on the page and 106 more unseen", () => {
    const { candidates, totalResults } = recorded("search-Ganymede.json");
    for (const context of ["network", "email-domain", "declared"] as const) {
      const d = scoreCandidates("Ganymède SAS", candidates, { totalResults, context });
      expect(d.status, context).toBe("no_match");
      expect(d.reason).toBe("ambiguous");
      expect(d.siren).toBeNull();
      expect(d.confidence).toBeLessThan(0.3);
    }
  });

  it("abstains on 'AGA' (653 results, the first ten all named AGA)", () => {
    const { candidates, totalResults } = recorded("search-aga.json");
    const d = scoreCandidates("AGA", candidates, { totalResults, context: "email-domain" });
    expect(d).toMatchObject({ status: "no_match", reason: "ambiguous" });
  });

  it("finds no name match when the search matched on a director's name", () => {
    const { candidates, totalResults } = recorded("search-xavier-jouppe.json");
    const d = scoreCandidates("Xavier Jouppe", candidates, { totalResults });
    expect(d).toMatchObject({ status: "no_match", reason: "no_name_match", confidence: 0 });
  });

  it("does not take 'AG …' companies for an organisation called AG", () => {
    const { candidates, totalResults } = recorded("search-ag-cp_dep-35000-cp_dep_type-cp.json");
    expect(scoreCandidates("AG", candidates, { totalResults })).toMatchObject({ status: "no_match", reason: "no_name_match" });
  });
});

describe("a network organisation named like a big company", () => {
  const danone = one("search-552032534.json");
  const laPoste = one("search-356000000.json");

  it("picks Danone among small namesakes", () => {
    const d = scoreCandidates("DANONE SA", [...namesakesNamed("DANONE"), danone], { totalResults: 10 });
    expect(d).toMatchObject({ status: "matched", siren: "552032534", reason: "name" });
    expect(d.confidence).toBeGreaterThan(0.85);
  });

  it("picks La Poste for 'Groupe La Poste' although the legal name has no 'Groupe'", () => {
    const d = scoreCandidates("Groupe La Poste", [laPoste, ...namesakesNamed("LA POSTE")], { totalResults: 40 });
    expect(d).toMatchObject({ status: "matched", siren: "356000000" });
  });

  it("never falls back on a small namesake when the big company is missing from the results", () => {
    const d = scoreCandidates("DANONE SA", namesakesNamed("DANONE"), { totalResults: 10 });
    expect(d.status).toBe("no_match");
    expect(d.siren).toBeNull();
    // …not even when it is the only one
    const consultancy = namesakesNamed("DANONE").find((c) => c.siren === "817883150")!;
    expect(scoreCandidates("Danone", [consultancy], { totalResults: 1 })).toMatchObject({ status: "no_match", reason: "low_confidence" });
  });

  it("calls two sizeable companies with the same name ambiguous", () => {
    const twin = { ...danone, siren: "356000000", headcountCode: "41" as const, category: "ETI" as const };
    const d = scoreCandidates("Danone", [danone, twin], { totalResults: 2 });
    expect(d).toMatchObject({ status: "no_match", reason: "ambiguous" });
  });

  it("matches on the core name when the legal name adds 'France'", () => {
    const naturalia = one("search-302474648.json");
    expect(scoreCandidates("Naturalia", [naturalia], { totalResults: 1 })).toMatchObject({ status: "matched", siren: "302474648" });
  });
});

describe("other signals", () => {
  it("trusts an explicit SIREN over any name ambiguity", () => {
    const { candidates, totalResults } = recorded("search-Ganymede.json");
    expect(scoreCandidates("Ganymede", candidates, { totalResults, hints: { siren: "817 883 150" } })).toMatchObject({
      status: "matched",
      siren: "817883150",
      confidence: 1,
      reason: "exact_siren",
    });
    expect(scoreCandidates("GANYMEDE - SIREN 817883150", candidates, { totalResults })).toMatchObject({ siren: "817883150" });
  });

  it("ignores an explicit SIREN that is not among the candidates", () => {
    const { candidates, totalResults } = recorded("search-Ganymede.json");
    expect(scoreCandidates("Ganymede", candidates, { totalResults, hints: { siren: "552032534" } }).status).toBe("no_match");
  });

  it("does not name a ceased company even when it is the only exact match", () => {
    const d = scoreCandidates("Red Needles", [one("search-839517323.json")], { totalResults: 1, context: "email-domain" });
    expect(d).toMatchObject({ status: "no_match", reason: "low_confidence" });
    expect(d.explanation).toContain("ceased");
  });

  it("accepts a lone mid-size company for a company e-mail domain but not for a network", () => {
    const iddee = one("search-533744991.json"); // 20–49 employees, unique name
    expect(scoreCandidates("IDDEE 13", [iddee], { totalResults: 1, context: "email-domain" })).toMatchObject({ status: "matched" });
    expect(scoreCandidates("IDDEE 13", [iddee], { totalResults: 1, context: "network" })).toMatchObject({ status: "no_match" });
  });

  it("raises confidence for a candidate whose head office is where the visitor is", () => {
    const iddee = one("search-533744991.json");
    const without = scoreCandidates("IDDEE 13", [iddee], { totalResults: 1 });
    const withHint = scoreCandidates("IDDEE 13", [iddee], { totalResults: 1, hints: { postalCode: "13015" } });
    expect(withHint.confidence).toBeGreaterThan(without.confidence);
  });

  it("never matches a withheld (non-diffusible) name", () => {
    const nd = one("search-300025764.json");
    expect(scoreCandidates("[NON-DIFFUSIBLE]", [nd]).status).toBe("no_match");
  });

  it("reports an empty name and an empty candidate list distinctly", () => {
    expect(scoreCandidates(" S.A.S. ", [one("search-552032534.json")]).reason).not.toBe("empty_name"); // "sas" is a name
    expect(scoreCandidates(" -- ", [one("search-552032534.json")]).reason).toBe("empty_name");
    expect(scoreCandidates("Danone", []).reason).toBe("no_candidates");
  });
});

describe("scoreCandidates properties", () => {
  const danone = one("search-552032534.json");
  const pool = [...recorded("search-Ganymede.json").candidates, ...recorded("search-aga.json").candidates];

  it("adding namesakes never raises the winner's confidence", () => {
    fc.assert(
      fc.property(fc.subarray(pool, { minLength: 1 }), (extra) => {
        const base = scoreCandidates("Danone", [danone], { totalResults: 1 });
        const renamed = extra.map((c) => ({ ...c, name: "DANONE" }));
        const diluted = scoreCandidates("Danone", [danone, ...renamed], { totalResults: 1 + renamed.length });
        expect(diluted.confidence).toBeLessThanOrEqual(base.confidence + 1e-12);
      }),
    );
  });

  it("does not depend on the order of the candidates", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([danone, ...pool.map((c) => ({ ...c, name: "DANONE" }))], { minLength: 2 }), (cands) => {
        const a = scoreCandidates("Danone", cands, { totalResults: 30 });
        const b = scoreCandidates("Danone", [...cands].reverse(), { totalResults: 30 });
        expect(b.siren).toBe(a.siren);
        expect(b.confidence).toBeCloseTo(a.confidence, 12);
      }),
    );
  });

  it("only names a SIREN at or above the threshold", () => {
    fc.assert(
      fc.property(fc.subarray([danone, ...pool]), fc.constantFrom("Danone", "Ganymede", "AGA"), (cands, name) => {
        const d = scoreCandidates(name, cands, { totalResults: cands.length });
        if (d.status === "matched" && d.reason === "name") expect(d.confidence).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
      }),
    );
  });
});
