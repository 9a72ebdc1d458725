import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "./index";

/** The captured pages read more than once, each at the address it was captured from. */
const signedInEn = () => loadPage("linkedin-profile-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/");
const groupedFr = () => loadPage("linkedin-profile-grouped-fr.html", "https://www.linkedin.com/in/nadia-benali/");
const guestDescriptionDates = () => loadPage("linkedin-profile-guest-description-dates-en.html", "https://sg.linkedin.com/in/maya-perera-4c1d2e");
const guestDe = () => loadPage("linkedin-profile-guest-de.html", "https://de.linkedin.com/in/lena-hoffmann-7b3a21");
const guestSeveralCurrent = () => loadPage("linkedin-profile-guest-several-current-en.html", "https://sg.linkedin.com/in/ravi-fernando-9d8e7f");

/** A company as the extractor names it: its canonical LinkedIn page derives from its slug. */
const employer = (name: string, slug: string) => ({ name, slug, linkedinCompanyUrl: `https://www.linkedin.com/company/${slug}/` });
/** What the extractor reports of a profile: the person, and their current employer when there is one. */
const profile = (slug: string, personName: string, current?: ReturnType<typeof employer>) => ({
  kind: "linkedin-profile",
  slug,
  personName,
  ...(current ? { employer: current } : {}),
});

