import { describe, expect, it } from "vitest";
import { mentionsWholeEmail, wholeEmailPattern } from "./email-mention";

describe("whole e-mail mentions", () => {
  const n = wholeEmailPattern("N@acme.fr");

  it("finds the address itself, in any case, in URLs, JSON and prose", () => {
    for (const text of ["n@acme.fr", "Écrire à N@ACME.FR.", '{"email":"n@acme.fr"}', "/?email=n%40acme.fr&x=1", "<n@acme.fr>", "n@acme.fr, jean@acme.fr"]) {
      expect(mentionsWholeEmail(text, n), text).toBe(true);
    }
  });

  it("never matches inside another address", () => {
    for (const text of ["jean@acme.fr", "?email=jean%40acme.fr", "n@acme.fra", "n@acme.fr-paris.com", "n@acme.fr.example.com", "an.n@acme.fr", "x+n@acme.fr"]) {
      expect(mentionsWholeEmail(text, n), text).toBe(false);
    }
  });

  it("replaces only whole addresses", () => {
    const text = "jean@acme.fr a transféré à n@acme.fr";
    expect(text.replace(wholeEmailPattern("n@acme.fr"), "[x]")).toBe("jean@acme.fr a transféré à [x]");
  });
});
