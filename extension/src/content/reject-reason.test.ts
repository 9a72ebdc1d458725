import { describe, expect, it } from "vitest";
import { toWorkspaceReason } from "./reject-reason";

const DEFAULTS = [
  { code: "no_budget", label: "Pas de budget", requiresNote: false },
  { code: "wrong_contact", label: "Pas le bon interlocuteur", requiresNote: false },
  { code: "out_of_target", label: "Hors cible", requiresNote: false },
  { code: "other", label: "Autre", requiresNote: true },
];

describe("toWorkspaceReason", () => {
  it("sends the workspace's code for an equivalent reason", () => {
    expect(toWorkspaceReason("no-budget", "", DEFAULTS, "Pas de budget")).toEqual({ reasonCode: "no_budget" });
    expect(toWorkspaceReason("not-icp", " trop petit ", DEFAULTS, "Hors cible (ICP)")).toEqual({ reasonCode: "out_of_target", note: "trop petit" });
    expect(toWorkspaceReason("no-authority", "", DEFAULTS, "Pas le décideur")).toEqual({ reasonCode: "wrong_contact" });
  });

  it("uses the workspace's own code when it has the same one", () => {
    expect(toWorkspaceReason("existing-customer", "", [{ code: "existing_customer", label: "Client", requiresNote: false }], "Déjà client")).toEqual({
      reasonCode: "existing_customer",
    });
  });

  it("falls back to the workspace's 'other', keeping the chosen reason in the note", () => {
    expect(toWorkspaceReason("existing-customer", "contrat 2024", DEFAULTS, "Déjà client")).toEqual({ reasonCode: "other", note: "Déjà client — contrat 2024" });
    expect(toWorkspaceReason("bad-timing", "", DEFAULTS, "Mauvais moment")).toEqual({ reasonCode: "other", note: "Mauvais moment" });
  });

  it("never sends a code outside the workspace's list", () => {
    expect(toWorkspaceReason("competitor", "", [{ code: "student", label: "Étudiant", requiresNote: false }], "Concurrent")).toBeNull();
  });
});
