import { describe, expect, it } from "vitest";
import { applyEvent, rescore } from "./apply-event";
import { DEFAULT_MODEL, DEFAULT_MODEL_INPUT } from "./default-model";
import { scoringEventSchema } from "./events";
import { explain } from "./explain";
import { assertModel } from "./parse-model";
import { currentScore, needsRescore } from "./score";
import { DAY, T0, company, contact, download, pageview } from "./testing/fixtures";

describe("model versions", () => {
  const events = [pageview(T0, "/tarifs"), download(T0, "livre-blanc"), download(T0, "guide"), contact(T0, "DSI"), company(T0, { headcountBracket: "22" })];
  const v2 = assertModel({
    ...DEFAULT_MODEL_INPUT,
    version: 2,
    rules: [
      { ...DEFAULT_MODEL_INPUT.rules[0], points: 30 },
      { id: "demo", label: "Page démo", points: 40, when: { path: "/demo*" } },
      { id: "downloads", label: "Téléchargements", points: 10, when: { event: "download" }, repeat: { maxTimes: 3 } },
    ],
  });

  it("records the version a state was computed with and flags states computed with another one", () => {
    const state = rescore(DEFAULT_MODEL, events);
    expect(state.modelVersion).toBe(1);
    expect(needsRescore(DEFAULT_MODEL, state)).toBe(false);
    expect(needsRescore(v2, state)).toBe(true);
  });

  it("keeps scoring new events meanwhile, and the background rescore applies the new rules to the whole history", () => {
    const old = rescore(DEFAULT_MODEL, events);
    const interim = applyEvent(v2, old, pageview(T0 + DAY, "/demo"), T0 + DAY).state;
    expect(interim.modelVersion).toBe(1); // still due for a rescore
    // The log keeps times, not points: new points apply at once; the new download rule has not seen past hits.
    expect(currentScore(v2, interim, T0 + DAY)).toBe(30 + 40);
    const rescored = rescore(v2, [...events, pageview(T0 + DAY, "/demo")]);
    expect(rescored.modelVersion).toBe(2);
    expect(currentScore(v2, rescored, T0 + DAY)).toBe(30 + 40 + 20);
    expect(
      explain(v2, rescored, T0 + DAY)
        .map((l) => l.ruleId)
        .sort(),
    ).toEqual(["demo", "downloads", "pricing-page"]);
  });
});

describe("queue messages", () => {
  it("validates scoring events with zod", () => {
    expect(scoringEventSchema.parse(pageview(T0, "/tarifs"))).toMatchObject({ kind: "hit", hitType: "pageview" });
    expect(scoringEventSchema.safeParse({ kind: "hit", at: T0, visitorId: "v", sessionId: "s", hitType: "click" }).success).toBe(false);
    expect(scoringEventSchema.safeParse({ kind: "company", at: T0, company: { headcountBracket: "99" } }).success).toBe(false);
    expect(scoringEventSchema.parse({ kind: "contact", at: T0, contactId: "c1", jobTitle: "DSI" })).toMatchObject({ contactId: "c1" });
  });
});
