import { describe, expect, it } from "vitest";
import { applyEvent, initialState, rescore } from "./apply-event";
import type { ScoringEvent } from "./events";
import { explain } from "./explain";
import type { ModelInput } from "./model-schema";
import { assertModel } from "./parse-model";
import { currentScore } from "./score";
import { DAY, HOUR, T0, company, contact, download, formSubmit, pageview } from "./testing/fixtures";

const scoreOf = (input: ModelInput, events: ScoringEvent[], now = T0 + 30 * DAY) => {
  const model = assertModel(input);
  return currentScore(model, rescore(model, events), now);
};
const visits = (path: string, n: number) => Array.from({ length: n }, (_, i) => pageview(T0 + i * DAY, path));

describe("repeatable rules", () => {
  it("count each match up to maxTimes", () => {
    const model = {
      version: 1,
      rules: [{ id: "blog", label: "Article de blog", points: 5, when: { path: "/blog/*" }, repeat: { maxTimes: 3 } }],
      mql: { threshold: 50 },
    };
    expect(scoreOf(model, visits("/blog/a", 2))).toBe(10);
    expect(scoreOf(model, visits("/blog/a", 3))).toBe(15);
    expect(scoreOf(model, visits("/blog/a", 10))).toBe(15);
  });

  it("stop at maxPoints, even when the points do not divide it", () => {
    const model = {
      version: 1,
      rules: [{ id: "blog", label: "Article", points: 20, when: { path: "/blog/*" }, repeat: { maxPoints: 50 } }],
      mql: { threshold: 50 },
    };
    expect(scoreOf(model, visits("/blog/a", 2))).toBe(40);
    expect(scoreOf(model, visits("/blog/a", 3))).toBe(50);
    expect(scoreOf(model, visits("/blog/a", 8))).toBe(50);
  });

  it("keep the most recent contributions, so decay counts from the latest visits", () => {
    const model = assertModel({
      version: 1,
      rules: [{ id: "blog", label: "Article", points: 10, when: { path: "/blog/*" }, repeat: { maxTimes: 2 }, decay: { expireAfterDays: 5 } }],
      mql: { threshold: 50 },
    });
    const state = rescore(model, visits("/blog/a", 6)); // days 0..5
    expect(state.rules.blog).toEqual({ count: 6, times: [T0 + 4 * DAY, T0 + 5 * DAY] });
    expect(currentScore(model, state, T0 + 9 * DAY + 1)).toBe(10); // day 4 just expired, day 5 not yet
  });

  it("keep a bounded log whatever the number of hits", () => {
    const model = assertModel({
      version: 1,
      rules: [{ id: "any", label: "Page", points: 1, when: { path: "*" }, repeat: { maxTimes: 5 } }],
      mql: { threshold: 50 },
    });
    let state = initialState(model);
    for (let i = 0; i < 500; i++) state = applyEvent(model, state, pageview(T0 + i * HOUR, "/x"), T0).state;
    expect(state.rules.any!.times).toHaveLength(5);
    expect(state.rules.any!.count).toBe(500);
  });
});

describe("once-per-lead rules", () => {
  it("give their points once however often the lead matches", () => {
    const model = { version: 1, rules: [{ id: "demo", label: "Page démo", points: 30, when: { path: "/demo" } }], mql: { threshold: 50 } };
    expect(scoreOf(model, visits("/demo", 1))).toBe(30);
    expect(scoreOf(model, visits("/demo", 7))).toBe(30);
  });
});

describe("negative points", () => {
  const model = {
    version: 1,
    rules: [
      { id: "pricing", label: "Page Tarifs", points: 20, when: { path: "/tarifs*" } },
      { id: "careers", label: "Pages carrières", points: -30, when: { path: ["/carrieres*", "/jobs*", "/recrutement*"] } },
      { id: "student", label: "Adresse étudiante", points: -50, when: { emailDomain: ["etu.*", "*.etu.*", "etudiant.*", "*.edu"] } },
      { id: "blog-spam", label: "Lecture de blog", points: -2, when: { path: "/blog/*" }, repeat: { maxPoints: 6 } },
    ],
    mql: { threshold: 50 },
  };

  it("subtract for careers pages and student e-mail domains", () => {
    expect(scoreOf(model, [pageview(T0, "/tarifs"), pageview(T0, "/jobs/dev-senior")])).toBe(-10);
    expect(scoreOf(model, [pageview(T0, "/tarifs"), contact(T0, "Étudiant", "lea@etu.univ-lyon2.fr")])).toBe(-30);
    expect(scoreOf(model, [pageview(T0, "/tarifs"), contact(T0, "Student", "bob@mit.edu")])).toBe(-30);
    expect(scoreOf(model, [pageview(T0, "/tarifs"), contact(T0, "DSI", "anne@acme.fr")])).toBe(20);
  });

  it("cap negative repeatable rules symmetrically", () => {
    expect(scoreOf(model, visits("/blog/x", 10))).toBe(-6);
  });
});

