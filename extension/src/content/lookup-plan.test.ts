import { crmRecordId } from "@sillage/shared/api/crm-record";
import { describe, expect, it } from "vitest";
import { loadPage } from "../../test-pages/load-page";
import { extract } from "../extractors/index";
import { linkTarget, lookupPlan, searchHint } from "./lookup-plan";

/** The saved page read by the real extractor, then planned: what the overlay would ask for that page. */
function planFor(file: string, url: string) {
  const { doc, url: u } = loadPage(file, url);
  const extraction = extract(doc, u);
  return { extraction, plan: lookupPlan(extraction, url), link: linkTarget(extraction, url), hint: searchHint(extraction) };
}

describe("from a page to the look-ups", () => {
  it("LinkedIn company: its LinkedIn URL, then the website's domain, then the name", () => {
    expect(planFor("linkedin-company-about-en.html", "https://www.linkedin.com/company/doctolib/about/")).toMatchObject({
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
    expect(planFor("linkedin-profile-en.html", "https://www.linkedin.com/in/camille-laurent-4b2a1b123/")).toMatchObject({
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

  it("freelancer's profile: only the person, no company name to ask nor to search (hand-written page)", () => {
    expect(planFor("linkedin-profile-self-employed-fr.html", "https://www.linkedin.com/in/julien-moreau-crm/")).toMatchObject({
      plan: [{ by: "contactLinkedin", value: "https://www.linkedin.com/in/julien-moreau-crm/" }],
      link: { kind: "linkedin-profile", value: "https://www.linkedin.com/in/julien-moreau-crm/" },
      hint: "",
    });
  });

  it("a 'Self-employed' lead in Sales Navigator: nothing to ask (no profile URL, no company)", () => {
    const url = "https://www.linkedin.com/sales/lead/ACwAAAExampleLeadId123,NAME_SEARCH,Zx9q?_ntb=abc";
    const { doc, url: u } = loadPage("salesnav-lead-en.html", url, (html) => html.replaceAll("Maisons du Monde", "Self-employed"));
    const extraction = extract(doc, u);
    expect(extraction).toMatchObject({ kind: "linkedin-profile", via: "sales-navigator" });
    expect(lookupPlan(extraction, url)).toEqual([]);
  });

  it("Sales Navigator: a 'Freelance' role listed before a job in the current roles gives way to the job's company", () => {
    const url = "https://www.linkedin.com/sales/lead/ACwAAAExampleLeadId123,NAME_SEARCH,Zx9q?_ntb=abc";
    const { doc, url: u } = loadPage("salesnav-lead-en.html", url, (html) =>
      html.replace(
        '<div class="_current-role-item_th0xvm">',
        '<div class="_current-role-item_th0xvm"><div class="_bodyText_1e5nen"><span data-anonymize="job-title">Consultante</span> at <span data-anonymize="company-name">Freelance</span></div></div><div class="_current-role-item_th0xvm">',
      ),
    );
    expect(lookupPlan(extract(doc, u), url)).toEqual([
      { by: "linkedin", value: "https://www.linkedin.com/company/162390/" },
      { by: "name", value: "Maisons du Monde" },
    ]);
  });

  it("a CRM contact whose company field says 'Freelance': no name key, no search hint", () => {
    const url = "https://beaumanoir.lightning.force.com/lightning/r/Contact/0035g00000QrStUAAR/view";
    const { doc, url: u } = loadPage("salesforce-contact-fr.html", url, (html) => html.replaceAll("Groupe Beaumanoir", "Freelance"));
    const extraction = extract(doc, u);
    expect(extraction).toMatchObject({ kind: "crm-contact", companyName: "Freelance" });
    expect(lookupPlan(extraction, url)).toEqual([
      { by: "domain", value: "beaumanoir.fr" },
      { by: "crm", value: url },
    ]);
    expect(searchHint(extraction)).toBe("");
  });

  it("Sales Navigator lead: its id is not a profile URL, so the employer is asked", () => {
    const { plan, link } = planFor("salesnav-lead-en.html", "https://www.linkedin.com/sales/lead/ACwAAAExampleLeadId123,NAME_SEARCH,Zx9q?_ntb=abc");
    expect(plan).toEqual([
      { by: "linkedin", value: "https://www.linkedin.com/company/162390/" },
      { by: "name", value: "Maisons du Monde" },
    ]);
    expect(link).toEqual({ kind: "linkedin-company", value: "https://www.linkedin.com/company/162390/" });
  });

  it("CRM company: SIREN first (from a SIRET field too), then domain, then the record, then name", () => {
    for (const [file, url, siren, domain, record, name] of [
      [
        "hubspot-company-en.html",
        "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931?tab=x",
        "794598813",
        "doctolib.fr",
        "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931",
        "Doctolib",
      ],
      [
        "salesforce-account-fr.html",
        "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view",
        "552032534",
        "danone.com",
        "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view",
        "Danone",
      ],
      [
        "pipedrive-organization-fr.html",
        "https://beaumanoir-ventes.pipedrive.com/organization/77/",
        "350452827",
        "beaumanoir.fr",
        "https://beaumanoir-ventes.pipedrive.com/organization/77/",
        "Groupe Beaumanoir",
      ],
    ] as const) {
      const { plan, link } = planFor(file, url);
      expect(plan, file).toEqual([
        { by: "siren", value: siren },
        { by: "domain", value: domain },
        { by: "crm", value: record },
        { by: "name", value: name },
      ]);
      expect(link, file).toEqual({ kind: "domain", value: domain });
    }
  });

  it("CRM company without a domain: the record is what links it, and what finds it again", () => {
    const url = "https://laposte-ventes.pipedrive.com/organization/77/?tab=deals";
    const extraction = { kind: "crm-company", crm: "pipedrive", recordId: "77", name: "La Poste" } as const;
    expect(lookupPlan(extraction, url)).toEqual([
      { by: "crm", value: "https://laposte-ventes.pipedrive.com/organization/77/" },
      { by: "name", value: "La Poste" },
    ]);
    expect(linkTarget(extraction, url)).toEqual({ kind: "crm-record", value: "https://laposte-ventes.pipedrive.com/organization/77/" });
  });

  it("CRM contact: the company's domain from a work e-mail, then the record, then the company name", () => {
    const url = "https://beaumanoir.lightning.force.com/lightning/r/Contact/0035g00000QrStUAAR/view";
    expect(planFor("salesforce-contact-fr.html", url).plan).toEqual([
      { by: "domain", value: "beaumanoir.fr" },
      { by: "crm", value: url },
      { by: "name", value: "Groupe Beaumanoir" },
    ]);
  });

  it("CRM contact with a gmail address: the record and the name, and the record itself to link", () => {
    const url = "https://app.hubspot.com/contacts/4415263/contact/80431/?tab=activity#note";
    const { plan, link } = planFor("hubspot-contact-fr-legacy.html", url);
    expect(plan).toEqual([
      { by: "crm", value: "https://app.hubspot.com/contacts/4415263/contact/80431/" },
      { by: "name", value: "Groupe Beaumanoir" },
    ]);
    expect(link).toEqual({ kind: "crm-record", value: "https://app.hubspot.com/contacts/4415263/contact/80431/" });
  });

  it("every record the CRM extractors read is a record the API knows by its address (crm=, crm-record)", () => {
    for (const [file, url, identity] of [
      ["hubspot-company-en.html", "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931/view/1", "hubspot:26541873/18437520931"],
      ["hubspot-company-fr-legacy.html", "https://app.hubspot.com/contacts/4415263/company/9876543210/", "hubspot:4415263/9876543210"],
      ["hubspot-contact-en.html", "https://app.hubspot.com/contacts/26541873/record/0-1/51", "hubspot:26541873/contact/51"],
      ["hubspot-contact-fr-legacy.html", "https://app.hubspot.com/contacts/4415263/contact/80431/", "hubspot:4415263/contact/80431"],
      [
        "salesforce-account-fr.html",
        "https://danone-crm.lightning.force.com/lightning/r/Account/0013X00002qWxYZQA0/view",
        "salesforce:danone-crm/0013X00002qWxYZQA0",
      ],
      [
        "salesforce-lead-fr.html",
        "https://danone-crm.lightning.force.com/lightning/r/Lead/00Q3X00001AbCdEUAV/view",
        "salesforce:danone-crm/00Q3X00001AbCdEUAV",
      ],
      ["pipedrive-organization-en.html", "https://sillage-demo.pipedrive.com/organization/1042", "pipedrive:sillage-demo/1042"],
      ["pipedrive-person-fr.html", "https://beaumanoir-ventes.pipedrive.com/person/5120", "pipedrive:beaumanoir-ventes/person/5120"],
    ] as const) {
      const { extraction, plan } = planFor(file, url);
      const record = plan.find((k) => k.by === "crm");
      expect(record, file).toBeDefined();
      expect(crmRecordId(record!.value), file).toBe(identity);
      expect(identity.endsWith(`/${(extraction as { recordId: string }).recordId}`), file).toBe(true);
    }
  });

  it("a page still rendering, or a 404, asks nothing", () => {
    expect(planFor("linkedin-company-loading-en.html", "https://www.linkedin.com/company/doctolib/people/").plan).toEqual([]);
    expect(planFor("pipedrive-organization-deleted.html", "https://sillage-demo.pipedrive.com/organization/9999").plan).toEqual([]);
  });

  it("asks a repeated value once", () => {
    const url = "https://app.hubspot.com/contacts/1/record/0-2/1";
    expect(lookupPlan({ kind: "crm-company", crm: "hubspot", recordId: "1", name: "Acme", domain: "acme.fr" }, url)).toEqual([
      { by: "domain", value: "acme.fr" },
      { by: "crm", value: url },
      { by: "name", value: "Acme" },
    ]);
    expect(lookupPlan({ kind: "none", reason: "nothing-found", page: "hubspot-company" }, url)).toEqual([]);
  });
});
