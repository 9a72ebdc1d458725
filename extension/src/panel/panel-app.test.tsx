// @vitest-environment happy-dom
import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { button, click, render, setValue, submit, type Rendered } from "../overlay/test-render";
import type { Request, Result } from "../messages";
import { sampleLeadDetail } from "./sample-lead-detail";

/** The background, as the content script sees it: runtime.sendMessage answered by `answer`. */
const runtime = vi.hoisted(() => ({
  sent: [] as unknown[],
  answer: (_req: unknown): unknown => ({ ok: false, error: { kind: "unreachable", message: "no fake" } }),
  listeners: [] as Array<(m: unknown) => void>,
}));
vi.mock("wxt/browser", () => ({
  browser: {
    runtime: {
      sendMessage: async (req: unknown) => {
        runtime.sent.push(req);
        return runtime.answer(req);
      },
      onMessage: {
        addListener: (l: (m: unknown) => void) => runtime.listeners.push(l),
        removeListener: (l: (m: unknown) => void) => (runtime.listeners = runtime.listeners.filter((x) => x !== l)),
      },
    },
  },
}));

const { PanelApp } = await import("./panel-app");

/** The panel's subscription to refreshed look-ups (the background pushes them through the panel's port). */
const onRefreshed = (fn: (m: any) => void) => {
  runtime.listeners.push(fn);
  return () => (runtime.listeners = runtime.listeners.filter((x) => x !== fn));
};
const OverlayApp = (props: { page: typeof PAGE; lang: "fr" | "en" }) => <PanelApp {...props} onRefreshed={onRefreshed} />;

const PAGE = {
  key: "linkedin=https://www.linkedin.com/company/danone/",
  plan: [{ by: "linkedin" as const, value: "https://www.linkedin.com/company/danone/" }],
  link: { kind: "linkedin-company" as const, value: "https://www.linkedin.com/company/danone/" },
  hint: "Danone",
};

let mounted: Rendered | undefined;
beforeEach(() => {
  runtime.sent = [];
  runtime.listeners = [];
});
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

