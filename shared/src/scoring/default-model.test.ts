import { describe, expect, it } from "vitest";
import { applyEvent, initialState, rescore } from "./apply-event";
import { DEFAULT_MODEL } from "./default-model";
import { explain } from "./explain";
import { formatExplainLine } from "./explain-format";
import { currentScore, evaluateMql } from "./score";
import type { ScoringEvent } from "./events";
import { DAY, HOUR, T0, company, contact, download, pageview } from "./testing/fixtures";

function run(events: ScoringEvent[], now: number) {
  let state = initialState(DEFAULT_MODEL);
  const steps = events.map((event) => {
    const result = applyEvent(DEFAULT_MODEL, state, event, now);
    state = result.state;
    return { score: result.score, qualified: result.qualified };
  });
  return { state, steps };
}

describe("the default (seed) model", () => {
  const seedSequence: ScoringEvent[] = [
    pageview(T0, "/tarifs"),
    download(T0 + 2 * HOUR, "livre-blanc-prospection"),
    contact(T0 + DAY, "Directeur IT"),
    company(T0 + DAY + HOUR, { siren: "552032534", name: "ACME", headcountBracket: "22", nafCode: "62.01Z" }),
  ];

  it("scores pricing +20, white paper +15, IT director +25, over 100 employees +10 = 70 → MQL", () => {
    const now = T0 + 2 * DAY;
    const { state, steps } = run(seedSequence, now);
    expect(steps.map((s) => s.score)).toEqual([20, 35, 60, 70]);
    expect(steps.map((s) => s.qualified)).toEqual([false, false, false, true]);
    expect(evaluateMql(DEFAULT_MODEL, state, now)).toEqual({ qualified: true, score: 70, threshold: true, condition: null });
  });

  it("explains every point with the rule's label and the time of its contribution", () => {
    const now = T0 + 4 * DAY;
    const { state } = run(seedSequence, now);
    const lines = explain(DEFAULT_MODEL, state, now);
    expect(lines.map((l) => [l.ruleId, l.points, l.at, l.count])).toEqual([
      ["company-over-100", 10, T0 + DAY + HOUR, 1],
      ["it-director", 25, T0 + DAY, 1],
      ["white-paper", 15, T0 + 2 * HOUR, 1],
      ["pricing-page", 20, T0, 1],
    ]);
    expect(lines.reduce((s, l) => s + l.points, 0)).toBe(currentScore(DEFAULT_MODEL, state, now));
    expect(formatExplainLine(lines[3]!, now)).toBe("+20 Page Tarifs, il y a 4 jours");
    expect(lines[3]!.expiresAt).toBe(T0 + 90 * DAY);
  });

  it("gives the same score whatever the order in which identification and visits arrive", () => {
    const reordered = [seedSequence[3]!, seedSequence[2]!, { ...seedSequence[0]!, at: T0 + 2 * DAY }, { ...seedSequence[1]!, at: T0 + 2 * DAY + HOUR }];
    expect(currentScore(DEFAULT_MODEL, rescore(DEFAULT_MODEL, reordered), T0 + 3 * DAY)).toBe(70);
  });

  it("counts a bracket as over 100 employees only when its minimum is 100 or more (22 and above)", () => {
    const at = T0;
    const score = (bracket: "21" | "22" | "53" | "NN") => currentScore(DEFAULT_MODEL, rescore(DEFAULT_MODEL, [company(at, { headcountBracket: bracket })]), at);
    expect(score("21")).toBe(0); // 50–99
    expect(score("22")).toBe(10); // 100–199
    expect(score("53")).toBe(10);
    expect(score("NN")).toBe(0);
  });

  it("matches /pricing pages and URLs with query strings, not other downloads", () => {
    const state = rescore(DEFAULT_MODEL, [
      pageview(T0, "", { path: undefined, url: "https://www.exemple.fr/pricing/entreprise?utm_source=linkedin" }),
      download(T0 + HOUR, "fiche-produit"),
    ]);
    expect(explain(DEFAULT_MODEL, state, T0 + HOUR).map((l) => l.ruleId)).toEqual(["pricing-page"]);
  });

  it("lets a repeat pricing visit refresh the date but not add points (once per lead)", () => {
    const state = rescore(DEFAULT_MODEL, [pageview(T0, "/tarifs"), pageview(T0 + DAY, "/tarifs/"), pageview(T0 + 2 * DAY, "/pricing")]);
    const [line] = explain(DEFAULT_MODEL, state, T0 + 2 * DAY);
    expect(line).toMatchObject({ ruleId: "pricing-page", points: 20, at: T0 + 2 * DAY, count: 3 });
  });

  it("forgets behaviour after 90 days while fit and persona points stay", () => {
    const { state } = run(seedSequence, T0);
    expect(currentScore(DEFAULT_MODEL, state, T0 + 89 * DAY)).toBe(70);
    expect(currentScore(DEFAULT_MODEL, state, T0 + 91 * DAY)).toBe(35);
    expect(evaluateMql(DEFAULT_MODEL, state, T0 + 91 * DAY).qualified).toBe(false);
  });
});
