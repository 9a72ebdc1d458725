import { describe, expect, it } from "vitest";
import { rescore } from "./apply-event";
import { CONTENT_FIT_MODEL } from "./default-model";
import type { ScoringEvent } from "./events";
import { evaluateMql } from "./score";
import { DAY, HOUR, T0, company, download, pageview } from "./testing/fixtures";

/** "MQL = interacted with 2+ content pieces AND 50+ employees AND tech sector" (seed article). */
describe("the condition-based seed model", () => {
  const techCompany = company(T0, { siren: "552032534", headcountBracket: "21", nafCode: "62.01Z" }); // 50–99, programming
  const verdict = (events: ScoringEvent[], now = T0 + 10 * DAY) => evaluateMql(CONTENT_FIT_MODEL, rescore(CONTENT_FIT_MODEL, events), now);

  it("qualifies a 50–99 employee software company after two different content pieces", () => {
    const result = verdict([techCompany, download(T0 + HOUR, "livre-blanc-crm"), pageview(T0 + DAY, "/etudes-de-cas/globex")]);
    expect(result).toMatchObject({ qualified: true, threshold: null, condition: true });
  });

  it("does not count the same white paper twice as two pieces", () => {
    const result = verdict([techCompany, download(T0 + HOUR, "livre-blanc-crm"), download(T0 + DAY, "livre-blanc-crm")]);
    expect(result.qualified).toBe(false);
  });

  it("needs every part: one piece, fewer than 50 employees, or a non-tech sector is not enough", () => {
    const content = [download(T0 + HOUR, "livre-blanc-crm"), pageview(T0 + DAY, "/etudes-de-cas/globex")];
    expect(verdict([techCompany, content[0]!]).qualified).toBe(false);
    expect(verdict([company(T0, { headcountBracket: "12", nafCode: "62.01Z" }), ...content]).qualified).toBe(false); // 20–49
    expect(verdict([company(T0, { headcountBracket: "32", nafCode: "47.11A" }), ...content]).qualified).toBe(false); // retail (G)
    expect(verdict([company(T0, { headcountBracket: "32", nafCode: "58.29C" }), ...content]).qualified).toBe(true); // software publishing (J)
  });

  it("uses the section the registry gives when there is no code", () => {
    expect(verdict([company(T0, { headcountBracket: "32", nafSection: "J" }), download(T0, "a"), download(T0, "b")]).qualified).toBe(true);
  });

  it("still shows a readable score even though the MQL verdict does not use it", () => {
    const result = verdict([techCompany, download(T0 + HOUR, "livre-blanc-crm"), pageview(T0 + DAY, "/etudes-de-cas/globex")]);
    expect(result.score).toBe(10 + 10 + 10 + 10); // two content hits, 50+, tech
  });
});
