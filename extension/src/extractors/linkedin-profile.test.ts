import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "./index";

describe("LinkedIn profile pages", () => {
  it("picks the current position even when an ended one is listed first (logged-in, English)", () => {
    const { doc, url } = loadPage("linkedin-profile-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/");
    expect(extract(doc, url)).toEqual({
      kind: "linkedin-profile",
      slug: "camille-laurent-4b2a1b123",
      personName: "Camille Laurent",
      employer: {
        name: "Doctolib",
        slug: "doctolib",
        linkedinCompanyUrl: "https://www.linkedin.com/company/doctolib/",
      },
    });
  });

  it("does not depend on the top card: the Experience section alone finds the current employer", () => {
    const { doc, url } = loadPage("linkedin-profile-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/");
    doc.querySelector('[aria-label^="Current company"]')?.remove();
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Doctolib", slug: "doctolib" } });
  });

  it("reads a grouped entry (several roles at one company) in the French UI without the #experience anchor", () => {
    const { doc, url } = loadPage("linkedin-profile-grouped-fr.html", "https://www.linkedin.com/in/nadia-benali/");
    doc.querySelector('[aria-label^="Entreprise actuelle"]')?.remove();
    expect(extract(doc, url)).toEqual({
      kind: "linkedin-profile",
      slug: "nadia-benali",
      personName: "Nadia Benali",
      employer: {
        name: "BNP Paribas",
        slug: "bnp-paribas",
        linkedinCompanyUrl: "https://www.linkedin.com/company/bnp-paribas/",
      },
    });
  });

  it("uses the top card's 'Entreprise actuelle' button when there is no Experience section", () => {
    const { doc, url } = loadPage("linkedin-profile-grouped-fr.html", "https://www.linkedin.com/in/nadia-benali/");
    doc.querySelectorAll("section")[1]?.remove();
    expect(extract(doc, url)).toMatchObject({ employer: { name: "BNP Paribas" } });
  });

  it("reads the public profile (French) and canonicalises the company URL", () => {
    const { doc, url } = loadPage("linkedin-profile-guest-fr.html", "https://fr.linkedin.com/in/thomas-petit-8a1b2c3?trk=people-guest_people_search-card");
    expect(extract(doc, url)).toEqual({
      kind: "linkedin-profile",
      slug: "thomas-petit-8a1b2c3",
      personName: "Thomas Petit",
      employer: { name: "Qonto", slug: "qonto", linkedinCompanyUrl: "https://www.linkedin.com/company/qonto/" },
    });
  });

  it("falls back to JSON-LD worksFor, skipping the past employer that has an end date", () => {
    const { doc, url } = loadPage("linkedin-profile-guest-fr.html", "https://fr.linkedin.com/in/thomas-petit-8a1b2c3");
    doc.querySelector('section[data-section="experience"]')?.remove();
    doc.querySelector('[data-section="currentPositionsDetails"]')?.remove();
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Qonto", slug: "qonto" } });
  });

  it("reports the person without an employer when every position has ended", () => {
    const { doc, url } = loadPage("linkedin-profile-no-current-en.html", "https://www.linkedin.com/in/sophie-bernard-92/");
    expect(extract(doc, url)).toEqual({ kind: "linkedin-profile", slug: "sophie-bernard-92", personName: "Sophie Bernard" });
  });

  it("reports nothing while the profile is still loading", () => {
    const { doc, url } = loadPage("linkedin-profile-shell-en.html", "https://www.linkedin.com/in/jean-dupont-1a2b3c/");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-profile" });
  });
});
