import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyEmailDomain, emailDomainOf, isCompanyEmailDomain } from "./email-domains";

const kind = (s: string) => classifyEmailDomain(s).kind;

describe("classifyEmailDomain", () => {
  it("never takes free webmail for a company", () => {
    for (const d of [
      "gmail.com",
      "googlemail.com",
      "hotmail.fr",
      "hotmail.com",
      "hotmail.co.uk",
      "outlook.fr",
      "outlook.com",
      "live.fr",
      "live.be",
      "msn.com",
      "yahoo.fr",
      "yahoo.co.uk",
      "icloud.com",
      "me.com",
      "aol.com",
      "proton.me",
      "protonmail.com",
      "gmx.fr",
      "gmx.de",
      "yandex.ru",
      "yandex.com",
      "mail.ru",
      "laposte.net",
    ]) {
      expect(kind(`jane@${d}`), d).toBe("freemail");
    }
  });

  it("recognises French and foreign ISP mailboxes", () => {
    for (const d of [
      "orange.fr",
      "wanadoo.fr",
      "free.fr",
      "sfr.fr",
      "neuf.fr",
      "bbox.fr",
      "numericable.fr",
      "club-internet.fr",
      "aliceadsl.fr",
      "cegetel.net",
      "skynet.be",
      "t-online.de",
      "comcast.net",
    ]) {
      expect(kind(`jean@${d}`), d).toBe("isp");
    }
  });

  it("keeps the companies behind those brands apart from their consumer mail", () => {
    expect(kind("a@orange.com")).toBe("company"); // Orange SA staff
    expect(kind("a@laposte.fr")).toBe("company"); // La Poste staff
    expect(kind("a@danone.com")).toBe("company");
    expect(kind("a@live.agency")).toBe("company"); // not Microsoft's live.*
  });

  it("flags disposable inboxes", () => {
    for (const d of ["yopmail.com", "yopmail.fr", "jetable.org", "mailinator.com", "guerrillamail.com", "10minutemail.com"]) {
      expect(kind(`x@${d}`), d).toBe("disposable");
    }
  });

  it("flags students and schools as education", () => {
    for (const d of [
      "etu.univ-lyon1.fr",
      "univ-rennes.fr",
      "u-paris.fr",
      "ac-versailles.fr",
      "stanford.edu",
      "ox.ac.uk",
      "hec.edu",
      "edhec.com",
      "etu.unistra.fr",
      "student.42.fr",
      "insa-lyon.fr",
      "etudiant.univ-smb.fr",
    ]) {
      expect(kind(`x@${d}`), d).toBe("education");
    }
  });

  it("includes subdomains of listed domains", () => {
    expect(kind("x@mail.orange.fr")).toBe("isp");
    expect(kind("x@dept.ens.fr")).toBe("education");
  });

  it("reads addresses with display names, case and trailing dots", () => {
    expect(emailDomainOf("Jane Doe <Jane.Doe@Danone.COM>")).toBe("danone.com");
    expect(classifyEmailDomain(" JANE@GMAIL.COM. ")).toMatchObject({ domain: "gmail.com", kind: "freemail" });
    expect(classifyEmailDomain("danone.com")).toMatchObject({ domain: "danone.com", kind: "company" });
  });

  it("rejects what is not a usable domain", () => {
    for (const s of ["", "jane", "jane@", "jane@localhost", "a@example.com", "a@foo.test", "a@-bad-.fr", "a@1.2.3.4"]) {
      expect(kind(s), s).toBe("invalid");
    }
  });

  it("always explains its answer", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const c = classifyEmailDomain(email);
        expect(c.reason.length).toBeGreaterThan(0);
        expect(c.domain).toBe(email.slice(email.lastIndexOf("@") + 1).toLowerCase());
        expect(isCompanyEmailDomain(email)).toBe(c.kind === "company");
      }),
    );
  });
});