describe("composite conditions", () => {
  const model = assertModel({
    version: 1,
    rules: [
      {
        id: "demo-by-decider",
        label: "Démo demandée par un décideur d'une entreprise cible",
        points: 40,
        when: {
          all: [{ form: { path: "/demo*" } }, { any: [{ persona: ["it_director", "ceo"] }, { jobTitle: "*achats*" }] }, { not: { headcount: { lte: 9 } } }],
        },
      },
      {
        id: "fit-idf-or-lyon",
        label: "Île-de-France ou Rhône, hors secteur public",
        points: 10,
        when: { all: [{ any: [{ region: ["11"] }, { departement: ["69"] }] }, { not: { naf: { sections: ["O"] } } }] },
      },
    ],
    mql: { threshold: 50 },
  });
  const score = (events: ScoringEvent[]) => currentScore(model, rescore(model, events), T0 + DAY);

  it("combine hit and lead conditions with all / any / not", () => {
    expect(score([contact(T0, "Directeur général"), company(T0, { headcountBracket: "11" }), formSubmit(T0 + HOUR, "/demo")])).toBe(40);
    expect(score([contact(T0, "Responsable des Achats"), formSubmit(T0 + HOUR, "/demo")])).toBe(40); // headcount unknown: not ≤ 9
    expect(score([contact(T0, "Directeur général"), company(T0, { headcountBracket: "02" }), formSubmit(T0 + HOUR, "/demo")])).toBe(0); // 3–5 employees
    expect(score([contact(T0, "Directeur marketing"), formSubmit(T0 + HOUR, "/demo")])).toBe(0);
    expect(score([contact(T0, "PDG"), formSubmit(T0 + HOUR, "/contact")])).toBe(0); // wrong form
  });

  it("evaluate lead conditions of a hit rule when the hit arrives, not later", () => {
    // The decider was identified after the form: the form did not come from a known decider.
    expect(score([formSubmit(T0, "/demo"), contact(T0 + HOUR, "DSI")])).toBe(0);
  });

  it("derive the region from the département and exclude a section", () => {
    expect(score([company(T0, { departement: "92", nafCode: "62.01Z" })])).toBe(10);
    expect(score([company(T0, { departement: "69", nafCode: "84.11Z" })])).toBe(0); // public administration (O)
    expect(score([company(T0, { departement: "13" })])).toBe(0);
  });
});

describe("fit conditions", () => {
  const fit = (when: unknown, fields: Parameters<typeof company>[1]) =>
    scoreOf({ version: 1, rules: [{ id: "fit", label: "Fit", points: 10, when: when as never }], mql: { threshold: 50 } }, [company(T0, fields)]);

  it("compare headcount by bracket, with numbers or bracket codes", () => {
    expect(fit({ headcount: { gte: 50, lte: 499 } }, { headcountBracket: "32" })).toBe(10);
    expect(fit({ headcount: { gte: 50, lte: 499 } }, { headcountBracket: "41" })).toBe(0);
    expect(fit({ headcount: { gte: "21", lte: "32" } }, { headcountBracket: "21" })).toBe(10);
    expect(fit({ headcount: { gte: 60 } }, { headcountBracket: "21" })).toBe(0); // 50–99 may be under 60
  });

  it("match NAF codes, prefixes and sections in any notation", () => {
    expect(fit({ naf: { codes: ["6201Z"] } }, { nafCode: "62.01Z" })).toBe(10);
    expect(fit({ naf: { prefixes: ["63.1"] } }, { nafCode: "63.12Z" })).toBe(10);
    expect(fit({ naf: { prefixes: ["63.1"] } }, { nafCode: "63.91Z" })).toBe(0);
    expect(fit({ naf: { sections: ["M"] } }, { nafCode: "70.22Z" })).toBe(10);
  });

  it("compare revenue, category and network kind", () => {
    expect(fit({ revenue: { gte: 2_000_000, lte: 50_000_000 } }, { revenue: 27_376_000 })).toBe(10);
    expect(fit({ revenue: { gte: 2_000_000 } }, {})).toBe(0);
    expect(fit({ category: ["ETI", "GE"] }, { category: "ETI" })).toBe(10);
    expect(fit({ networkKind: ["education", "public"] }, { networkKind: "Education" })).toBe(10);
  });

  it("replace the company when identification changes SIREN, merge fields otherwise", () => {
    const model = assertModel({
      version: 1,
      rules: [{ id: "fit", label: "Fit", points: 10, when: { all: [{ headcount: { gte: 100 } }, { naf: { sections: ["J"] } }] } }],
      mql: { threshold: 50 },
    });
    const merged = rescore(model, [company(T0, { siren: "552032534", headcountBracket: "22" }), company(T0 + 1, { siren: "552032534", nafCode: "62.01Z" })]);
    expect(currentScore(model, merged, T0 + 1)).toBe(10);
    const replaced = rescore(model, [company(T0, { siren: "552032534", headcountBracket: "22" }), company(T0 + 1, { siren: "356000000", nafCode: "62.01Z" })]);
    expect(currentScore(model, replaced, T0 + 1)).toBe(0);
    expect(replaced.company).toEqual({ siren: "356000000", nafCode: "62.01Z" });
  });
});

describe("state rules", () => {
  it("hold while true and are dated from when they became true", () => {
    const model = assertModel({ version: 1, rules: [{ id: "it", label: "DSI", points: 25, when: { persona: "it_director" } }], mql: { threshold: 50 } });
    const state = rescore(model, [contact(T0, "Stagiaire"), contact(T0 + DAY, "DSI"), download(T0 + 2 * DAY, "x")]);
    expect(explain(model, state, T0 + 3 * DAY)).toMatchObject([{ ruleId: "it", points: 25, at: T0 + DAY, count: 1 }]);
    const demoted = rescore(model, [contact(T0, "DSI"), contact(T0 + DAY, "Stagiaire DSI")]);
    expect(currentScore(model, demoted, T0 + DAY)).toBe(0);
  });

  it("can be disabled without being deleted", () => {
    const model = { version: 1, rules: [{ id: "demo", label: "Démo", points: 30, when: { path: "/demo" }, enabled: false }], mql: { threshold: 50 } };
    expect(scoreOf(model, visits("/demo", 1))).toBe(0);
  });
});
