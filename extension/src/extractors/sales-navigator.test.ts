import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "./index";

describe("Sales Navigator pages", () => {
  it("reads a lead's current role card (English)", () => {
    const { doc, url } = loadPage("salesnav-lead-en.html", "https://www.linkedin.com/sales/lead/ACwAAAExampleLeadId123,NAME_SEARCH,Zx9q?_ntb=abc");
    expect(extract(doc, url)).toEqual({
      kind: "linkedin-profile",
      slug: "ACwAAAExampleLeadId123",
      via: "sales-navigator",
      personName: "Jeanne Martin",
      employer: { name: "Maisons du Monde", slug: "162390", linkedinCompanyUrl: "https://www.linkedin.com/company/162390/" },
    });
  });

  it("without a current-role card, takes the open-ended experience, not the first one listed (French)", () => {
    const { doc, url } = loadPage("salesnav-lead-fr.html", "https://www.linkedin.com/sales/lead/ACwAAB7OtherLeadId,OUT_OF_NETWORK,Qa1");
    expect(extract(doc, url)).toMatchObject({
      kind: "linkedin-profile",
      slug: "ACwAAB7OtherLeadId",
      personName: "Luc Moreau",
      employer: { name: "Groupe Beaumanoir", slug: "1650392" },
    });
  });

  it("reads an account's name and website button (English)", () => {
    const { doc, url } = loadPage("salesnav-account-en.html", "https://www.linkedin.com/sales/company/2859458");
    expect(extract(doc, url)).toEqual({
      kind: "linkedin-company",
      slug: "2859458",
      via: "sales-navigator",
      name: "Doctolib",
      website: "https://www.doctolib.fr/",
      domain: "doctolib.fr",
      linkedinUrl: "https://www.linkedin.com/company/2859458/",
    });
  });

  it("reads an account's 'Site web' field on a sub-tab (French)", () => {
    const { doc, url } = loadPage("salesnav-account-fr.html", "https://www.linkedin.com/sales/company/1650392/people");
    expect(extract(doc, url)).toMatchObject({
      kind: "linkedin-company",
      slug: "1650392",
      name: "Groupe Beaumanoir",
      domain: "beaumanoir.fr",
    });
  });

  it("reports nothing on an empty lead page", () => {
    const { doc, url } = loadPage("linkedin-profile-shell-en.html", "https://www.linkedin.com/sales/lead/ACwAAAX,NAME_SEARCH,1");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "salesnav-lead" });
  });
});
