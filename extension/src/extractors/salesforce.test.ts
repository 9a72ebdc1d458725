import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "./index";

describe("Salesforce Lightning records", () => {
  it("reads an Account through its record-field API names, ignoring inline-edit button text", () => {
    const { doc, url } = loadPage("salesforce-account-en.html", "https://acme-sillage.lightning.force.com/lightning/r/Account/0015g00000ABCdeAAF/view");
    expect(extract(doc, url)).toEqual({
      kind: "crm-company",
      crm: "salesforce",
      recordId: "0015g00000ABCdeAAF",
      name: "Maisons du Monde",
      domain: "maisonsdumonde.com",
      siren: "500812375",
    });
  });

  it("reads a French Account layout by its labels (Site Web, N° SIRET)", () => {
    const { doc, url } = loadPage("salesforce-account-fr.html", "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view");
    expect(extract(doc, url)).toEqual({
      kind: "crm-company",
      crm: "salesforce",
      recordId: "0013X00002qWxYZQA0",
      name: "Danone",
      domain: "danone.com",
      siren: "552032534",
    });
  });

  it("takes the SIREN from the VAT number when there is no SIREN/SIRET field", () => {
    const { doc, url } = loadPage("salesforce-account-fr.html", "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view");
    const siret = Array.from(doc.querySelectorAll(".slds-form-element")).find((e) => e.textContent?.includes("SIRET"));
    siret?.remove();
    expect(extract(doc, url)).toMatchObject({ siren: "552032534" });
  });

  it("reads a Lead: salutation dropped, website preferred over the email domain", () => {
    const { doc, url } = loadPage("salesforce-lead-en.html", "https://acme-sillage.lightning.force.com/lightning/r/Lead/00Q5g00000LmNoPEAV/view");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "salesforce",
      recordId: "00Q5g00000LmNoPEAV",
      recordType: "lead",
      personName: "Jeanne Martin",
      email: "jmartin@mdm-group.fr",
      companyName: "Maisons du Monde",
      domain: "maisonsdumonde.com",
    });
  });

  it("reads a Contact (French): account lookup and work email domain", () => {
    const { doc, url } = loadPage("salesforce-contact-fr.html", "https://beaumanoir.lightning.force.com/lightning/r/Contact/0035g00000QrStUAAR/view");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "salesforce",
      recordId: "0035g00000QrStUAAR",
      recordType: "contact",
      personName: "Luc Moreau",
      email: "l.moreau@beaumanoir.fr",
      companyName: "Groupe Beaumanoir",
      domain: "beaumanoir.fr",
    });
  });

  it("reads a French Lead on the older layout; an empty website leaves the work email's domain", () => {
    const { doc, url } = loadPage("salesforce-lead-fr.html", "https://danone-crm.lightning.force.com/lightning/r/Lead/00Q3X00001AbCdEUAV/view");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "salesforce",
      recordId: "00Q3X00001AbCdEUAV",
      recordType: "lead",
      personName: "Sophie Lambert",
      email: "s.lambert@lactalis.fr",
      companyName: "Lactalis",
      domain: "lactalis.fr",
    });
  });

  it("reads an English Contact with a personal mailbox: no domain", () => {
    const { doc, url } = loadPage("salesforce-contact-en.html", "https://acme-sillage.lightning.force.com/lightning/r/Contact/0035g00000AaBbCcDD/view");
    expect(extract(doc, url)).toEqual({
      kind: "crm-contact",
      crm: "salesforce",
      recordId: "0035g00000AaBbCcDD",
      recordType: "contact",
      personName: "Marc Petit",
      email: "marc.petit.md@gmail.com",
      companyName: "Clinique du Parc",
    });
  });

  it("reports nothing before the record renders", () => {
    const { doc, url } = loadPage("salesforce-loading.html", "https://acme-sillage.lightning.force.com/lightning/r/Account/0015g00000ABCdeAAF/view");
    expect(extract(doc, url)).toEqual({ kind: "none", reason: "nothing-found", page: "salesforce-account" });
  });
});