/** Lets the pending message promises settle and React re-render. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const text = () => mounted!.container.textContent ?? "";
const sentOfType = (type: string) => runtime.sent.filter((m) => (m as Request).type === type) as Request[];

function answerWith(handlers: Partial<Record<Request["type"], (req: any) => Result<unknown>>>) {
  runtime.answer = (req) => {
    const h = handlers[(req as Request).type];
    return h ? h(req) : { ok: false, error: { kind: "invalid-request", message: "unexpected " + (req as Request).type } };
  };
}

describe("PanelApp", () => {
  it("looks the page up and shows its lead; accepting sends the decision and shows the new status", async () => {
    const lead = sampleLeadDetail();
    answerWith({
      lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "linkedin link", via: PAGE.plan[0], stale: false } }),
      transition: (req) => ({ ok: true, value: { ...lead, status: req.action === "accept" ? "sql" : lead.status, sla: null } }),
    });
    mounted = render(<OverlayApp page={PAGE} lang="fr" />);
    expect(text()).toContain("Chargement du lead");
    await settle();
    expect(sentOfType("lookup")).toEqual([{ type: "lookup", plan: PAGE.plan }]);
    expect(text()).toContain("DANONE");
    expect(text()).toContain("75");

    click(button(mounted.container, "Accepter en SQL"));
    await settle();
    expect(sentOfType("transition")).toEqual([{ type: "transition", leadId: lead.id, action: "accept" }]);
    expect(mounted.container.querySelector(".sl-badge--sql")).not.toBeNull();
  });

  it("shows the answer the background pushed with the page at once, without asking; a new page's answer replaces it", async () => {
    const lead = sampleLeadDetail();
    const known = { planKey: PAGE.key, lead, matchedBy: "linkedin link", via: PAGE.plan[0]!, stale: false };
    mounted = render(<PanelApp page={PAGE} known={known} lang="fr" onRefreshed={onRefreshed} />);
    // The first render is the lead: no "loading" frame, no request.
    expect(text()).toContain("DANONE");
    await settle();
    expect(runtime.sent).toEqual([]);

    // In-page navigation to another person: the background pushes the new page with its answer.
    const next = { ...PAGE, key: "name=La Poste", plan: [{ by: "name" as const, value: "La Poste" }], hint: "La Poste" };
    const other = { ...lead, id: "lead_laposte", company: { ...lead.company, name: "LA POSTE" } };
    mounted.rerender(<PanelApp page={next} known={{ ...known, planKey: next.key, lead: other }} lang="fr" onRefreshed={onRefreshed} />);
    await settle();
    expect(text()).toContain("LA POSTE");
    expect(text()).not.toContain("DANONE");
    expect(runtime.sent).toEqual([]);

    // An answer for another page (a late push) is not this page's: the panel asks for its own.
    answerWith({ lookup: () => ({ ok: true, value: { ...known, planKey: next.key, lead: null, matchedBy: "nothing", via: null } }) });
    mounted.rerender(<PanelApp page={{ ...next, key: "name=X", plan: [{ by: "name", value: "X" }] }} known={known} lang="fr" onRefreshed={onRefreshed} />);
    await settle();
    expect(sentOfType("lookup")).toEqual([{ type: "lookup", plan: [{ by: "name", value: "X" }] }]);
  });

  it("rejects with the workspace's reason code", async () => {
    const lead = sampleLeadDetail();
    answerWith({
      lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "siren", via: null, stale: false } }),
      transition: () => ({ ok: true, value: { ...lead, status: "nurturing" } }),
    });
    mounted = render(<OverlayApp page={PAGE} lang="fr" />);
    await settle();
    click(button(mounted.container, "Rejeter"));
    const select = mounted.container.querySelector("select")!;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(["", ...lead.rejectionReasons.map((r) => r.code)]);
    setValue(select, "wrong_contact");
    submit(mounted.container.querySelector("form.sl-reject")!);
    await settle();
    expect(sentOfType("transition")).toEqual([{ type: "transition", leadId: lead.id, action: "reject", reasonCode: "wrong_contact" }]);
    expect(mounted.container.querySelector(".sl-badge--nurturing")).not.toBeNull();
  });

  it("sends the note a workspace's reason asks for", async () => {
    const lead = sampleLeadDetail();
    answerWith({
      lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "siren", via: null, stale: false } }),
      transition: () => ({ ok: true, value: { ...lead, status: "nurturing" } }),
    });
    mounted = render(<OverlayApp page={PAGE} lang="en" />);
    await settle();
    click(button(mounted.container, "Reject"));
    setValue(mounted.container.querySelector("select")!, "other");
    setValue(mounted.container.querySelector(".sl-reject textarea")!, "  Already a customer  ");
    submit(mounted.container.querySelector("form.sl-reject")!);
    await settle();
    expect(sentOfType("transition")).toEqual([{ type: "transition", leadId: lead.id, action: "reject", reasonCode: "other", note: "Already a customer" }]);
  });

  it("adds a note", async () => {
    const lead = sampleLeadDetail();
    answerWith({
      lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "siren", via: null, stale: false } }),
      "add-note": (req) => ({
        ok: true,
        value: { ...lead, notes: [{ id: "n2", body: req.body, authorName: "Démo", at: new Date().toISOString() }, ...lead.notes] },
      }),
    });
    mounted = render(<OverlayApp page={PAGE} lang="en" />);
    await settle();
    setValue(mounted.container.querySelector(".sl-note-form textarea")!, "Call back on Tuesday");
    submit(mounted.container.querySelector(".sl-note-form")!);
    await settle();
    expect(sentOfType("add-note")).toEqual([{ type: "add-note", leadId: lead.id, body: "Call back on Tuesday" }]);
    expect(text()).toContain("Call back on Tuesday");
  });

  it("with no lead, searches and links the page to the chosen one", async () => {
    const lead = sampleLeadDetail();
    answerWith({
      lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead: null, matchedBy: "nothing", via: null, stale: false } }),
      "list-leads": () => ({
        ok: true,
        value: [
          {
            id: lead.id,
            name: "DANONE",
            siren: "552032534",
            city: "Paris",
            headcountLabel: null,
            nafLabel: null,
            status: "mql",
            score: 74.6,
            sla: null,
            lastSeenAt: "2025-06-10T00:00:00Z",
          },
        ],
      }),
      link: () => ({ ok: true, value: lead }),
    });
    mounted = render(<OverlayApp page={PAGE} lang="fr" />);
    await settle();
    expect(text()).toContain("Aucun lead Sillage pour cette page");
    expect((mounted.container.querySelector("input[type=search]") as HTMLInputElement).value).toBe("Danone");
    submit(mounted.container.querySelector("form[role=search]")!);
    await settle();
    expect(sentOfType("list-leads")).toEqual([{ type: "list-leads", q: "Danone", limit: 10 }]);
    click(button(mounted.container, "Associer cette page à DANONE"));
    await settle();
    expect(sentOfType("link")).toEqual([{ type: "link", leadId: lead.id, target: PAGE.link }]);
    expect(mounted.container.querySelector(".sl-company")?.textContent).toBe("DANONE");
  });

  it("explains a refused key and opens the options", async () => {
    answerWith({ lookup: () => ({ ok: false, error: { kind: "bad-api-key" } }), "open-options": () => ({ ok: true, value: null }) });
    mounted = render(<OverlayApp page={PAGE} lang="fr" />);
    await settle();
    expect(text()).toContain("Clé API refusée");
    click(button(mounted.container, "Ouvrir les options"));
    await settle();
    expect(sentOfType("open-options")).toHaveLength(1);
  });

  it("asks to set the extension up when it has no key", async () => {
    answerWith({ lookup: () => ({ ok: false, error: { kind: "not-configured" } }) });
    mounted = render(<OverlayApp page={PAGE} lang="en" />);
    await settle();
    expect(text()).toContain("Connect Sillage");
    expect(button(mounted.container, "Open options")).toBeTruthy();
  });

  it("shows the API's message and request id for other errors, and retries", async () => {
    let calls = 0;
    answerWith({
      lookup: () =>
        ++calls === 1
          ? { ok: false, error: { kind: "api", status: 500, code: "internal", message: "Boom", requestId: "req_7" } }
          : { ok: true, value: { planKey: PAGE.key, lead: sampleLeadDetail(), matchedBy: "x", via: null, stale: false } },
    });
    mounted = render(<OverlayApp page={PAGE} lang="en" />);
    await settle();
    expect(text()).toContain("Boom (code internal, request req_7)");
    click(button(mounted.container, "Retry"));
    await settle();
    expect(text()).toContain("DANONE");
  });

  it("replaces a stale answer with the refresh the background pushes", async () => {
    const lead = sampleLeadDetail();
    answerWith({ lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "x", via: null, stale: true } }) });
    mounted = render(<OverlayApp page={PAGE} lang="fr" />);
    await settle();
    const fresher = { ...lead, company: { ...lead.company, name: "DANONE SA" } };
    act(() => runtime.listeners.forEach((l) => void l({ planKey: "other-page", lead: null, matchedBy: "", via: null, stale: false })));
    expect(text()).toContain("DANONE");
    act(() => runtime.listeners.forEach((l) => void l({ planKey: PAGE.key, lead: fresher, matchedBy: "x", via: null, stale: false })));
    expect(text()).toContain("DANONE SA");
  });

  it("a refresh of the page shown before never replaces the next page's view", async () => {
    const lead = sampleLeadDetail();
    const known = { planKey: PAGE.key, lead, matchedBy: "linkedin link", via: PAGE.plan[0]!, stale: true };
    mounted = render(<PanelApp page={PAGE} known={known} lang="fr" onRefreshed={onRefreshed} />);
    expect(text()).toContain("DANONE");
    // In-page navigation to a page whose answer the background does not have yet: the panel asks for it.
    const next = { ...PAGE, key: "name=Pennylane", plan: [{ by: "name" as const, value: "Pennylane" }], hint: "Pennylane" };
    let answer!: (r: Result<unknown>) => void;
    answerWith({ lookup: () => new Promise((resolve) => (answer = resolve)) as never });
    mounted.rerender(<PanelApp page={next} lang="fr" onRefreshed={onRefreshed} />);
    await settle();
    expect(text()).toContain("Chargement du lead");
    // The previous page's stale answer was being refreshed: its fresh answer arrives now, for the previous page.
    const refreshed = { ...known, lead: { ...lead, company: { ...lead.company, name: "DANONE SA" } }, stale: false };
    act(() => runtime.listeners.forEach((l) => void l(refreshed)));
    expect(text()).not.toContain("DANONE");
    await act(async () => answer({ ok: true, value: { planKey: next.key, lead: null, matchedBy: "nothing", via: null, stale: false } }));
    expect(text()).toContain("Aucun lead Sillage pour cette page");

    // The page now has nothing to show (its content script reported nothing): a late refresh brings no lead back.
    mounted.rerender(<PanelApp page={null} lang="fr" onRefreshed={onRefreshed} />);
    await settle();
    act(() => runtime.listeners.forEach((l) => void l(refreshed)));
    expect(text()).not.toContain("DANONE");
  });

  it("its own stale answer arriving after the pushed refresh does not bring the older lead back", async () => {
    const lead = sampleLeadDetail();
    let answer!: (r: Result<unknown>) => void;
    answerWith({ lookup: () => new Promise((resolve) => (answer = resolve)) as never });
    mounted = render(<OverlayApp page={PAGE} lang="fr" />);
    await settle();
    // The answer and the refresh travel on different channels: the refresh (on the port) may come first.
    const fresher = { ...lead, company: { ...lead.company, name: "DANONE SA" } };
    act(() => runtime.listeners.forEach((l) => void l({ planKey: PAGE.key, lead: fresher, matchedBy: "x", via: null, stale: false })));
    await act(async () => answer({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "x", via: null, stale: true } }));
    expect(text()).toContain("DANONE SA");
  });

  it("wrong company: sends the SIREN typed, then shows the lead the visits went to", async () => {
    const lead = sampleLeadDetail();
    const other = { ...lead, id: "lead_other", company: { ...lead.company, name: "GERVAIS DANONE" } };
    answerWith({
      lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "siren", via: null, stale: false } }),
      "correct-identity": () => ({ ok: true, value: { leadId: other.id, reattributedHits: 4, lead: other } }),
    });
    mounted = render(<OverlayApp page={PAGE} lang="fr" />);
    await settle();
    click(button(mounted.container, "Mauvaise entreprise ?"));
    const siren = mounted.container.querySelector(".sl-correct input[inputmode=numeric]")!;
    setValue(siren, "552 03");
    expect(text()).toContain("Un SIREN compte 9 chiffres (et sa clé doit être juste).");
    expect(button(mounted.container, "Corriger").disabled).toBe(true);
    setValue(siren, "552 032 534");
    submit(mounted.container.querySelector(".sl-correct__form")!);
    await settle();
    expect(sentOfType("correct-identity")).toEqual([{ type: "correct-identity", leadId: lead.id, correction: { action: "company", siren: "552032534" } }]);
    expect(mounted.container.querySelector(".sl-company")?.textContent).toBe("GERVAIS DANONE");
  });

  it("wrong company: an operator, and the API's refusal is shown", async () => {
    const lead = sampleLeadDetail();
    answerWith({
      lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead, matchedBy: "siren", via: null, stale: false } }),
      "correct-identity": () => ({
        ok: false,
        error: { kind: "api", status: 409, code: "not_network_identified", message: "lead not identified by its network", requestId: "r1" },
      }),
    });
    mounted = render(<OverlayApp page={PAGE} lang="en" />);
    await settle();
    click(button(mounted.container, "Wrong company?"));
    click(mounted.container.querySelectorAll(".sl-correct input[type=radio]")[1]!);
    setValue(mounted.container.querySelector(".sl-correct select")!, "vpn");
    submit(mounted.container.querySelector(".sl-correct__form")!);
    await settle();
    expect(sentOfType("correct-identity")).toEqual([{ type: "correct-identity", leadId: lead.id, correction: { action: "operator", kind: "vpn" } }]);
    expect(mounted.container.querySelector(".sl-correct [role=alert]")?.textContent).toBe("The correction failed: lead not identified by its network");
    expect(mounted.container.querySelector(".sl-company")?.textContent).toBe("DANONE");
  });

  it("closing the panel hands it to the page's launcher (× and Escape)", async () => {
    answerWith({ lookup: () => ({ ok: true, value: { planKey: PAGE.key, lead: sampleLeadDetail(), matchedBy: "x", via: null, stale: false } }) });
    let closed = 0;
    mounted = render(<PanelApp page={PAGE} lang="fr" onRefreshed={onRefreshed} onClose={() => closed++} />);
    await settle();
    click(button(mounted.container, "Réduire le panneau Sillage"));
    expect(closed).toBe(1);
    // The panel stays expanded inside its frame: the content script hides the frame.
    expect(mounted.container.querySelector(".sl-panel")?.hasAttribute("hidden")).toBe(false);
  });
});
