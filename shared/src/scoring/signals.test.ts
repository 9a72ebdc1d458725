import { describe, expect, it } from "vitest";
import { applyEvent, initialState, rescore } from "./apply-event";
import { DEFAULT_MODEL } from "./default-model";
import type { ScoringEvent } from "./events";
import { assertModel } from "./parse-model";
import { currentScore } from "./score";
import { signals } from "./signals";
import { DAY, HOUR, T0, download, formSubmit, pageview } from "./testing/fixtures";

const kinds = (events: ScoringEvent[], now: number) => signals(rescore(DEFAULT_MODEL, events), now).map((s) => s.kind);
const visitBy = (visitorId: string, at: number, path = "/blog/x") => pageview(at, path, { visitorId });

describe("intent signals", () => {
  it("buying committee: 3 distinct visitors from the company within 14 days", () => {
    const three = [visitBy("a", T0), visitBy("b", T0 + 5 * DAY), visitBy("c", T0 + 10 * DAY)];
    expect(kinds(three, T0 + 10 * DAY)).toContain("buying_committee");
    expect(kinds(three.slice(0, 2), T0 + 10 * DAY)).not.toContain("buying_committee");
    expect(kinds([visitBy("a", T0), visitBy("a", T0 + DAY), visitBy("b", T0 + 2 * DAY)], T0 + 2 * DAY)).not.toContain("buying_committee");
    const spread = [visitBy("a", T0), visitBy("b", T0 + 10 * DAY), visitBy("c", T0 + 20 * DAY)];
    expect(kinds(spread, T0 + 20 * DAY)).not.toContain("buying_committee");
    // And it fades once the first visitor leaves the window.
    expect(kinds(three, T0 + 14 * DAY)).not.toContain("buying_committee");
    const [committee] = signals(rescore(DEFAULT_MODEL, three), T0 + 10 * DAY);
    expect(committee).toMatchObject({ kind: "buying_committee", at: T0 + 10 * DAY, label: "Comité d'achat : 3 visiteurs en 14 jours" });
  });

  it("surge: this week's sessions at least 3× the average of the 4 previous weeks, with a minimum", () => {
    const baseline = [0, 1, 2, 3].map((w) => visitBy("a", T0 + w * 7 * DAY)); // one session a week
    const week = T0 + 28 * DAY;
    const burst = [0, 1, 2].map((i) => visitBy("a", week + i * DAY));
    expect(kinds([...baseline, ...burst], week + 2 * DAY)).toContain("surge");
    expect(kinds([...baseline, ...burst.slice(0, 2)], week + 2 * DAY)).not.toContain("surge"); // under the minimum of 3
    const busyBaseline = [...baseline, ...baseline.map((e) => ({ ...e, at: e.at + HOUR, sessionId: `${e.sessionId}b` }))]; // 2 a week
    expect(kinds([...busyBaseline, ...burst], week + 2 * DAY)).not.toContain("surge"); // 3 < 3 × 2
    // A brand-new lead has no baseline: a first busy week is not a surge.
    expect(kinds(burst, week + 2 * DAY)).not.toContain("surge");
    const surge = signals(rescore(DEFAULT_MODEL, [...baseline, ...burst]), week + 2 * DAY).find((s) => s.kind === "surge")!;
    expect(surge.label).toBe("Pic de visites : 3 visites en 7 jours (moyenne 1 par semaine)");
  });

  it("return: a visit after 30 days of silence, shown for 14 days", () => {
    const events = [visitBy("a", T0), visitBy("a", T0 + 31 * DAY)];
    expect(kinds(events, T0 + 31 * DAY)).toContain("return");
    expect(kinds(events, T0 + 46 * DAY)).not.toContain("return");
    expect(kinds([visitBy("a", T0), visitBy("a", T0 + 29 * DAY)], T0 + 29 * DAY)).not.toContain("return");
    expect(signals(rescore(DEFAULT_MODEL, events), T0 + 32 * DAY).find((s) => s.kind === "return")!.label).toBe("Retour après 31 jours sans visite");
  });

  it("high intent pages and conversions", () => {
    const events = [pageview(T0, "/demande-de-demo"), formSubmit(T0 + HOUR, "/demande-de-demo")];
    const list = signals(rescore(DEFAULT_MODEL, events), T0 + DAY);
    expect(list.map((s) => [s.kind, s.label])).toEqual([
      ["conversion", "Conversion : formulaire /demande-de-demo"],
      ["high_intent", "Page à forte intention : /demande-de-demo"],
    ]);
    expect(kinds([download(T0, "guide")], T0 + 29 * DAY)).toEqual(["conversion"]);
    expect(kinds([download(T0, "guide")], T0 + 31 * DAY)).toEqual([]);
    expect(kinds([pageview(T0, "/blog/tarifs-crm")], T0)).toEqual([]);
  });

  it("reports the signals an event switched on, for the timeline", () => {
    let state = initialState(DEFAULT_MODEL);
    const fired: string[][] = [];
    for (const e of [visitBy("a", T0), visitBy("b", T0 + HOUR, "/tarifs"), visitBy("c", T0 + 2 * HOUR, "/pricing"), visitBy("a", T0 + 40 * DAY)]) {
      const r = applyEvent(DEFAULT_MODEL, state, e, e.at);
      state = r.state;
      fired.push(r.fired);
    }
    expect(fired).toEqual([[], ["high_intent"], ["buying_committee"], ["return"]]);
  });

  it("can be used in rules", () => {
    const model = assertModel({
      version: 1,
      rules: [
        { id: "committee", label: "Comité d'achat", points: 15, when: { signal: "buying_committee" } },
        { id: "back-on-pricing", label: "Retour sur les tarifs", points: 10, when: { all: [{ path: "/tarifs*" }, { signal: "return" }] } },
      ],
      mql: { threshold: 20 },
      signals: { buyingCommittee: { minVisitors: 2, withinDays: 7 } },
    });
    const events = [visitBy("a", T0), visitBy("b", T0 + DAY), visitBy("a", T0 + 40 * DAY, "/tarifs")];
    expect(currentScore(model, rescore(model, events.slice(0, 2)), T0 + DAY)).toBe(15);
    const state = rescore(model, events);
    expect(currentScore(model, state, T0 + 40 * DAY)).toBe(10); // the committee has dissolved; the return counts
    expect(signals(state, T0 + 40 * DAY, model.signals).map((s) => s.kind)).toEqual(["return", "high_intent"]);
  });
});
