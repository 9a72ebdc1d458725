import { describe, expect, it } from "vitest";
import { panelPortDoc, planKey, requestProblem } from "./messages";

describe("message protocol", () => {
  it("accepts well-formed requests", () => {
    for (const ok of [
      { type: "lookup", plan: [{ by: "siren", value: "552032534" }] },
      { type: "get-lead", leadId: "lead_1" },
      { type: "list-leads", q: "danone", status: "mql", limit: 10 },
      { type: "list-leads" },
      { type: "transition", leadId: "lead_1", action: "reject", reasonCode: "no_budget", note: "pas cette année" },
      { type: "add-note", leadId: "lead_1", body: "Rappeler" },
      { type: "link", leadId: "lead_1", target: { kind: "domain", value: "danone.com" } },
      { type: "test-connection" },
      { type: "test-connection", baseUrl: "http://127.0.0.1:8787", apiKey: "slg_x" },
      { type: "open-options" },
      { type: "close-panel" },
      { type: "panel-size", height: 512 },
      { type: "page-context", context: null },
      {
        type: "page-context",
        context: { key: "siren=552032534", plan: [{ by: "siren", value: "552032534" }], link: { kind: "domain", value: "danone.com" }, hint: "Danone" },
      },
      { type: "correct-identity", leadId: "lead_1", correction: { action: "company", siren: "552032534" } },
      { type: "correct-identity", leadId: "lead_1", correction: { action: "operator", kind: "mobile" } },
    ]) {
      expect(requestProblem(ok), JSON.stringify(ok)).toBeNull();
    }
  });

  it("refuses malformed ones, saying why", () => {
    for (const [bad, why] of [
      [undefined, "not a request"],
      [{ type: "lookup", plan: [] }, "lookup"],
      [{ type: "lookup", plan: [{ by: "siren", value: "" }] }, "lookup"],
      [{ type: "lookup", plan: [{ by: "sql", value: "1; DROP" }] }, "lookup"],
      [{ type: "transition", leadId: "l", action: "delete" }, "transition: action"],
      [{ type: "add-note", leadId: "l", body: "x".repeat(5001) }, "add-note"],
      [{ type: "list-leads", limit: 1000 }, "list-leads: limit"],
      [{ type: "link", leadId: "l", target: { kind: "email", value: "a@b.fr" } }, "link"],
      [{ type: "test-connection", baseUrl: "https://evil.example" }, "both"],
      [{ type: "__proto__" }, "unknown request type"],
      [{ type: "page-context", context: { key: "k", plan: [], link: null, hint: "" } }, "page-context"],
      [{ type: "panel-size", height: -1 }, "panel-size"],
      [{ type: "correct-identity", leadId: "l", correction: { action: "company", siren: "55203253" } }, "correct-identity"],
      [{ type: "correct-identity", leadId: "l", correction: { action: "operator", kind: "corporate" } }, "correct-identity"],
    ] as const) {
      expect(requestProblem(bad), JSON.stringify(bad)).toContain(why);
    }
  });

  it("keys a plan by its keys in order", () => {
    expect(
      planKey([
        { by: "siren", value: "552032534" },
        { by: "name", value: "Danone" },
      ]),
    ).toBe("siren=552032534|name=Danone");
  });

  it("reads the panel's document from its port's name, and refuses any other name", () => {
    expect(panelPortDoc("sillage-panel")).toBeUndefined();
    expect(panelPortDoc("sillage-panel#2f1c6a0e-8d7b-4c1e-9a53-0b6f3e2d1c4a")).toBe("2f1c6a0e-8d7b-4c1e-9a53-0b6f3e2d1c4a");
    for (const bad of ["sillage-panel#", "sillage-panel#a b", "other#2f1c6a0e-8d7b", "sillage-panelx", ""]) expect(panelPortDoc(bad), bad).toBeNull();
  });
});
