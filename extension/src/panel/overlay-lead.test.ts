import { describe, expect, it } from "vitest";
import { toOverlayLead, toSearchResult } from "./overlay-lead";
import { sampleLeadDetail } from "./sample-lead-detail";

describe("toOverlayLead", () => {
  it("maps the API's lead onto the overlay's props", () => {
    const lead = toOverlayLead(sampleLeadDetail(), "fr");
    expect(lead).toMatchObject({
      id: "lead_danone",
      status: "mql",
      company: { name: "DANONE", siren: "552032534", categorie: "GE", headcountLabel: "1 000 à 1 999 salariés", revenueYear: 2024 },
      score: { value: 75, threshold: 70 },
      sla: { dueAt: "2025-06-12T09:00:00.000Z", overdue: false },
      notes: [{ id: "note_1", text: "Rappeler mardi", author: "Alice", at: "2025-06-10T10:00:00.000Z" }],
      contacts: [{ name: "Camille Martin", jobTitle: "Directeur IT" }],
    });
    expect(lead.rejectionReasons.map((r) => r.code)).toEqual(["no_budget", "wrong_contact", "out_of_target", "other"]);
  });

  it("says how often a rule fired, and names events in the timeline", () => {
    const lead = toOverlayLead(sampleLeadDetail(), "fr");
    expect(lead.score.explanation[0]).toEqual({ label: "Visite de la page Tarifs (×2)", points: 20, at: "2025-06-10T09:00:00.000Z" });
    expect(lead.timeline).toEqual([
      { url: "https://www.exemple.fr/tarifs", path: "/tarifs", title: "Tarifs", at: "2025-06-10T09:00:00.000Z", engagedMs: 42_000 },
      { url: "https://www.exemple.fr/livre-blanc", path: "/livre-blanc", title: "Téléchargement · /livre-blanc", at: "2025-06-10T09:05:00.000Z", engagedMs: 0 },
    ]);
  });

  it("names forms and other events in words", () => {
    const detail = sampleLeadDetail();
    const visit = detail.timeline[0]!;
    const timeline = [
      { ...visit, type: "identify", name: null, title: null, path: "/contact" },
      { ...visit, type: "event", name: "demo_request", title: null, path: "/demo" },
    ];
    expect(toOverlayLead({ ...detail, timeline }, "en").timeline.map((v) => v.title)).toEqual(["Form submitted · /contact", "Event “demo_request” · /demo"]);
  });

  it("gives the gauge a mark when the MQL definition has no threshold", () => {
    const detail = sampleLeadDetail();
    expect(toOverlayLead({ ...detail, score: { ...detail.score, threshold: null } }, "fr").score.threshold).toBe(75);
  });

  it("maps a search hit", () => {
    expect(
      toSearchResult({
        id: "l1",
        name: "ALAN",
        siren: "815218614",
        city: "Paris",
        headcountLabel: null,
        nafLabel: null,
        status: "identified",
        score: 12.4,
        sla: null,
        lastSeenAt: "2025-06-01T00:00:00Z",
      }),
    ).toEqual({ leadId: "l1", name: "ALAN", siren: "815218614", city: "Paris", status: "identified", score: 12 });
  });
});
