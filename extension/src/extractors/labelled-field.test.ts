// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { labelledValue } from "./labelled-field";
import { titleLeadingName } from "./page-title";

function doc(html: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}</body>`, "text/html");
}

describe("labelledValue", () => {
  it("reads <dt>/<dd>, <label for>, aria-labelledby, table rows and sibling layouts", () => {
    expect(labelledValue(doc("<dl><dt>Site web</dt><dd>acme.fr</dd></dl>"), ["Website", "Site web"])).toEqual({ text: "acme.fr" });
    expect(labelledValue(doc('<label for="d">Domain</label><input id="d" value="acme.fr">'), ["Domain"])).toEqual({ text: "acme.fr" });
    expect(labelledValue(doc('<span id="l">SIREN</span><div aria-labelledby="l">552 032 534</div>'), ["SIREN"])).toEqual({ text: "552 032 534" });
    expect(labelledValue(doc("<table><tr><th>SIREN</th><td>552032534</td></tr></table>"), ["SIREN"])).toEqual({ text: "552032534" });
    expect(labelledValue(doc('<div><div><span>Website</span></div><div><a href="https://acme.fr">acme</a></div></div>'), ["Website"])).toEqual({
      text: "acme",
      href: "https://acme.fr",
    });
    expect(labelledValue(doc("<p><b>SIREN :</b> 552 032 534</p>"), ["SIREN"])).toEqual({ text: "552 032 534" });
  });

  it("matches labels exactly, ignoring case, accents and a trailing colon", () => {
    const d = doc("<dl><dt>Company name</dt><dd>Acme</dd><dt>NOM DE DOMAINE :</dt><dd>acme.fr</dd></dl>");
    expect(labelledValue(d, ["Name"])).toBeUndefined();
    expect(labelledValue(d, ["Nom de domaine"])).toEqual({ text: "acme.fr" });
  });

  it("an empty field stays empty: it never borrows the next field's value", () => {
    const d = doc(`
      <ul>
        <li><div><span>Domain</span></div><div><span>--</span></div></li>
        <li><div><span>City</span></div><div><span>Paris</span></div></li>
      </ul>`);
    expect(labelledValue(d, ["Domain"])).toBeUndefined();
  });

  it("ignores aria-hidden duplicates and links that merely read like a label", () => {
    const d = doc(`
      <a href="https://other.example">Website</a><span>other.example</span>
      <div><span aria-hidden="true">Website</span><span>Website</span></div><div>acme.fr</div>`);
    expect(labelledValue(d, ["Website"])).toEqual({ text: "acme.fr" });
  });
});

describe("titleLeadingName", () => {
  it.each([
    ["(3) Doctolib : À propos | LinkedIn", "Doctolib"],
    ["Doctolib: About | LinkedIn", "Doctolib"],
    ["Danone | Compte | Salesforce", "Danone"],
    ["Saint-Gobain - Organization - Pipedrive", "Saint-Gobain"],
    ["LinkedIn", undefined],
    ["Contacts | HubSpot", undefined],
    ["", undefined],
  ])("%j → %j", (title, expected) => {
    expect(titleLeadingName(title, ["LinkedIn", "Contacts", "HubSpot"], { colonSection: true })).toBe(expected);
  });
});
