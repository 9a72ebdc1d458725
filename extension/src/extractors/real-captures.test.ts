// Held-out check of the LinkedIn extractors against pages as LinkedIn served them (../shared/fixtures/linkedin-captures,
// owned by the project's CEO, read in place, never copied here). The expected values are in its manifest.json,
// read off the pages by a person; see its README for the scoring rules applied below.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { extract } from "./index";
import type { Extraction } from "./types";

const CAPTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/fixtures/linkedin-captures");
const present = existsSync(path.join(CAPTURES, "manifest.json"));

interface Expected {
  kind: string | string[];
  reason?: string;
  slug?: string;
  name?: string | string[] | null;
  personName?: string | string[] | null;
  employer?: string | string[] | null;
  domain?: string | null;
}
interface Capture {
  file: string;
  url: string;
  expected: Expected;
}

const same = (a: string) => a.replace(/\s+/g, " ").trim().toLowerCase();
const anyOf = (expected: string | string[]) => (Array.isArray(expected) ? expected : [expected]).map(same);

/** Scores one field: null means the page states nothing, so any value is wrong. */
function expectField(
  field: string,
  actual: string | undefined,
  expected: string | string[] | null | undefined,
  match: (a: string, e: string) => boolean = (a, e) => same(a) === e,
): void {
  if (expected === undefined) return;
  if (expected === null) {
    expect(actual, `${field}: the page states none`).toBeUndefined();
    return;
  }
  expect(actual, field).toBeDefined();
  expect(
    anyOf(expected).some((e) => match(actual!, e)),
    `${field}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`,
  ).toBe(true);
}

function score(result: Extraction, expected: Expected): void {
  expect(anyOf(expected.kind)).toContain(result.kind);
  if (result.kind === "none") {
    if (expected.reason) expect(result.reason).toBe(expected.reason);
    return;
  }
  if (expected.slug && "slug" in result) expect(same(result.slug)).toBe(same(expected.slug));
  if (result.kind === "linkedin-company") {
    expectField("name", result.name, expected.name);
    expectField("domain", result.domain, expected.domain, (a, e) => a === e || a.endsWith(`.${e}`));
  }
  if (result.kind === "linkedin-profile") {
    expectField("personName", result.personName, expected.personName);
    expectField("employer", result.employer?.name, expected.employer);
  }
}

describe.skipIf(!present)("LinkedIn extractors on real captured pages", () => {
  const manifest = present ? (JSON.parse(readFileSync(path.join(CAPTURES, "manifest.json"), "utf8")) as { pages: Capture[] }) : { pages: [] };
  it.each(manifest.pages.map((p) => [p.file, p] as const))("%s", (_file, capture) => {
    const window = new Window({ url: capture.url, settings: { disableJavaScriptEvaluation: true } });
    const doc = new window.DOMParser().parseFromString(readFileSync(path.join(CAPTURES, capture.file), "utf8"), "text/html") as unknown as Document;
    score(extract(doc, new URL(capture.url)), capture.expected);
  });
});

if (!present) {
  describe("LinkedIn extractors on real captured pages", () => {
    it.skip(`skipped: ${CAPTURES} is absent (the CEO's shared fixtures are not on this machine)`, () => {});
  });
}
