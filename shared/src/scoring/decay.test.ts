import { describe, expect, it } from "vitest";
import { applyEvent, initialState, rescore } from "./apply-event";
import { explain } from "./explain";
import { assertModel } from "./parse-model";
import { currentScore, evaluateMql } from "./score";
import { scoreSettlesAt } from "./settle";
import { DAY, T0, company, pageview } from "./testing/fixtures";

const model = assertModel({
  version: 3,
  rules: [
    { id: "pricing", label: "Page Tarifs", points: 40, when: { path: "/tarifs*" }, decay: { halfLifeDays: 10 } },
    { id: "demo", label: "Page démo", points: 20, when: { path: "/demo*" }, decay: { expireAfterDays: 30 } },
    { id: "size", label: "100+ salariés", points: 20, when: { headcount: { gte: 100 } } },
    { id: "careers", label: "Pages carrières", points: -30, when: { path: ["/carrieres*", "/jobs*"] }, decay: { halfLifeDays: 5 } },
  ],
  mql: { threshold: 70 },
});

describe("decay", () => {
  const events = [company(T0, { headcountBracket: "31" }), pageview(T0, "/tarifs"), pageview(T0, "/demo")];

  it("halves a contribution every half-life, read at any time without any write", () => {
    const state = rescore(model, events);
    expect(currentScore(model, state, T0)).toBe(80);
    expect(currentScore(model, state, T0 + 10 * DAY)).toBe(20 + 20 + 20);
    expect(currentScore(model, state, T0 + 20 * DAY)).toBe(10 + 20 + 20);
  });

  it("moves a lead back under the MQL threshold as interest goes stale", () => {
    let state = initialState(model);
    for (const e of events) state = applyEvent(model, state, e, e.at).state;
    expect(evaluateMql(model, state, T0 + DAY).qualified).toBe(true);
    // 40·2^(-t/10) + 40 < 70 once t > 10·log2(4/3) ≈ 4.15 days
    expect(evaluateMql(model, state, T0 + 4 * DAY).qualified).toBe(true);
    expect(evaluateMql(model, state, T0 + 5 * DAY).qualified).toBe(false);
  });

  it("expires window-based points entirely after the window", () => {
    const state = rescore(model, [pageview(T0, "/demo")]);
    expect(currentScore(model, state, T0 + 30 * DAY)).toBe(20);
    expect(currentScore(model, state, T0 + 30 * DAY + 1)).toBe(0);
  });

  it("a fresh visit restores the full points", () => {
    const state = rescore(model, [pageview(T0, "/tarifs"), pageview(T0 + 30 * DAY, "/tarifs")]);
    expect(currentScore(model, state, T0 + 30 * DAY)).toBe(40);
  });

  it("lets negative points fade too, so a lead can rise without a new event", () => {
    const state = rescore(model, [company(T0, { headcountBracket: "31" }), pageview(T0, "/carrieres/dev")]);
    expect(currentScore(model, state, T0)).toBe(20 - 30);
    expect(currentScore(model, state, T0 + 5 * DAY)).toBe(20 - 15);
    expect(currentScore(model, state, T0 + 10 * DAY)).toBe(20 - 7.5);
  });

  it("marks decayed lines in the explanation", () => {
    const state = rescore(model, events);
    const pricing = explain(model, state, T0 + 10 * DAY).find((l) => l.ruleId === "pricing")!;
    expect(pricing).toMatchObject({ points: 20, basePoints: 40, decayed: true });
    expect(explain(model, state, T0).find((l) => l.ruleId === "pricing")!.decayed).toBe(false);
  });

  it("tells the cron when the score stops moving", () => {
    const state = rescore(model, [pageview(T0, "/demo")]);
    expect(scoreSettlesAt(model, state)).toBe(T0 + 30 * DAY + 1);
    const fitOnly = rescore(model, [company(T0, { headcountBracket: "31" })]);
    expect(scoreSettlesAt(model, fitOnly)).toBeNull();
    const halfLife = rescore(model, [pageview(T0, "/tarifs")]);
    const settles = scoreSettlesAt(model, halfLife)!;
    expect(currentScore(model, halfLife, settles)).toBe(0);
    expect(currentScore(model, halfLife, settles - 2 * DAY)).toBeGreaterThan(0);
  });
});
