import { describe, expect, it } from "vitest";
import { CONTENT_FIT_MODEL_INPUT, DEFAULT_MODEL, DEFAULT_MODEL_INPUT } from "./default-model";
import { assertModel, InvalidModelError, parseModel } from "./parse-model";

const valid = () => JSON.parse(JSON.stringify(DEFAULT_MODEL_INPUT)) as Record<string, any>;
const errorsOf = (input: unknown) => {
  const result = parseModel(input);
  if (result.ok) throw new Error("expected the model to be rejected");
  return result.errors;
};

describe("model validation", () => {
  it("accepts both seed models and fills in defaults", () => {
    expect(parseModel(DEFAULT_MODEL_INPUT).ok).toBe(true);
    expect(parseModel(CONTENT_FIT_MODEL_INPUT).ok).toBe(true);
    expect(DEFAULT_MODEL.mql.mode).toBe("all");
    expect(DEFAULT_MODEL.signals.buyingCommittee).toEqual({ minVisitors: 3, withinDays: 14 });
    expect(DEFAULT_MODEL.rules[0]!.enabled).toBe(true);
  });

  it("survives a JSON round trip (what D1 stores)", () => {
    expect(assertModel(JSON.parse(JSON.stringify(DEFAULT_MODEL)))).toEqual(DEFAULT_MODEL);
  });

  it("names the offending field of an invalid regex", () => {
    const m = valid();
    m.rules.push({ id: "x", label: "X", points: 5, when: { path: "regex:(" } });
    expect(errorsOf(m)[0]).toMatch(/^rules\[4\]\.when\.path: invalid regex/);
    m.rules[4].when = { path: ["/ok", "regex:(a|a)*$"] };
    expect(errorsOf(m)[0]).toMatch(/^rules\[4\]\.when\.path\[1\]: regex .*backtrack catastrophically/);
  }, 30_000);

  it("names nested fields in composites", () => {
    const m = valid();
    m.rules[2].when = { all: [{ persona: "it_director" }, { any: [{ headcount: { gte: "99" } }] }] };
    expect(errorsOf(m)).toEqual(["rules[2].when.all[1].any[0].headcount.gte: expected a number of employees or an INSEE bracket code (00…53)"]);
  });

  it.each([
    [{ pathh: "/x" }, 'rules[0].when.pathh: unknown condition "pathh"'],
    [{}, "rules[0].when: empty condition; use one of:"],
    [{ path: "/x", event: "download" }, "rules[0].when: a condition has exactly one key, got path, event"],
    [{ persona: "astronaut" }, 'rules[0].when.persona: unknown persona "astronaut"'],
    [{ metric: { name: "visits", gte: 2 } }, 'rules[0].when.metric.name: unknown metric "visits"'],
    [{ metric: { name: "visitors", gte: 3 } }, "rules[0].when.metric.withinDays: the visitors metric needs withinDays"],
    [{ metric: { name: "sessions" } }, "rules[0].when.metric: give gte, lte or both"],
    [{ metric: { name: "sessions", gte: 2, withinDays: 400 } }, "rules[0].when.metric.withinDays: Too big"],
    [{ naf: { sections: ["Z"] } }, "rules[0].when.naf.sections[0]:"],
    [{ naf: { codes: ["6201"] } }, "rules[0].when.naf.codes[0]: expected a NAF code like 62.01Z"],
    [{ departement: ["20"] }, "rules[0].when.departement[0]: unknown département code"],
    [{ signal: "hot" }, "rules[0].when.signal:"],
    [{ event: 12 }, "rules[0].when.event: expected an event name or { name, props, path }"],
  ])("rejects the condition %j", (when, message) => {
    const m = valid();
    m.rules[0].when = when;
    expect(errorsOf(m).join("\n")).toContain(message);
  });

  it("checks rule options", () => {
    const m = valid();
    m.rules[0].points = 0;
    m.rules[1].repeat = {};
    m.rules[2].repeat = { maxTimes: 3 }; // a persona rule cannot repeat
    m.rules[3].decay = { halfLifeDays: 10 };
    m.rules.push({ id: "pricing-page", label: "Dup", points: 1, when: { path: "/x" }, repeat: { maxPoints: 500 } });
    expect(errorsOf(m)).toEqual([
      "rules[0].points: points must not be 0",
      "rules[1].repeat: a repeatable rule needs maxTimes or maxPoints",
      "rules[2].repeat: only rules triggered by a hit (path, url, event, form, timeOnPage) can repeat",
      "rules[3].decay: only rules triggered by a hit can decay; fit and persona rules hold while true",
      'rules[4].id: duplicate rule id "pricing-page" (also rules[0])',
      "rules[4].repeat.maxPoints: allows 500 contributions (max 100); raise points, lower maxPoints or add maxTimes",
    ]);
  });

  it("checks the MQL definition and where hit conditions may appear", () => {
    const m = valid();
    m.mql = {};
    expect(errorsOf(m)).toEqual(["mql: an MQL definition needs a threshold, a condition (when) or both"]);
    m.mql = { when: { all: [{ path: "/tarifs" }] } };
    expect(errorsOf(m)).toEqual(["mql.when.all[0].path: hit conditions are not allowed here (they need a hit; use a rule)"]);
    m.mql = { threshold: 70, mode: "either" };
    expect(errorsOf(m)[0]).toMatch(/^mql\.mode:/);
  });

  it("checks counters", () => {
    const m = valid();
    m.counters = { sessions: { when: { path: "/x" } }, content: { when: { persona: "ceo" }, distinctBy: ["title"] } };
    expect(errorsOf(m)).toContain("counters.content.distinctBy[0]: expected path, url, event or props.<name>");
    m.counters.content.distinctBy = ["path"];
    expect(errorsOf(m)).toEqual([
      'counters.sessions: "sessions" is a built-in metric name',
      "counters.content.when.persona: only hit conditions (path, url, event, form, timeOnPage) are allowed here",
    ]);
  });

  it("rejects unknown top-level fields and bad versions, and throws a readable error", () => {
    const m = valid();
    m.version = 0;
    m.treshold = 70;
    expect(errorsOf(m).sort()).toEqual(['Unrecognized key: "treshold"', "version: Too small: expected number to be >=1"].sort());
    expect(() => assertModel(m)).toThrow(InvalidModelError);
  });
});
