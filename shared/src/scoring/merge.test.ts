import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEvent, rescore } from "./apply-event";
import { DEFAULT_MODEL } from "./default-model";
import type { ScoringEvent } from "./events";
import { explain } from "./explain";
import { mergeStates } from "./merge";
import { assertModel } from "./parse-model";
import { currentScore, evaluateMql, needsRescore } from "./score";
import { eventsArb } from "./testing/generators";
import { DAY, HOUR, T0, company, contact, download, pageview } from "./testing/fixtures";

describe("mergeStates", () => {
  const visitor = rescore(DEFAULT_MODEL, [pageview(T0, "/tarifs", { visitorId: "anon" }), download(T0 + HOUR, "livre-blanc-x", { visitorId: "anon" })]);
  const account = rescore(DEFAULT_MODEL, [
    company(T0 + DAY, { siren: "552032534", headcountBracket: "41" }),
    contact(T0 + DAY, "DSI"),
    pageview(T0 + DAY, "/tarifs", { visitorId: "known" }),
  ]);

  it("joins an anonymous visitor's activity to the company lead it turns out to belong to", () => {
    expect(currentScore(DEFAULT_MODEL, visitor, T0 + DAY)).toBe(35);
    expect(currentScore(DEFAULT_MODEL, account, T0 + DAY)).toBe(55);
    const merged = mergeStates(account, visitor);
    expect(evaluateMql(DEFAULT_MODEL, merged, T0 + 2 * DAY)).toMatchObject({ score: 70, qualified: true });
    // The pricing page counted once, dated by the latest visit, seen twice.
    expect(explain(DEFAULT_MODEL, merged, T0 + 2 * DAY).find((l) => l.ruleId === "pricing-page")).toMatchObject({ points: 20, at: T0 + DAY, count: 2 });
    expect(merged.metrics).toMatchObject({ sessions: 3, pageviews: 2 });
    expect(Object.keys(merged.metrics.visitors).sort()).toEqual(["anon", "known"]);
    expect(merged.company?.siren).toBe("552032534");
    expect(merged.identified).toBe(true);
  });

  it("gives the same score in either order and does not modify its inputs", () => {
    const before = JSON.stringify([account, visitor]);
    const ab = mergeStates(account, visitor);
    const ba = mergeStates(visitor, account);
    expect(JSON.stringify([account, visitor])).toBe(before);
    for (const now of [T0 + DAY, T0 + 50 * DAY, T0 + 200 * DAY]) {
      expect(currentScore(DEFAULT_MODEL, ab, now)).toBe(currentScore(DEFAULT_MODEL, ba, now));
    }
  });

  it("trims pooled contributions back to the rule's cap on the next event", () => {
    const merged = mergeStates(account, visitor);
    expect(merged.rules["pricing-page"]!.times).toHaveLength(2);
    const next = applyEvent(DEFAULT_MODEL, merged, pageview(T0 + 2 * DAY, "/blog"), T0 + 2 * DAY).state;
    expect(next.rules["pricing-page"]!.times).toEqual([T0 + DAY]);
  });

  it("flags a merge of states computed with different model versions for rescoring", () => {
    const v2 = assertModel({ ...DEFAULT_MODEL, version: 2 });
    const merged = mergeStates(rescore(v2, []), visitor);
    expect(merged.modelVersion).toBe(1);
    expect(needsRescore(v2, merged)).toBe(true);
  });

  it("equals rescoring the two histories together, for rules that look only at the hit", () => {
    // The two leads' visitors, sessions and contacts are their own: a contact known to both is one person whose
    // latest title decides, which merging two states (each with its own view of that person) cannot replay.
    const prefixed = (events: ScoringEvent[]) =>
      events.map((e) =>
        e.kind === "hit"
          ? { ...e, sessionId: `b-${e.sessionId}`, visitorId: `b-${e.visitorId}`, ...(e.pageId ? { pageId: `b-${e.pageId}` } : {}) }
          : e.kind === "contact"
            ? { ...e, contactId: `b-${e.contactId}` }
            : e,
      );
    fc.assert(
      fc.property(eventsArb(12), eventsArb(12), fc.integer({ min: 0, max: 120 }), (a, bRaw, laterDays) => {
        const b = prefixed(bRaw).map((e) => ({ ...e, at: e.at + 3 * HOUR }));
        const union = [...a, ...b].sort((x, y) => x.at - y.at);
        const merged = mergeStates(rescore(DEFAULT_MODEL, a), rescore(DEFAULT_MODEL, b));
        const together = rescore(DEFAULT_MODEL, union);
        const now = union[union.length - 1]!.at + laterDays * DAY;
        expect(currentScore(DEFAULT_MODEL, merged, now)).toBe(currentScore(DEFAULT_MODEL, together, now));
        expect(merged.metrics.sessions).toBe(together.metrics.sessions);
        expect(merged.metrics.pageviews).toBe(together.metrics.pageviews);
        expect(merged.metrics.engagedMs).toBe(together.metrics.engagedMs);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
