import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "../extractors/index";
import { linkTarget, lookupPlan, searchHint } from "./lookup-plan";

/** The saved page read by the real extractor, then planned: what the overlay would ask for that page. */
function planFor(file: string, url: string) {
  const { doc, url: u } = loadPage(file, url);
  const extraction = extract(doc, u);
  return { plan: lookupPlan(extraction), link: linkTarget(extraction, url), hint: searchHint(extraction) };
}

describe("from a page to the look-ups", () => {
  it("LinkedIn company: its LinkedIn URL, then the website's domain, then the name", () => {
    expect(planFor("linkedin-company-about-en.html", "https://www.linkedin.com/company/doctolib/about/")).toEqual({
      plan: [
        { by: "linkedin", value: "https://www.linkedin.com/company/doctolib/" },
        { by: "domain", value: "doctolib.fr" },
        { by: "name", value: "Doctolib" },
      ],
      link: { kind: "linkedin-company", value: "https://www.linkedin.com/company/doctolib/" },
      hint: "Doctolib",
    });
  });

  it("LinkedIn profile: the person, then the CURRENT employer's page, then its name", () => {
    expect(planFor("linkedin-profile-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/")).toEqual({
      plan: [
        { by: "contactLinkedin", value: "https://www.linkedin.com/in/camille-laurent-4b2a1b123/" },
        { by: "linkedin", value: "https://www.linkedin.com/company/doctolib/" },
        { by: "name", value: "Doctolib" },
      ],
      link: { kind: "linkedin-profile", value: "https://www.linkedin.com/in/camille-laurent-4b2a1b123/" },
      hint: "Doctolib",
    });
  });

  it("profile without a current position: only the person", () => {
    expect(planFor("linkedin-profile-no-current-en.html", "https://www.linkedin.com/in/sophie-bernard-92/").plan).toEqual([
      { by: "contactLinkedin", value: "https://www.linkedin.com/in/sophie-bernard-92/" },
    ]);
  });

  it("Sales Navigator lead: its id is not a profile URL, so the employer is asked", () => {
    const { plan, link } = planFor("salesnav-lead-en.html", "https://www.linkedin.com/sales/lead/ACwAAAExampleLeadId123,NAME_SEARCH,Zx9q?_ntb=abc");
    expect(plan).toEqual([
      { by: "linkedin", value: "https://www.linkedin.com/company/162390/" },
      { by: "name", value: "Maisons du Monde" },
    ]);
    expect(link).toEqual({ kind: "linkedin-company", value: "https://www.linkedin.com/company/162390/" });
  });

  it("CRM company: SIREN first (from a SIRET field too), then domain, then name", () => {
    for (const [file, url, siren, domain, name] of [
      ["hubspot-company-en.html", "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931", "794598813", "doctolib.fr", "Doctolib"],
      ["salesforce-account-fr.html", "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view", "552032534", "danone.com", "Danone"],
      ["pipedrive-organization-fr.html", "https://beaumanoir-ventes.pipedrive.com/organization/77/", "350452827", "beaumanoir.fr", "Groupe Beaumanoir"],
    ] as const) {
      const { plan, link } = planFor(file, url);
      expect(plan, file).toEqual([
        { by: "siren", value: siren },
        { by: "domain", value: domain },
        { by: "name", value: name },
      ]);
      expect(link, file).toEqual({ kind: "domain", value: domain });
    }
  });

  it("CRM contact: the company's domain from a work e-mail, then the company name", () => {
    expect(planFor("salesforce-contact-fr.html", "https://beaumanoir.lightning.force.com/lightning/r/Contact/0035g00000QrStUAAR/view").plan).toEqual([
      { by: "domain", value: "beaumanoir.fr" },
      { by: "name", value: "Groupe Beaumanoir" },
    ]);
  });

  it("CRM contact with a gmail address: the name only, and the record itself to link", () => {
    const url = "https://app.hubspot.com/contacts/4415263/contact/80431/?tab=activity#note";
    const { plan, link } = planFor("hubspot-contact-fr-legacy.html", url);
    expect(plan).toEqual([{ by: "name", value: "Groupe Beaumanoir" }]);
    expect(link).toEqual({ kind: "crm", value: "https://app.hubspot.com/contacts/4415263/contact/80431/" });
  });

  it("a page still rendering, or a 404, asks nothing", () => {
    expect(planFor("linkedin-company-loading-en.html", "https://www.linkedin.com/company/doctolib/people/").plan).toEqual([]);
    expect(planFor("pipedrive-organization-deleted.html", "https://sillage-demo.pipedrive.com/organization/9999").plan).toEqual([]);
  });

  it("asks a repeated value once", () => {
    expect(lookupPlan({ kind: "crm-company", crm: "hubspot", recordId: "1", name: "Acme", domain: "acme.fr" })).toEqual([
      { by: "domain", value: "acme.fr" },
      { by: "name", value: "Acme" },
    ]);
    expect(lookupPlan({ kind: "crm-contact", crm: "pipedrive", recordId: "1", companyName: "  " })).toEqual([]);
  });
});
