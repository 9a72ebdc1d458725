// @vitest-environment happy-dom
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Lang } from "../i18n/index";
import { Overlay } from "./overlay";
import { overlayCss } from "./overlay.css";
import { NOW, sampleLead } from "./sample-lead";
import { button, click, keyDown, render, setValue, submit, type Rendered } from "./test-render";
import type { Lead } from "./types";

let mounted: Rendered | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

function renderOverlay(lang: Lang, lead: Lead = sampleLead(), handlers: Partial<Parameters<typeof Overlay>[0]> = {}) {
  const props = {
    onAccept: vi.fn(),
    onReject: vi.fn(),
    onNurture: vi.fn(),
    onAddNote: vi.fn(),
    ...handlers,
  };
  mounted = render(<Overlay lead={lead} lang={lang} now={NOW} {...props} />);
  return { ...mounted, ...props };
}

describe("Overlay labels", () => {
  it("renders the lead in French", () => {
    const { container } = renderOverlay("fr");
    const text = container.textContent ?? "";
    expect(container.querySelector("h2")?.textContent).toBe("Danone");
    for (const label of ["MQL", "seuil 70", "Identité", "Effectif", "Chiffre d’affaires", "Pourquoi ce score", "Pages visitées", "Contacts", "Notes"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("552 032 534");
    expect(text).toMatch(/27,4\sMd\s€ \(2024\)/);
    expect(text).toContain("Activités des sièges sociaux (70.10Z)");
    expect(text).toContain("Reste 5 h 12 min");
    expect(text).toContain("il y a 3 heures"); // the pricing-page visit
    expect(button(container, "Accepter en SQL")).toBeTruthy();
    expect(button(container, "Rejeter")).toBeTruthy();
    expect(button(container, "Renvoyer en nurturing")).toBeTruthy();
  });

  it("renders the lead in English", () => {
    const { container } = renderOverlay("en");
    const text = container.textContent ?? "";
    for (const label of ["threshold 70", "Company", "Headcount", "Revenue", "Why this score", "Pages visited"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("5 h 12 min left");
    expect(text).toContain("3 hours ago");
    expect(button(container, "Accept as SQL")).toBeTruthy();
    expect(button(container, "Back to nurturing")).toBeTruthy();
  });

  it("lists visits newest first and score points with their sign", () => {
    const { container } = renderOverlay("fr");
    const pages = Array.from(container.querySelectorAll(".sl-timeline__page")).map((a) => a.textContent);
    expect(pages).toEqual(["Tarifs", "Cas clients"]);
    const points = Array.from(container.querySelectorAll(".sl-points")).map((p) => p.textContent);
    expect(points).toContain("+20 pts");
    expect(points).toContain("-5 pts");
  });

  it("says when the SLA is overdue", () => {
    const { container } = renderOverlay("en", sampleLead({ sla: { dueAt: "2025-06-10T09:00:00Z", overdue: true } }));
    expect(container.querySelector('[role="alert"]')?.textContent).toBe("Overdue by 3 h");
  });

  it("offers no decision once the lead is an SQL", () => {
    const { container } = renderOverlay("fr", sampleLead({ status: "sql" }));
    expect(container.textContent).toContain("Aucune décision à prendre pour ce statut.");
    expect(() => button(container, "Accepter en SQL")).toThrow();
  });

  it("exposes the score as a meter against the threshold (static render)", () => {
    const html = renderToString(
      <Overlay lead={sampleLead()} lang="en" now={NOW} onAccept={() => {}} onReject={() => {}} onNurture={() => {}} onAddNote={() => {}} />,
    );
    expect(html).toContain('role="meter"');
    expect(html).toContain('aria-valuenow="75"');
    expect(html).toContain('aria-label="Score 75 against an MQL threshold of 70"');
  });
});

describe("Overlay decisions", () => {
  it("accepts as SQL and sends back to nurturing", () => {
    const { container, onAccept, onNurture } = renderOverlay("en");
    click(button(container, "Accept as SQL"));
    click(button(container, "Back to nurturing"));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onNurture).toHaveBeenCalledTimes(1);
  });

  it("lists the workspace's reasons, as the workspace labels them, and sends the chosen code", () => {
    const { container, onReject } = renderOverlay("fr");
    click(button(container, "Rejeter"));
    const select = container.querySelector("select")!;
    expect(document.activeElement).toBe(select);
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([
      ["", "Choisir un motif…"],
      ["no_budget", "Pas de budget"],
      ["wrong_contact", "Pas le bon interlocuteur"],
      ["out_of_target", "Hors cible"],
      ["other", "Autre"],
    ]);
    const confirm = button(container, "Confirmer le rejet");
    expect(confirm.disabled).toBe(true);

    setValue(select, "no_budget");
    setValue(container.querySelector(".sl-reject textarea"), "  Budget gelé jusqu’en 2026  ");
    expect(confirm.disabled).toBe(false);
    click(confirm);

    expect(onReject).toHaveBeenCalledWith("no_budget", "Budget gelé jusqu’en 2026");
    // The form closes and focus returns to the Reject button.
    expect(container.querySelector(".sl-reject")).toBeNull();
    expect(document.activeElement).toBe(button(container, "Rejeter"));
  });

  it("reads another workspace's own reasons; the UI around them is in the salesperson's language", () => {
    const reasons = [
      { code: "student", label: "Étudiant / candidat", requiresNote: false },
      { code: "partner", label: "Partenaire existant", requiresNote: true },
    ];
    const { container, onReject } = renderOverlay("en", sampleLead({ rejectionReasons: reasons }));
    click(button(container, "Reject"));
    const select = container.querySelector("select")!;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["Choose a reason…", "Étudiant / candidat", "Partenaire existant"]);
    setValue(select, "student");
    click(button(container, "Confirm rejection"));
    expect(onReject).toHaveBeenCalledWith("student", "");
  });

  it("requires details when the workspace's reason asks for a note", () => {
    const { container, onReject } = renderOverlay("en");
    click(button(container, "Reject"));
    setValue(container.querySelector("select"), "other");
    expect(container.textContent).toContain("Details (required)");
    expect(button(container, "Confirm rejection").disabled).toBe(true);
    submit(container.querySelector(".sl-reject"));
    expect(onReject).not.toHaveBeenCalled();
    setValue(container.querySelector(".sl-reject textarea"), "Duplicate of another lead");
    submit(container.querySelector(".sl-reject"));
    expect(onReject).toHaveBeenCalledWith("other", "Duplicate of another lead");
  });

  it("cancelling the rejection calls nothing", () => {
    const { container, onReject } = renderOverlay("en");
    click(button(container, "Reject"));
    click(button(container, "Cancel"));
    expect(onReject).not.toHaveBeenCalled();
    expect(container.querySelector("select")).toBeNull();
  });

  it("disables decisions while a call is pending and reports a failure", async () => {
    let fail: (e: Error) => void = () => {};
    const onAccept = vi.fn(() => new Promise<void>((_, reject) => (fail = reject)));
    const { container } = renderOverlay("en", sampleLead(), { onAccept });
    click(button(container, "Accept as SQL"));
    expect(button(container, "Accept as SQL").disabled).toBe(true);
    expect(container.textContent).toContain("Sending…");
    const { act } = await import("react");
    await act(async () => fail(new Error("500")));
    expect(button(container, "Accept as SQL").disabled).toBe(false);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe("The action failed. Please retry.");
  });

  it("adds a note and clears the box", () => {
    const { container, onAddNote } = renderOverlay("fr");
    const box = container.querySelector(".sl-note-form textarea") as HTMLTextAreaElement;
    const add = button(container, "Ajouter la note");
    expect(add.disabled).toBe(true);
    setValue(box, "  Budget validé pour T3 ");
    click(add);
    expect(onAddNote).toHaveBeenCalledWith("Budget validé pour T3");
    expect(box.value).toBe("");
  });
});

describe("Overlay keyboard and collapse", () => {
  it("Escape collapses the panel and returns focus to the tab; the tab expands it again", () => {
    const onExpandedChange = vi.fn();
    const { container } = renderOverlay("en", sampleLead(), { onExpandedChange });
    const panel = container.querySelector(".sl-panel") as HTMLElement;
    const tab = container.querySelector(".sl-tab") as HTMLButtonElement;
    expect(panel.hidden).toBe(false);
    expect(tab.hidden).toBe(true);

    const accept = button(container, "Accept as SQL");
    accept.focus();
    keyDown(accept, "Escape");

    expect(panel.hidden).toBe(true);
    expect(tab.hidden).toBe(false);
    expect(tab.getAttribute("aria-expanded")).toBe("false");
    expect(tab.getAttribute("aria-controls")).toBe(panel.id);
    expect(document.activeElement).toBe(tab);
    expect(onExpandedChange).toHaveBeenLastCalledWith(false);

    click(tab);
    expect(panel.hidden).toBe(false);
    const collapse = button(container, "Collapse the Sillage panel");
    expect(collapse.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(collapse);
  });

  it("does not take focus from the host page when it mounts", () => {
    const hostInput = document.createElement("input");
    document.body.appendChild(hostInput);
    hostInput.focus();
    renderOverlay("fr");
    expect(document.activeElement).toBe(hostInput);
    hostInput.remove();
  });

  it("can start collapsed, showing the company and score on the tab", () => {
    mounted = render(
      <Overlay lead={sampleLead()} lang="fr" now={NOW} defaultExpanded={false} onAccept={vi.fn()} onReject={vi.fn()} onNurture={vi.fn()} onAddNote={vi.fn()} />,
    );
    const tab = mounted.container.querySelector(".sl-tab") as HTMLButtonElement;
    expect(tab.hidden).toBe(false);
    expect(tab.querySelector(".sl-sr")?.textContent).toBe("Ouvrir le panneau Sillage");
    expect(tab.textContent).toContain("Danone");
    expect(tab.textContent).toContain("75");
  });
});

describe("Overlay with hostile data", () => {
  const payload = `<img src=x onerror="window.__pwned=1">`;

  it("renders markup from the API as text, everywhere", () => {
    const lead = sampleLead({
      company: { ...sampleLead().company, name: payload, nafLabel: payload, city: payload },
      score: { value: 75, threshold: 70, explanation: [{ label: payload, points: 5, at: "2025-06-10T09:00:00Z" }] },
      timeline: [{ url: "https://x.example/", path: "/", title: payload, at: "2025-06-10T09:00:00Z", engagedMs: 0 }],
      contacts: [{ name: payload, email: null, jobTitle: payload, phone: null, linkedinUrl: null }],
      notes: [{ id: "n", text: payload, at: "2025-06-10T09:00:00Z", author: payload }],
    });
    const { container } = renderOverlay("en", lead);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("h2")?.textContent).toBe(payload);
    expect(container.textContent?.split(payload).length).toBeGreaterThan(7);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("never turns a javascript: URL into a link", () => {
    const lead = sampleLead({
      company: { ...sampleLead().company, linkedinUrl: "javascript:alert(1)" },
      timeline: [{ url: "javascript:alert(1)", path: "/x", title: "X", at: "2025-06-10T09:00:00Z", engagedMs: 0 }],
      contacts: [{ name: "A", email: "a@b.fr", jobTitle: null, phone: null, linkedinUrl: "JaVaScRiPt:alert(1)" }],
    });
    const { container } = renderOverlay("en", lead);
    const hrefs = Array.from(container.querySelectorAll("a")).map((a) => a.getAttribute("href") ?? "");
    expect(hrefs.some((h) => /^\s*javascript:/i.test(h))).toBe(false);
    expect(container.textContent).toContain("X");
  });
});

describe("Overlay in a shadow root", () => {
  it("works when mounted the way createShadowRootUi mounts it", () => {
    const host = document.createElement("sillage-overlay");
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = overlayCss;
    shadow.appendChild(style);
    const onAccept = vi.fn();
    mounted = render(
      <Overlay lead={sampleLead()} lang="fr" now={NOW} onAccept={onAccept} onReject={vi.fn()} onNurture={vi.fn()} onAddNote={vi.fn()} />,
      shadow,
    );
    click(button(shadow, "Accepter en SQL"));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(document.body.querySelector(".sl-dock")).toBeNull(); // nothing leaks into the host page's DOM
    expect(overlayCss).toMatch(/\.sl-dock\s*\{[^}]*position:\s*fixed/);
    host.remove();
  });
});
