import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEmail, unwrapRedirect, websiteDomain, workEmailDomain } from "./domain";

describe("websiteDomain", () => {
  it.each([
    ["https://www.Doctolib.fr/fr/", "doctolib.fr"],
    ["doctolib.fr", "doctolib.fr"],
    ["www.doctolib.fr", "doctolib.fr"],
    ["http://shop.example.co.uk:8080/path?q=1#x", "shop.example.co.uk"],
    ["HTTPS://WWW.EXAMPLE.COM", "example.com"],
    ["https://bücher.de", "xn--bcher-kva.de"],
    ["https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww.qonto.com%2Ffr&urlhash=x", "qonto.com"],
    ["https://www.linkedin.com/safety/go?url=https%3A%2F%2Fpennylane.com&trk=a", "pennylane.com"],
  ])("%s → %s", (raw, expected) => {
    expect(websiteDomain(raw)).toBe(expected);
  });

  it.each(["", "--", "Doctolib", "http://192.168.1.10/", "mailto:a@b.fr", "ftp://files.example.com", "see www.x.fr", "https://localhost:3000"])(
    "rejects %j",
    (raw) => {
      expect(websiteDomain(raw)).toBeUndefined();
    },
  );

  it("property: the result is lowercase, has no www., no scheme, no path, no port", () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?$/);
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-zA-Z]{2,6}$/),
        fc.boolean(),
        fc.constantFrom("", "/", "/fr/", "/a/b?c=d", "#top"),
        (labels, tld, www, path) => {
          const host = `${www ? "www." : ""}${labels.join(".")}.${tld}`;
          const d = websiteDomain(`https://${host}${path}`);
          expect(d).toBeDefined();
          expect(d).toBe(d!.toLowerCase());
          expect(d).not.toMatch(/^www\.|[/:?#]/);
        },
      ),
    );
  });
});

describe("unwrapRedirect", () => {
  it("leaves ordinary URLs alone and unwraps nested LinkedIn redirects", () => {
    expect(unwrapRedirect("https://example.com/x")).toBe("https://example.com/x");
    const inner = "https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fexample.com";
    expect(unwrapRedirect(`https://www.linkedin.com/safety/go?url=${encodeURIComponent(inner)}`)).toBe("https://example.com");
  });

  it("does not unwrap other LinkedIn pages", () => {
    expect(unwrapRedirect("https://www.linkedin.com/company/x?url=https://evil.example")).toBe("https://www.linkedin.com/company/x?url=https://evil.example");
  });
});

describe("emails", () => {
  it("parses mailto links and rejects malformed addresses", () => {
    expect(parseEmail("mailto:Jeanne.Martin@Acme.FR?subject=Hi")).toBe("jeanne.martin@acme.fr");
    expect(parseEmail("jeanne@acme")).toBeUndefined();
    expect(parseEmail("not an email")).toBeUndefined();
  });

  it("derives a domain from work emails only", () => {
    expect(workEmailDomain("jeanne@doctolib.com")).toBe("doctolib.com");
    expect(workEmailDomain("jeanne@www.doctolib.com")).toBe("doctolib.com");
    for (const free of ["a@gmail.com", "a@orange.fr", "a@wanadoo.fr", "a@free.fr", "a@hotmail.fr", "a@laposte.net"]) {
      expect(workEmailDomain(free)).toBeUndefined();
    }
  });
});
