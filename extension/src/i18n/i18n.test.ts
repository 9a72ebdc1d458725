import { describe, expect, it } from "vitest";
import { formatDuration, formatRelative, formatRevenue, formatSiren } from "./format";
import { detectLang, t } from "./index";
import { en } from "./messages-en";
import { fr } from "./messages-fr";

describe("i18n", () => {
  it("detects French from any French locale, English otherwise", () => {
    expect(detectLang("fr")).toBe("fr");
    expect(detectLang("fr-CA")).toBe("fr");
    expect(detectLang("en-US")).toBe("en");
    expect(detectLang("de-DE")).toBe("en");
    expect(detectLang(undefined)).toMatch(/^(fr|en)$/);
  });

  it("translates and fills placeholders", () => {
    expect(t("error.badKey", "fr")).toBe("Clé API refusée — ouvrez les options");
    expect(t("error.badKey", "en")).toBe("API key rejected — open the options");
    expect(t("sla.left", "en", { duration: "2 h" })).toBe("2 h left");
    expect(t("sla.left", "fr", { duration: "2 h" })).toBe("Reste 2 h");
    expect(t("noMatch.linkTo", "en", {})).toBe("Link this page to {name}");
  });

  it("has the same keys and placeholders in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as Array<keyof typeof fr>) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });
});

describe("formatting", () => {
  const now = new Date("2025-06-10T12:00:00Z");

  it("formats relative dates", () => {
    expect(formatRelative("2025-06-10T10:00:00Z", now, "fr")).toBe("il y a 2 heures");
    expect(formatRelative("2025-06-10T10:00:00Z", now, "en")).toBe("2 hours ago");
    expect(formatRelative("2025-06-09T12:00:00Z", now, "fr")).toBe("hier");
    expect(formatRelative("2025-06-10T11:59:30Z", now, "en")).toBe("now");
  });

  it("formats durations", () => {
    expect(formatDuration(45_000, "en")).toBe("45 s");
    expect(formatDuration(5 * 3_600_000 + 12 * 60_000, "fr")).toBe("5 h 12 min");
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000, "fr")).toBe("2 j 3 h");
    expect(formatDuration(2 * 86_400_000, "en")).toBe("2 d");
  });

  it("formats revenue compactly in euros", () => {
    expect(formatRevenue(27_376_000_000, "fr")).toMatch(/^27,4\sMd\s€$/);
    expect(formatRevenue(27_376_000_000, "en")).toBe("€27.4bn");
  });

  it("spaces SIRENs", () => {
    expect(formatSiren("552032534")).toBe("552 032 534");
  });
});
