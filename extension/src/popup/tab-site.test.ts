import { describe, expect, it } from "vitest";
import { tabSite } from "./tab-site";

describe("tabSite", () => {
  it("names the web domain of a company website", () => {
    expect(tabSite("https://www.danone.com/fr/marques.html?x=1")).toEqual({ kind: "website", domain: "danone.com" });
  });

  it("knows the pages the overlay already covers", () => {
    expect(tabSite("https://www.linkedin.com/company/doctolib/")).toEqual({ kind: "overlaid" });
    expect(tabSite("https://app-eu1.hubspot.com/contacts/1/record/0-2/2")).toEqual({ kind: "overlaid" });
  });

  it("says nothing without a URL (no activeTab grant) or for browser pages", () => {
    expect(tabSite(undefined)).toEqual({ kind: "none" });
    expect(tabSite("chrome://extensions/")).toEqual({ kind: "none" });
    expect(tabSite("http://127.0.0.1:8787/demo/")).toEqual({ kind: "none" });
  });
});
