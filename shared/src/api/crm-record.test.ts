import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crmRecordId, crmRecordUrl, salesforceId18 } from "./crm-record";

describe("CRM record identity (crm-record links, lookup?crm=)", () => {
  it("HubSpot: one identity per record, from the current and legacy URLs, on any regional host", () => {
    for (const url of [
      "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931/view/1",
      "https://app.hubspot.com/contacts/26541873/record/0-2/18437520931",
      "https://app.hubspot.com/contacts/26541873/company/18437520931/?tab=notes#x",
      "app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931",
      "  HUBSPOT:26541873/18437520931 ",
    ]) {
      expect(crmRecordId(url), url).toBe("hubspot:26541873/18437520931");
    }
    expect(crmRecordId("https://app.hubspot.com/contacts/4415263/contact/80431/")).toBe("hubspot:4415263/contact/80431");
    expect(crmRecordId("https://app.hubspot.com/contacts/4415263/record/0-1/80431")).toBe("hubspot:4415263/contact/80431");
  });

  it("Salesforce: the org's My Domain and the 18-character id, whichever host and id length", () => {
    for (const url of [
      "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view",
      "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZ/view",
      "https://Danone-CRM.my.salesforce.com/0013X00002qWxYZQA0",
      "https://danone-crm.my.salesforce.com/lightning/r/Account/0013X00002qWxYZQA0/related/Contacts/view",
      "salesforce:danone-crm/0013X00002qWxYZ",
    ]) {
      expect(crmRecordId(url), url).toBe("salesforce:danone-crm/0013X00002qWxYZQA0");
    }
    // A sandbox is an org of its own.
    expect(crmRecordId("https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q3X00001AbCdEUAV/view")).toBe(
      "salesforce:acme--uat.sandbox/00Q3X00001AbCdEUAV",
    );
    expect(crmRecordId("https://acme--uat.sandbox.my.salesforce.com/00Q3X00001AbCdE")).toBe("salesforce:acme--uat.sandbox/00Q3X00001AbCdEUAV");
  });

  it("Salesforce ids: 15 characters get their suffix; 18 characters get their case back from it", () => {
    expect(salesforceId18("0013X00002qWxYZ")).toBe("0013X00002qWxYZQA0");
    expect(salesforceId18("0013X00002qWxYZqa0")).toBe("0013X00002qWxYZQA0");
    expect(salesforceId18("0013x00002qwxyzqa0")).toBe("0013X00002qWxYZQA0");
    // A 15-character id is case-sensitive: another case is another record.
    expect(salesforceId18("0013x00002qwxyz")).toBe("0013x00002qwxyzAAA");
    // A suffix marking a digit as upper-case, a character outside the suffix alphabet, a wrong length.
    expect(salesforceId18("0013X00002qWxYZQB0")).toBeNull();
    expect(salesforceId18("0013X00002qWxYZQA9")).toBeNull();
    expect(salesforceId18("0013X00002qWxYZQ")).toBeNull();
    expect(salesforceId18("0013X00002qWx-Z")).toBeNull();
  });

  it("an 18-character Salesforce id survives losing its case", () => {
    const id15 = fc.stringMatching(/^[a-zA-Z0-9]{15}$/);
    fc.assert(
      fc.property(id15, (id) => {
        const id18 = salesforceId18(id)!;
        expect(id18.slice(0, 15)).toBe(id);
        expect(salesforceId18(id18.toLowerCase())).toBe(id18);
        expect(salesforceId18(id18.toUpperCase())).toBe(id18);
      }),
    );
  });

  it("Pipedrive: the company's subdomain and the record; a person is not the organisation of the same number", () => {
    expect(crmRecordId("https://laposte-ventes.pipedrive.com/organization/77/")).toBe("pipedrive:laposte-ventes/77");
    expect(crmRecordId("https://LaPoste-Ventes.pipedrive.com/organization/77?tab=deals")).toBe("pipedrive:laposte-ventes/77");
    expect(crmRecordId("https://laposte-ventes.pipedrive.com/person/77")).toBe("pipedrive:laposte-ventes/person/77");
    expect(crmRecordId("pipedrive:laposte-ventes/person/77")).toBe("pipedrive:laposte-ventes/person/77");
  });

  it("refuses what designates no record of a supported kind", () => {
    for (const input of [
      "",
      "https://www.example.com/contacts/1/record/0-2/2",
      "https://app.hubspot.com/contacts/4415263/record/0-3/5", // a deal
      "https://app.hubspot.com.evil.fr/contacts/1/record/0-2/2",
      "https://danone-crm.lightning.force.com/lightning/r/Opportunity/0063X00002qWxYZQA0/view",
      "https://danone-crm.lightning.force.com/lightning/r/Account/0033X00002qWxYZQA0/view", // a contact's id
      "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA/view", // 17 characters
      "https://laposte-ventes.pipedrive.com/deal/77",
      "ftp://laposte-ventes.pipedrive.com/organization/77",
      "https://user:pw@laposte-ventes.pipedrive.com/organization/77",
      "hubspot:portail/1",
      "salesforce:danone-crm/0063X00002qWxYZQA0",
      "javascript:alert(1)",
    ]) {
      expect(crmRecordId(input), input).toBeNull();
    }
  });

  it("opens each record at an address that reads back as the same record", () => {
    for (const [id, url] of [
      ["hubspot:26541873/18437520931", "https://app.hubspot.com/contacts/26541873/record/0-2/18437520931"],
      ["hubspot:4415263/contact/80431", "https://app.hubspot.com/contacts/4415263/record/0-1/80431"],
      ["salesforce:danone-crm/0013X00002qWxYZQA0", "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view"],
      ["salesforce:acme--uat.sandbox/00Q3X00001AbCdEUAV", "https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q3X00001AbCdEUAV/view"],
      ["pipedrive:laposte-ventes/77", "https://laposte-ventes.pipedrive.com/organization/77"],
      ["pipedrive:laposte-ventes/person/5120", "https://laposte-ventes.pipedrive.com/person/5120"],
    ] as const) {
      expect(crmRecordUrl(id)).toBe(url);
      expect(crmRecordId(url)).toBe(id);
    }
    expect(crmRecordUrl("https://www.example.com/")).toBeNull();
  });
});
