// Patterns seen on real LinkedIn pages (guest profiles, 2019 Sales Navigator): the markup below is written for
// the test, shaped like those pages (their classes, data-section values, alt texts and date lines).
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { extract } from "./index";
import { nameFromLogoAlt } from "./linkedin-experience";

function page(body: string, url: string, title = "LinkedIn"): { doc: Document; url: URL } {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  const doc = new window.DOMParser().parseFromString(
    `<html><head><title>${title}</title></head><body>${body}</body></html>`,
    "text/html",
  ) as unknown as Document;
  return { doc, url: new URL(url) };
}

/** A guest profile's experience card: logo link (alt "<name> Graphic"), title, company link, date line. */
const guestItem = (slug: string, name: string, dates: string, section = "currentPositionsDetails") => `
  <li class="profile-section-card experience-item" data-section="${section}">
    <a class="profile-section-card__image-link" href="https://se.linkedin.com/company/${slug}?trk=public_profile_experience-item_profile-section-card_image-click">
      <img class="artdeco-entity-image" data-delayed-url="https://media.licdn.com/x" alt="${name} Graphic"></a>
    <div class="profile-section-card__contents">
      <h3 class="profile-section-card__title">Analyst</h3>
      <h4 class="profile-section-card__subtitle"><a class="profile-section-card__subtitle-link" href="https://se.linkedin.com/company/${slug}?trk=x">${name}</a></h4>
      <p class="experience-item__duration"><span class="date-range">${dates}</span></p>
    </div>
  </li>`;

const guestProfile = (items: string, topCard: string) => `
  <main><section class="top-card-layout"><h1 class="top-card-layout__title">Karin Lindqvist</h1>
    <div class="top-card__links-container"><div data-section="currentPositionsDetails" class="top-card__right-column-link">
      <a class="top-card-link" href="https://se.linkedin.com/company/${topCard.toLowerCase().replace(/\s+/g, "-")}?trk=public_profile_topcard-current-company">
        <img alt="${topCard} Graphic"><span class="top-card-link__description">${topCard}</span></a></div></div></section>
  <section class="core-section-container experience"><h2 class="core-section-container__title">Experience</h2>
    <ul class="experience__list">${items}</ul></section></main>`;

describe("company names in logo alt texts", () => {
  it("takes off what LinkedIn wraps around the name", () => {
    expect(nameFromLogoAlt("Swedbank Graphic")).toBe("Swedbank");
    expect(nameFromLogoAlt("Novare Potential Graphic")).toBe("Novare Potential");
    expect(nameFromLogoAlt("Audiense, graphic")).toBe("Audiense");
    expect(nameFromLogoAlt("axiom.ai In-browser Robotic Process Automation’s logo")).toBe("axiom.ai In-browser Robotic Process Automation");
    expect(nameFromLogoAlt("Logo de DeepLearning.AI")).toBe("DeepLearning.AI");
    expect(nameFromLogoAlt("Logo d’Alan")).toBe("Alan");
    expect(nameFromLogoAlt("Doctolib logo")).toBe("Doctolib");
    expect(nameFromLogoAlt("Graphic")).toBeUndefined();
  });
});

describe("guest profiles", () => {
  it("names the employer from the company link, not the logo's alt text", () => {
    const { doc, url } = page(
      guestProfile(guestItem("swedbank", "Swedbank", "<time>Mar 2021</time> - Present"), "Swedbank"),
      "https://se.linkedin.com/in/karin-lindqvist",
    );
    expect(extract(doc, url)).toMatchObject({ kind: "linkedin-profile", personName: "Karin Lindqvist", employer: { name: "Swedbank", slug: "swedbank" } });
  });

  it("a past position marked currentPositionsDetails is not a current employer, and the top card does not make it one", () => {
    const items =
      guestItem("novare-potential", "Novare Potential", "<time>Jan 2018</time> - <time>Dec 2020</time>") +
      guestItem("swedbank", "Swedbank", "<time>2015</time> - <time>2017</time>");
    const { doc, url } = page(guestProfile(items, "Novare Potential"), "https://se.linkedin.com/in/karin-lindqvist");
    const result = extract(doc, url);
    expect(result).toMatchObject({ kind: "linkedin-profile", personName: "Karin Lindqvist" });
    expect(result).not.toHaveProperty("employer");
  });

  it("the top card completes a current employer it agrees with", () => {
    const items = guestItem("novare-potential", "Novare Potential", "<time>Jan 2021</time> - Present");
    const { doc, url } = page(guestProfile(items, "Novare Potential"), "https://se.linkedin.com/in/karin-lindqvist");
    expect(extract(doc, url)).toMatchObject({ employer: { name: "Novare Potential", slug: "novare-potential" } });
  });
});

describe("a 2019 Sales Navigator lead page (/sales/people/)", () => {
  const item = (current: boolean) => `
    <li class="profile-position">
      <a href="/sales/company/11860018"><figure><img class="profile-position__company-img" alt="axiom.ai In-browser Robotic Process Automation’s logo"></figure></a>
      <dl><dt class="profile-position__title">Software Quality Assurance Engineer</dt>
        <dd class="profile-position__secondary-title"><span class="visually-hidden">Company Name</span>
          <span><a href="/sales/company/11860018">axiom.ai In-browser Robotic Process Automation</a></span></dd>
        <dd><p class="profile-position__dates-employed"><span class="visually-hidden">Dates Employed</span>Sep 2016 – ${current ? "Present" : "May 2019"}</p></dd></dl>
    </li>`;
  const body = (current: boolean) => `<div class="profile-body"><section id="profile-positions"><h3 class="profile-section__header">Experience</h3>
    <ul class="profile-experience__position-list">${item(current)}</ul></section></div>`;
  const URL_2019 = "https://www.linkedin.com/sales/people/ACwAAAzkTNABmryDnvdm,NAME_SEARCH,kFrw";

  it("reads the current position's company by its link text, never the logo's alt", () => {
    const { doc, url } = page(body(true), URL_2019, "Riswan Muhammadh | Sales Navigator");
    expect(extract(doc, url)).toMatchObject({
      kind: "linkedin-profile",
      via: "sales-navigator",
      employer: { name: "axiom.ai In-browser Robotic Process Automation", slug: "11860018" },
    });
  });

  it("with no current position, names no company", () => {
    const { doc, url } = page(body(false), URL_2019, "Riswan Muhammadh | Sales Navigator");
    const result = extract(doc, url);
    expect(result.kind === "none" || !("employer" in result)).toBe(true);
  });
});
