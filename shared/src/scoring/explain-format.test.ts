import { describe, expect, it } from "vitest";
import { formatExplainLine, formatPoints, relativeTimeFr } from "./explain-format";
import { DAY, HOUR, MINUTE, T0 } from "./testing/fixtures";

describe("French display of score lines", () => {
  it("formats relative times", () => {
    expect(relativeTimeFr(T0, T0 + 10_000)).toBe("à l'instant");
    expect(relativeTimeFr(T0, T0 + 5 * MINUTE)).toBe("il y a 5 min");
    expect(relativeTimeFr(T0, T0 + 3 * HOUR)).toBe("il y a 3 h");
    expect(relativeTimeFr(T0, T0 + DAY + HOUR)).toBe("hier");
    expect(relativeTimeFr(T0, T0 + 3 * DAY)).toBe("il y a 3 jours");
    expect(relativeTimeFr(T0, T0 + 95 * DAY)).toBe("il y a 3 mois");
    expect(relativeTimeFr(T0, T0 + 800 * DAY)).toBe("il y a 2 ans");
    expect(relativeTimeFr(T0 + DAY, T0)).toBe("à l'instant"); // clock skew
  });

  it("formats points with a sign and a decimal comma", () => {
    expect(formatPoints(20)).toBe("+20");
    expect(formatPoints(-30)).toBe("\u221230");
    expect(formatPoints(13.4)).toBe("+13,4");
  });

  it("formats a line, with the count when the rule matched several times", () => {
    const line = { ruleId: "blog", label: "Article de blog", points: 15, basePoints: 5, at: T0, count: 4, decayed: false, expiresAt: null };
    expect(formatExplainLine(line, T0 + 3 * DAY)).toBe("+15 Article de blog (×4), il y a 3 jours");
  });
});
