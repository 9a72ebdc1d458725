import { describe, expect, it } from "vitest";
import { Window } from "happy-dom";
import { extract, pageKindOf } from "./index";

describe("pageKindOf", () => {
  it.each([
    ["https://www.linkedin.com/company/doctolib/", "linkedin-company"],
    ["https://www.linkedin.com/company/doctolib/about/", "linkedin-company"],
    ["https://www.linkedin.com/company/2859458/people/?keywords=sales", "linkedin-company"],
    ["https://fr.linkedin.com/company/qonto", "linkedin-company"],
    ["https://www.linkedin.com/showcase/doctolib-pro/", "linkedin-company"],
    ["https://www.linkedin.com/in/camille-laurent-4b2a1b123/", "linkedin-profile"],
    ["https://www.linkedin.com/in/camille-laurent-4b2a1b123/details/experience/", "linkedin-profile"],
    ["https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH,x", "salesnav-lead"],
    ["https://www.linkedin.com/sales/company/2859458", "salesnav-account"],
    ["https://app.hubspot.com/contacts/1/record/0-2/2", "hubspot-company"],
    ["https://app-eu1.hubspot.com/contacts/1/record/0-1/2", "hubspot-contact"],
    ["https://app.hubspot.com/contacts/1/company/2/", "hubspot-company"],
    ["https://app.hubspot.com/contacts/1/contact/2/", "hubspot-contact"],
    ["https://x.lightning.force.com/lightning/r/Account/0015g00000ABCdeAAF/view", "salesforce-account"],
    ["https://x.lightning.force.com/lightning/r/Lead/00Q5g00000LmNoP/view", "salesforce-lead"],
    ["https://x.lightning.force.com/lightning/r/Contact/0035g00000QrStUAAR/view", "salesforce-contact"],
    ["https://acme.pipedrive.com/organization/1042", "pipedrive-organization"],
    ["https://acme.pipedrive.com/person/311", "pipedrive-person"],
  ])("%s → %s", (href, kind) => {
    expect(pageKindOf(new URL(href))).toBe(kind);
  });

  it.each([
    "https://www.linkedin.com/feed/",
    "https://www.linkedin.com/authwall?trk=gf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fx",
    "https://www.linkedin.com/jobs/view/123/",
    "https://www.linkedin.com.evil.example/company/x/",
    "https://app.hubspot.com/contacts/1/record/0-3/2",
    "https://evil-hubspot.com/contacts/1/record/0-2/2",
    "https://x.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view",
    "https://x.lightning.force.com/lightning/o/Account/list",
    "https://acme.pipedrive.com/deal/5",
    "https://example.com/company/doctolib/",
  ])("%s is not supported", (href) => {
    expect(pageKindOf(new URL(href))).toBeUndefined();
  });
});

describe("extract", () => {
  it("reports an unsupported page without reading it", () => {
    const doc = new new Window().DOMParser().parseFromString("<h1>Feed</h1>", "text/html") as unknown as Document;
    expect(extract(doc, new URL("https://www.linkedin.com/feed/"))).toEqual({ kind: "none", reason: "unsupported-page" });
  });
});
