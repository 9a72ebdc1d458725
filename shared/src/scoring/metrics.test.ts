import { describe, expect, it } from "vitest";
import { applyEvent, initialState, rescore } from "./apply-event";
import type { HitEvent } from "./events";
import { assertModel } from "./parse-model";
import { currentScore } from "./score";
import { scoreSettlesAt } from "./settle";
import { DAY, MINUTE, T0, engagement, pageview } from "./testing/fixtures";

const session = (id: string, at: number, paths: string[]): HitEvent[] =>
  paths.map((path, i) => pageview(at + i * MINUTE, path, { sessionId: id, pageId: `${id}-${i}` }));

const model = assertModel({
  version: 1,
  rules: [
    { id: "visits-3-7d", label: "3 visites en 7 jours", points: 10, when: { metric: { name: "sessions", gte: 3, withinDays: 7 } } },
    { id: "pageviews-10", label: "10 pages vues", points: 5, when: { metric: { name: "pageviews", gte: 10 } } },
    { id: "deep", label: "3 pages par visite", points: 5, when: { metric: { name: "pagesPerSession", gte: 3 } } },
    { id: "time-2min", label: "2 minutes sur le site", points: 5, when: { metric: { name: "timeOnSiteSeconds", gte: 120 } } },
    {
      id: "read-pricing",
      label: "Lecture attentive des tarifs",
      points: 10,
      when: { timeOnPage: { gteSeconds: 30, path: "/tarifs*" } },
      repeat: { maxTimes: 5 },
    },
  ],
  mql: { threshold: 100 },
});
const lines = (events: HitEvent[], now: number) => {
  const state = rescore(model, events);
  return Object.fromEntries(model.rules.map((r) => [r.id, currentScore({ ...model, rules: [r] }, state, now)]));
};

describe("behaviour metrics", () => {
  it("count sessions by id, page views and pages per session", () => {
    const events = [...session("a", T0, ["/", "/produit", "/tarifs"]), ...session("b", T0 + DAY, ["/", "/blog/1", "/blog/2", "/blog/3"])];
    const state = rescore(model, events);
    expect(state.metrics).toMatchObject({ sessions: 2, pageviews: 7 });
    expect(lines(events, T0 + DAY)).toMatchObject({ "visits-3-7d": 0, "pageviews-10": 0, deep: 5 });
  });

  it("slide the window at read time: 3 sessions in 7 days holds, then lapses", () => {
    const events = [...session("a", T0, ["/"]), ...session("b", T0 + 2 * DAY, ["/"]), ...session("c", T0 + 4 * DAY, ["/"])];
    const state = rescore(model, events);
    const rule = { ...model, rules: [model.rules[0]!] };
    expect(currentScore(rule, state, T0 + 4 * DAY)).toBe(10);
    expect(currentScore(rule, state, T0 + 6 * DAY)).toBe(10); // days 0..6
    expect(currentScore(rule, state, T0 + 7 * DAY)).toBe(0); // day 0 has left the window
    expect(scoreSettlesAt(model, state)).toBeGreaterThanOrEqual(T0 + 7 * DAY);
  });

  it("add up engagement beacons without double counting cumulative ones", () => {
    const events = [
      ...session("a", T0, ["/tarifs"]),
      engagement(T0 + 10_000, "a-0", 10_000, "/tarifs", { sessionId: "a" }),
      engagement(T0 + 40_000, "a-0", 40_000, "/tarifs", { sessionId: "a" }), // cumulative: +30 s
      engagement(T0 + 90_000, "a-0", 90_000, "/tarifs", { sessionId: "a" }), // +50 s, but the 30 s bound was crossed already
      engagement(T0 + 95_000, "a-0", 60_000, "/tarifs", { sessionId: "a" }), // out of order: nothing new
    ];
    const state = rescore(model, events);
    expect(state.metrics.engagedMs).toBe(90_000);
    expect(state.metrics.sessions).toBe(1);
    expect(state.rules["read-pricing"]!.count).toBe(1);
    const more = [...events, ...session("b", T0 + DAY, ["/tarifs/pme"]), engagement(T0 + DAY + 35_000, "b-0", 35_000, "/tarifs/pme", { sessionId: "b" })];
    expect(lines(more, T0 + DAY)).toMatchObject({ "time-2min": 5, "read-pricing": 20 });
  });

  it("does not take engagement on other pages for reading the pricing page", () => {
    const events = [...session("a", T0, ["/blog/x"]), engagement(T0 + 60_000, "a-0", 60_000, "/blog/x", { sessionId: "a" })];
    expect(lines(events, T0)["read-pricing"]).toBe(0);
  });

  it("keeps the state bounded however long the history", () => {
    let state = initialState(model);
    let size = 0;
    for (let i = 0; i < 3000; i++) {
      const at = T0 + i * 3 * 3600_000; // every 3 hours for a year
      state = applyEvent(
        model,
        state,
        pageview(at, i % 2 ? "/tarifs" : "/blog/x", { sessionId: `s${i}`, visitorId: `v${i % 300}`, pageId: `p${i}` }),
        at,
      ).state;
      if (i === 500) size = JSON.stringify(state).length;
    }
    const finalSize = JSON.stringify(state).length;
    expect(state.metrics.days.length).toBeLessThanOrEqual(36);
    expect(Object.keys(state.metrics.openSessions).length).toBeLessThan(5);
    expect(Object.keys(state.metrics.visitors).length).toBeLessThanOrEqual(200);
    expect(finalSize).toBeLessThan(size * 1.5);
    expect(finalSize).toBeLessThan(8000);
  });
});
