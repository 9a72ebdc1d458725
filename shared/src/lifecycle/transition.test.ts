import { describe, expect, it } from "vitest";
import { rejectionReasonsSchema } from "./rejection-reasons";
import { transition } from "./transition";
import { newLead, SYSTEM, type Actor, type LifecycleLead } from "./types";

const T0 = Date.UTC(2025, 2, 3, 9);
const HOUR = 3_600_000;
const sales: Actor = { type: "user", id: "u-claire", name: "Claire" };

function ok(result: ReturnType<typeof transition>): LifecycleLead {
  if (!result.ok) throw new Error(result.error.message);
  return result.lead;
}
const mqlLead = () => {
  let lead = newLead(T0);
  lead = ok(transition(lead, { type: "identify" }, SYSTEM, T0 + HOUR));
  return ok(transition(lead, { type: "qualify" }, SYSTEM, T0 + 2 * HOUR));
};

describe("lifecycle transitions", () => {
  it("walks anonymous → identified → mql → sql and records each step", () => {
    const result = transition(mqlLead(), { type: "accept", note: "RDV pris, budget validé" }, sales, T0 + 5 * HOUR);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.status).toBe("sql");
    expect(result.entries).toEqual([{ from: "mql", to: "sql", action: "accept", actor: sales, at: T0 + 5 * HOUR, note: "RDV pris, budget validé" }]);
    expect(result.lead.since).toBe(T0 + 5 * HOUR);
    expect(result.lead.history.map((e) => `${e.from}→${e.to}`)).toEqual(["anonymous→identified", "identified→mql", "mql→sql"]);
  });

  it("sends a rejected MQL back to nurturing, with the reason, when the reason allows it", () => {
    const result = transition(mqlLead(), { type: "reject", reason: "bad_timing", note: "Revenir en septembre" }, sales, T0 + 3 * HOUR);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.status).toBe("nurturing");
    expect(result.entries).toEqual([
      { from: "mql", to: "rejected", action: "reject", actor: sales, at: T0 + 3 * HOUR, reason: "bad_timing", note: "Revenir en septembre" },
      { from: "rejected", to: "nurturing", action: "nurture", actor: SYSTEM, at: T0 + 3 * HOUR, reason: "bad_timing" },
    ]);
    // and it may qualify again
    expect(transition(result.lead, { type: "qualify" }, SYSTEM, T0 + 100 * HOUR).ok).toBe(true);
  });

  it("keeps out-of-target and duplicate leads rejected", () => {
    const lead = ok(transition(mqlLead(), { type: "reject", reason: "out_of_target" }, sales, T0 + 3 * HOUR));
    expect(lead.status).toBe("rejected");
    expect(transition(lead, { type: "qualify" }, SYSTEM, T0 + 4 * HOUR)).toMatchObject({ ok: false, error: { code: "illegal_transition" } });
    // a person may still decide to nurture it
    expect(ok(transition(lead, { type: "nurture", note: "Nouveau périmètre" }, sales, T0 + 5 * HOUR)).status).toBe("nurturing");
  });

  it("refuses illegal transitions with a typed error", () => {
    const identified = ok(transition(newLead(T0), { type: "identify" }, SYSTEM, T0));
    expect(transition(identified, { type: "accept" }, sales, T0)).toEqual({
      ok: false,
      error: {
        code: "illegal_transition",
        from: "identified",
        action: "accept",
        allowedFrom: ["mql"],
        message: "cannot accept a lead that is identified (allowed from: mql)",
      },
    });
    expect(transition(newLead(T0), { type: "qualify" }, SYSTEM, T0)).toMatchObject({ ok: false, error: { code: "illegal_transition", from: "anonymous" } });
    const sql = ok(transition(mqlLead(), { type: "accept" }, sales, T0));
    for (const action of [{ type: "reject", reason: "no_budget" }, { type: "accept" }, { type: "nurture" }, { type: "qualify" }] as const) {
      expect(transition(sql, action, sales, T0)).toMatchObject({ ok: false, error: { code: "illegal_transition", from: "sql" } });
    }
    expect(transition(identified, { type: "identify" }, SYSTEM, T0)).toMatchObject({ ok: false, error: { code: "illegal_transition" } });
  });

  it("leaves accepting and rejecting to people", () => {
    expect(transition(mqlLead(), { type: "accept" }, SYSTEM, T0)).toMatchObject({ ok: false, error: { code: "actor_not_allowed", action: "accept" } });
    expect(transition(mqlLead(), { type: "reject", reason: "no_need" }, SYSTEM, T0)).toMatchObject({ ok: false, error: { code: "actor_not_allowed" } });
  });

  it("validates rejection reasons and notes", () => {
    expect(transition(mqlLead(), { type: "reject", reason: "too_expensive" }, sales, T0)).toMatchObject({
      ok: false,
      error: { code: "unknown_reason", reason: "too_expensive" },
    });
    expect(transition(mqlLead(), { type: "reject", reason: "other", note: "   " }, sales, T0)).toMatchObject({
      ok: false,
      error: { code: "note_required", reason: "other" },
    });
    expect(ok(transition(mqlLead(), { type: "reject", reason: "other", note: "Rachat en cours" }, sales, T0)).status).toBe("nurturing");
    expect(transition(mqlLead(), { type: "accept", note: "x".repeat(2001) }, sales, T0)).toMatchObject({ ok: false, error: { code: "note_too_long" } });
  });

  it("uses the workspace's own reason list", () => {
    const reasons = rejectionReasonsSchema.parse([
      { code: "too_expensive", label: "Trop cher" },
      { code: "student", label: "Étudiant", nurture: false },
    ]);
    expect(ok(transition(mqlLead(), { type: "reject", reason: "too_expensive" }, sales, T0, { reasons })).status).toBe("nurturing");
    expect(ok(transition(mqlLead(), { type: "reject", reason: "student" }, sales, T0, { reasons })).status).toBe("rejected");
    expect(transition(mqlLead(), { type: "reject", reason: "no_budget" }, sales, T0, { reasons })).toMatchObject({
      ok: false,
      error: { code: "unknown_reason" },
    });
    expect(
      rejectionReasonsSchema.safeParse([
        { code: "a", label: "A" },
        { code: "a", label: "B" },
      ]).success,
    ).toBe(false);
  });
});