describe("LinkedIn profile pages", () => {
  it("picks the current position even when an ended one is listed first (logged-in, English)", () => {
    const { doc, url } = signedInEn();
    expect(extract(doc, url)).toEqual(profile("camille-laurent-4b2a1b123", "Camille Laurent", employer("Doctolib", "doctolib")));
  });

  it("does not depend on the top card: the Experience section alone finds the current employer", () => {
    const { doc, url } = signedInEn();
    doc.querySelector('[aria-label^="Current company"]')?.remove();
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Doctolib", slug: "doctolib" } });
  });

  it("reads a grouped entry (several roles at one company) in the French UI without the #experience anchor", () => {
    const { doc, url } = groupedFr();
    doc.querySelector('[aria-label^="Entreprise actuelle"]')?.remove();
    expect(extract(doc, url)).toEqual(profile("nadia-benali", "Nadia Benali", employer("BNP Paribas", "bnp-paribas")));
  });

  it("uses the top card's 'Entreprise actuelle' button when there is no Experience section", () => {
    const { doc, url } = groupedFr();
    doc.querySelectorAll("section")[1]?.remove();
    expect(extract(doc, url)).toMatchObject({ employer: { name: "BNP Paribas" } });
  });

  it("reads the public profile (French) and canonicalises the company URL", () => {
    const { doc, url } = loadPage("linkedin-profile-guest-fr.html", "https://fr.linkedin.com/in/thomas-petit-8a1b2c3?trk=people-guest_people_search-card");
    expect(extract(doc, url)).toEqual(profile("thomas-petit-8a1b2c3", "Thomas Petit", employer("Qonto", "qonto")));
  });

  it("falls back to JSON-LD worksFor, skipping the past employer that has an end date", () => {
    const { doc, url } = loadPage("linkedin-profile-guest-fr.html", "https://fr.linkedin.com/in/thomas-petit-8a1b2c3");
    doc.querySelector('section[data-section="experience"]')?.remove();
    doc.querySelector('[data-section="currentPositionsDetails"]')?.remove();
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Qonto", slug: "qonto" } });
  });

  it("reports the person without an employer when every position has ended", () => {
    const { doc, url } = loadPage("linkedin-profile-no-current-en.html", "https://www.linkedin.com/in/sophie-bernard-92/");
    expect(extract(doc, url)).toEqual(profile("sophie-bernard-92", "Sophie Bernard"));
  });

  it("reports nothing while the profile is still loading", () => {
    const { doc, url } = loadPage("linkedin-profile-shell-en.html", "https://www.linkedin.com/in/jean-dupont-1a2b3c/");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-profile" });
  });
  it("judges a position by its own date line, not by a range quoted in its description (guest, 2023 layout)", () => {
    const { doc, url } = guestDescriptionDates();
    expect(extract(doc, url)).toEqual(profile("maya-perera-4c1d2e", "Maya Perera", employer("Tessellate Labs", "tessellate-labs")));
  });

  it("names no employer when the only open range is in an ended position's description", () => {
    const { doc, url } = guestDescriptionDates();
    doc.querySelector("li.experience-group")?.remove();
    doc.querySelector(".top-card__links-container")?.remove();
    expect(extract(doc, url)).toEqual(profile("maya-perera-4c1d2e", "Maya Perera"));
  });

  it("reads the German UI: a 'Berufserfahrung' section and '– Heute' ranges", () => {
    const { doc, url } = guestDe();
    expect(extract(doc, url)).toEqual(profile("lena-hoffmann-7b3a21", "Lena Hoffmann", employer("Nordwerk Logistik", "nordwerk-logistik")));
  });

  it.each([
    ["Experiencia", "ene. 2020 - actualidad", "feb. 2016 - dic. 2019"],
    ["Experiência", "jan. de 2020 - o momento", "mar. de 2016 - dez. de 2019"],
    ["Esperienza", "gen 2020 - Presente", "mar 2016 - dic 2019"],
    ["Ervaring", "jan. 2020 - heden", "mrt. 2016 - dec. 2019"],
  ])("reads the %s section and its open range '%s'", (heading, open, closed) => {
    const { doc, url } = guestDe();
    doc.querySelector("h2.section-title")!.textContent = heading;
    const [past, current] = Array.from(doc.querySelectorAll(".date-range"));
    past!.textContent = closed;
    current!.textContent = open;
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Nordwerk Logistik" } });
    current!.textContent = "jan. 2020 - dez. 2023";
    expect(extract(doc, url)).not.toHaveProperty("employer");
  });

  it("reads the German top card's 'Aktuelles Unternehmen' button", () => {
    const { doc, url } = guestDe();
    doc.querySelector("section.experience")?.remove();
    doc
      .querySelector("h2.top-card-layout__headline")!
      .insertAdjacentHTML(
        "afterend",
        '<ul><li><button aria-label="Aktuelles Unternehmen: Nordwerk Logistik. Klicken Sie, um zur Karte „Berufserfahrung“ zu springen"><span>Nordwerk Logistik</span></button></li></ul>',
      );
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Nordwerk Logistik" } });
  });

  it("does not take a sign-in wall's heading or title for the person's name", () => {
    const { doc, url } = guestDe();
    doc.body.innerHTML = '<main><h1 class="header__content__heading">Sign in</h1><form action="/checkpoint/lg/login-submit"></form></main>';
    doc.title = "LinkedIn Login, Sign in | LinkedIn";
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-profile" });
  });
  it("among several open positions, takes the one the top card presents (guest, 2023 layout)", () => {
    const { doc, url } = guestSeveralCurrent();
    expect(extract(doc, url)).toEqual(profile("ravi-fernando-9d8e7f", "Ravi Fernando", employer("Aristeia", "aristeia")));
  });

  it("among several open positions, takes the one the signed-in top card's 'Current company' button names", () => {
    const { doc, url } = guestSeveralCurrent();
    doc.querySelector(".top-card__links-container")!.innerHTML =
      '<ul><li><button aria-label="Current company: Aristeia. Click to skip to experience card"><span aria-hidden="true">Aristeia</span></button></li></ul>';
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Aristeia", slug: "aristeia" } });
  });

  it("never lets the top card make an ended position current: the first open one is kept", () => {
    const { doc, url } = guestSeveralCurrent();
    const link = doc.querySelector(".top-card-link")!;
    link.setAttribute("href", "https://lk.linkedin.com/company/harbourline?trk=public_profile_topcard-current-company");
    link.querySelector(".top-card-link__description")!.textContent = "Harbourline";
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Urban Harbour", slug: "urban-harbour" } });
  });
  it("reads a profile the signed-in app rendered in place of a company page (its <head> still says company)", () => {
    const { doc, url } = groupedFr();
    const key = doc.createElement("meta");
    key.setAttribute("name", "pageKey");
    key.setAttribute("content", "d_flagship3_company");
    doc.head.append(key);
    expect(extract(doc, url)).toMatchObject({ kind: "linkedin-profile", employer: { name: "BNP Paribas" } });
  });
  it("reports nothing when LinkedIn serves its guest homepage at the profile's URL (title and heading name no one)", () => {
    const { doc, url } = loadPage("linkedin-guest-homepage-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-profile" });
  });
  it("a freelancer's 'Indépendant' is no employer: only the person is left to look up (hand-written page)", () => {
    const { doc, url } = loadPage("linkedin-profile-self-employed-fr.html", "https://www.linkedin.com/in/julien-moreau-crm/");
    expect(extract(doc, url)).toEqual({ kind: "linkedin-profile", slug: "julien-moreau-crm", personName: "Julien Moreau" });
  });

  it("'Self-employed' is no employer even behind a LinkedIn page (a placeholder page strangers share)", () => {
    const { doc, url } = loadPage("linkedin-profile-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/", (html) =>
      html.replaceAll("Doctolib", "Self-employed").replaceAll("/company/doctolib/", "/company/self-employed-12/"),
    );
    expect(extract(doc, url)).toEqual({ kind: "linkedin-profile", slug: "camille-laurent-4b2a1b123", personName: "Camille Laurent" });
  });

  it("a freelance activity held alongside a job: the job's company is the employer", () => {
    const { doc, url } = loadPage("linkedin-profile-self-employed-fr.html", "https://www.linkedin.com/in/julien-moreau-crm/", (html) =>
      // The past Capgemini position is held today too, listed after the freelance one.
      html.replace("sept. 2017 - déc. 2022 · 5 ans 4 mois", "sept. 2017 - aujourd’hui · 6 ans 9 mois"),
    );
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Capgemini", slug: "capgemini" } });
  });

  it("a company whose name only contains such a word is a company", () => {
    const { doc, url } = loadPage("linkedin-profile-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/", (html) =>
      html.replaceAll("Doctolib", "Freelance Republik"),
    );
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Freelance Republik", slug: "doctolib" } });
  });

  it("JSON-LD worksFor: a current 'Freelance' is passed over for the next current employer", () => {
    const { doc, url } = loadPage("linkedin-profile-guest-fr.html", "https://fr.linkedin.com/in/thomas-petit-8a1b2c3", (html) =>
      html.replace('"worksFor":[', '"worksFor":[{"@type":"Organization","name":"Freelance","member":{"@type":"OrganizationRole","startDate":2023}},'),
    );
    doc.querySelector('section[data-section="experience"]')?.remove();
    doc.querySelector('[data-section="currentPositionsDetails"]')?.remove();
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Qonto", slug: "qonto" } });
  });
});
