import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "./index";

describe("Pipedrive records", () => {
  it("reads an organization; a SIREN that fails the Luhn check is left out, not reported", () => {
    const { doc, url } = loadPage("pipedrive-organization-en.html", "https://sillage-demo.pipedrive.com/organization/1042");
    expect(extract(doc, url)).toEqual({
      kind: "crm-company",
      crm: "pipedrive",
      recordId: "1042",
      name: "Alan",
      domain: "alan.com",
    });
  });

  it("reads a French organization laid out as a table, with a SIRET", () => {
    const { doc, url } = loadPage("pipedrive-organization-fr.html", "https://beaumanoir-ventes.pipedrive.com/organization/77/");
    expect(extract(doc, url)).toEqual({
      kind: "crm-company",
      crm: "pipedrive",
      recordId: "77",
      name: "Groupe Beaumanoir",
      domain: "beaumanoir.fr",
      siren: "350452827",
    });
  });

  it("reports nothing for a deleted organization", () => {
    const { doc, url } = loadPage("pipedrive-organization-deleted.html", "https://sillage-demo.pipedrive.com/organization/9999");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "pipedrive-organization" });
  });

  it("reads a person; the email type suffix is dropped", () => {
    const { doc, url } = loadPage("pipedrive-person-en.html", "https://sillage-demo.pipedrive.com/person/311");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "pipedrive",
      recordId: "311",
      personName: "Hélène Garnier",
      email: "helene.garnier@alan.eu",
      companyName: "Alan",
      domain: "alan.eu",
    });
  });

  it("never turns a consumer mailbox (orange.fr) into the company's domain", () => {
    const { doc, url } = loadPage("pipedrive-person-fr.html", "https://beaumanoir-ventes.pipedrive.com/person/5120");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "pipedrive",
      recordId: "5120",
      personName: "Luc Moreau",
      email: "luc.moreau35@orange.fr",
      companyName: "Groupe Beaumanoir",
    });
  });
});
