import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "./index";

describe("HubSpot records", () => {
  it("reads a company record through its property test ids (current UI, English)", () => {
    const { doc, url } = loadPage("hubspot-company-en.html", "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931/view/1");
    expect(extract(doc, url)).toEqual({
      kind: "crm-company",
      crm: "hubspot",
      recordId: "18437520931",
      name: "Doctolib",
      domain: "doctolib.fr",
      siren: "794598813",
    });
  });

  it("reads a legacy company record by its French labels: empty domain, website URL, SIRET → SIREN", () => {
    const { doc, url } = loadPage("hubspot-company-fr-legacy.html", "https://app.hubspot.com/contacts/4415263/company/9876543210/");
    expect(extract(doc, url)).toEqual({
      kind: "crm-company",
      crm: "hubspot",
      recordId: "9876543210",
      name: "Danone",
      domain: "danone.com",
      siren: "552032534",
    });
  });

  it("reports nothing while the record is loading", () => {
    const { doc, url } = loadPage("hubspot-company-loading.html", "https://app.hubspot.com/contacts/4415263/record/0-2/123/");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "hubspot-company" });
  });

  it("reads a contact: name, email, company, and the domain of the work email", () => {
    const { doc, url } = loadPage("hubspot-contact-en.html", "https://app.hubspot.com/contacts/26541873/record/0-1/51");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "hubspot",
      recordId: "51",
      personName: "Jeanne Martin",
      email: "jeanne.martin@maisonsdumonde.com",
      companyName: "Maisons du Monde",
      domain: "maisonsdumonde.com",
    });
  });

  it("reads a legacy French contact: first + last name, association card, and no domain from a gmail address", () => {
    const { doc, url } = loadPage("hubspot-contact-fr-legacy.html", "https://app.hubspot.com/contacts/4415263/contact/80431/");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "hubspot",
      recordId: "80431",
      personName: "Luc Moreau",
      email: "luc.moreau.bzh@gmail.com",
      companyName: "Groupe Beaumanoir",
    });
  });

  it("does not read other HubSpot objects (deals)", () => {
    const { doc } = loadPage("hubspot-company-en.html", "https://app.hubspot.com/contacts/1/record/0-3/5");
    expect(extract(doc, new URL("https://app.hubspot.com/contacts/1/record/0-3/5"))).toEqual({
      kind: "none",
      reason: "unsupported-page",
    });
  });
});
