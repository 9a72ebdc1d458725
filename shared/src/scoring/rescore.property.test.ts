import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEvent, rescore } from "./apply-event";
import { compileModel } from "./compile";
import { assertModel } from "./parse-model";
import { evaluateMql, exactScore } from "./score";
import { emptyState, type ScoreState } from "./state";
import { eventsArb, modelArb } from "./testing/generators";
import { ReferenceScorer } from "./testing/reference-scorer";

const DAY = 86_400_000;

describe("incremental scoring", () => {
  it("equals rescoring from the events, and both equal a full-history reference scorer", () => {
    fc.assert(
      fc.property(modelArb, eventsArb(30), (input, events) => {
        const model = assertModel(input);
        // Incremental, as the queue consumer does it: each state goes through JSON (D1) between events.
        let state: ScoreState = emptyState(model.version);
        for (const event of events) {
          const result = applyEvent(model, state, event, event.at);
          state = JSON.parse(JSON.stringify(result.state)) as ScoreState;
        }
        const rescored = rescore(model, events);
        expect(state).toEqual(JSON.parse(JSON.stringify(rescored)));

        const reference = new ReferenceScorer(model, events);
        const last = events[events.length - 1]!.at;
        const compiled = compileModel(model);
        for (const now of [last, last + 3_600_000, last + 3 * DAY, last + 20 * DAY, last + 100 * DAY]) {
          const expected = reference.score(now);
          expect(exactScore(compiled, state, now)).toBeCloseTo(expected, 6);
          const mql = evaluateMql(model, state, now);
          const nearThreshold = model.mql.threshold !== undefined && Math.abs(expected - model.mql.threshold) < 0.1;
          if (!nearThreshold) expect(mql.qualified).toBe(reference.qualified(now));
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("agrees with the reference after every single event, not only at the end", () => {
    fc.assert(
      fc.property(modelArb, eventsArb(12), (input, events) => {
        const model = assertModel(input);
        const compiled = compileModel(model);
        let state = emptyState(model.version);
        events.forEach((event, i) => {
          state = applyEvent(model, state, event, event.at).state;
          const reference = new ReferenceScorer(model, events.slice(0, i + 1));
          expect(exactScore(compiled, state, event.at)).toBeCloseTo(reference.score(event.at), 6);
        });
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("never modifies the state it is given (the state is deep-frozen: any write would throw)", () => {
    fc.assert(
      fc.property(modelArb, eventsArb(15), (input, events) => {
        const model = assertModel(input);
        let state = deepFreeze(emptyState(model.version));
        for (const event of events) {
          const before = JSON.stringify(state);
          const next = applyEvent(model, state, event, event.at).state;
          expect(JSON.stringify(state)).toBe(before);
          state = deepFreeze(next);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
