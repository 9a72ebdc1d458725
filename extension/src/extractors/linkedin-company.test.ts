import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "./index";

describe("LinkedIn company pages", () => {
  it("reads the About tab (logged-in, English): name from the top card, website from the Website field", () => {
    const { doc, url } = loadPage("linkedin-company-about-en.html", "https://www.linkedin.com/company/doctolib/about/");
    expect(extract(doc, url)).toEqual({
      kind: "linkedin-company",
      slug: "doctolib",
      name: "Doctolib",
      website: "https://www.doctolib.fr/",
      domain: "doctolib.fr",
      linkedinUrl: "https://www.linkedin.com/company/doctolib/",
    });
  });

  it("unwraps LinkedIn's redirect around the website (public page, French UI)", () => {
    const { doc, url } = loadPage("linkedin-company-guest-fr.html", "https://fr.linkedin.com/company/qonto?trk=public_jobs");
    expect(extract(doc, url)).toEqual({
      kind: "linkedin-company",
      slug: "qonto",
      name: "Qonto",
      website: "https://qonto.com/fr",
      domain: "qonto.com",
      linkedinUrl: "https://www.linkedin.com/company/qonto/",
    });
  });

  it("takes the 'Voir le site web' button on the Posts tab and ignores links inside posts", () => {
    const { doc, url } = loadPage("linkedin-company-posts-fr.html", "https://www.linkedin.com/company/pennylane/posts/?feedView=all");
    const result = extract(doc, url);
    expect(result).toMatchObject({ kind: "linkedin-company", slug: "pennylane", name: "Pennylane", domain: "pennylane.com" });
    // Tracking parameters are noise, not part of the company's website.
    expect(result).toHaveProperty("website", "https://www.pennylane.com/fr");
  });

  it("falls back to the document title when the page has no heading", () => {
    const { doc, url } = loadPage("linkedin-company-posts-fr.html", "https://www.linkedin.com/company/pennylane/posts/");
    doc.querySelector("h1")?.remove();
    expect(extract(doc, url)).toMatchObject({ name: "Pennylane" });
  });

  it("reports nothing on LinkedIn's 'page does not exist' page instead of reading its heading as a name", () => {
    const { doc, url } = loadPage("linkedin-company-not-found-fr.html", "https://www.linkedin.com/company/societe-qui-nexiste-pas-4242/");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-company" });
  });

  it("reports nothing while the single-page app is still loading", () => {
    const { doc, url } = loadPage("linkedin-company-loading-en.html", "https://www.linkedin.com/company/doctolib/people/");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-company" });
  });

  it("never reports a LinkedIn URL as the company's website", () => {
    const { doc, url } = loadPage("linkedin-company-about-en.html", "https://www.linkedin.com/company/doctolib/about/");
    const dd = doc.querySelector("dd a");
    dd?.setAttribute("href", "https://www.linkedin.com/company/doctolib/");
    dd!.textContent = "linkedin.com/company/doctolib";
    doc.querySelector('a[aria-label^="Visit website"]')?.remove();
    const result = extract(doc, url);
    expect(result).toMatchObject({ kind: "linkedin-company", name: "Doctolib" });
    expect(result).not.toHaveProperty("domain");
  });
  it.each(["Sitio web", "Sito web", "Strona WWW"])("reads the Website field labelled '%s' (Spanish, Italian, Polish UIs)", (label) => {
    const { doc, url } = loadPage("linkedin-company-about-en.html", "https://www.linkedin.com/company/doctolib/about/");
    doc.querySelector('a[aria-label^="Visit website"]')?.remove();
    doc.querySelector("dt h3")!.textContent = label;
    expect(extract(doc, url)).toMatchObject({ domain: "doctolib.fr" });
  });

  it("takes the German top card's 'Website besuchen' button", () => {
    const { doc, url } = loadPage("linkedin-company-posts-fr.html", "https://www.linkedin.com/company/pennylane/posts/");
    const button = doc.querySelector('a[aria-label^="Voir le site web"]')!;
    button.setAttribute("aria-label", "Website von Pennylane besuchen");
    button.querySelector("span")!.textContent = "Website besuchen";
    expect(extract(doc, url)).toMatchObject({ domain: "pennylane.com" });
  });

  it("does not take a sign-in wall's heading for the company's name", () => {
    const { doc, url } = loadPage("linkedin-company-loading-en.html", "https://www.linkedin.com/company/doctolib/");
    doc.body.innerHTML = '<main><h1 class="authwall-join-form__title">Join LinkedIn</h1><form action="/signup/cold-join"></form></main>';
    doc.title = "Sign Up | LinkedIn";
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-company" });
  });
  it("reports nothing when LinkedIn serves its guest homepage at the company's URL", () => {
    const { doc, url } = loadPage("linkedin-guest-homepage-en.html", "https://www.linkedin.com/company/doctolib/");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "linkedin-company" });
  });
  it("takes the website from the guest page's JSON-LD sameAs when the About block is missing", () => {
    const { doc, url } = loadPage("linkedin-company-guest-fr.html", "https://fr.linkedin.com/company/qonto");
    doc.querySelector('[data-test-id="about-us"]')?.remove();
    for (const a of Array.from(doc.querySelectorAll('a[href*="/redir/redirect"]'))) a.remove();
    expect(extract(doc, url)).toMatchObject({ name: "Qonto", domain: "qonto.com" });
  });
});
