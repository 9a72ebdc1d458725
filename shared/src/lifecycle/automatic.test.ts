import { describe, expect, it } from "vitest";
import { onScoreChange, SCORE_BELOW_MQL } from "./automatic";
import { transition } from "./transition";
import { newLead, type LifecycleLead } from "./types";

const T0 = Date.UTC(2025, 2, 3, 9);
const HOUR = 3_600_000;
const sales = { type: "user" as const, id: "u1" };

function feed(lead: LifecycleLead, verdicts: [identified: boolean, qualified: boolean][], opts = {}) {
  let at = T0;
  for (const [identified, qualified] of verdicts) lead = onScoreChange(lead, { identified, qualified }, (at += HOUR), opts).lead;
  return lead;
}

describe("automatic transitions from score changes", () => {
  it("identifies, then qualifies an identified lead", () => {
    const step1 = onScoreChange(newLead(T0), { identified: true, qualified: false }, T0 + HOUR);
    expect(step1.lead.status).toBe("identified");
    expect(step1.entries).toMatchObject([{ from: "anonymous", to: "identified", action: "identify", actor: { type: "system" } }]);
    const step2 = onScoreChange(step1.lead, { identified: true, qualified: true }, T0 + 2 * HOUR);
    expect(step2.lead).toMatchObject({ status: "mql", since: T0 + 2 * HOUR, qualified: true });
  });

  it("does not hand an anonymous lead to sales, but qualifies it as soon as it is identified", () => {
    const anonymous = onScoreChange(newLead(T0), { identified: false, qualified: true }, T0 + HOUR);
    expect(anonymous.lead.status).toBe("anonymous");
    expect(anonymous.entries).toEqual([]);
    const identified = onScoreChange(anonymous.lead, { identified: true, qualified: true }, T0 + 2 * HOUR);
    expect(identified.lead.status).toBe("mql");
    expect(identified.entries.map((e) => e.to)).toEqual(["identified", "mql"]);
  });

  it("returns an unhandled MQL to nurturing when its score decays below the definition", () => {
    const lead = feed(newLead(T0), [
      [true, true],
      [true, false],
    ]);
    expect(lead.status).toBe("nurturing");
    expect(lead.history.at(-1)).toMatchObject({ from: "mql", to: "nurturing", action: "nurture", reason: SCORE_BELOW_MQL });
    expect(
      feed(
        newLead(T0),
        [
          [true, true],
          [true, false],
        ],
        { demoteOnDecay: false },
      ).status,
    ).toBe("mql");
  });

  it("requalifies a nurtured lead only on a fresh crossing of the threshold", () => {
    let lead = feed(newLead(T0), [[true, true]]);
    const rejected = transition(lead, { type: "reject", reason: "bad_timing" }, sales, T0 + 5 * HOUR);
    if (!rejected.ok) throw new Error();
    lead = rejected.lead;
    expect(lead.status).toBe("nurturing");
    // Its old score still stands: no bounce back to MQL.
    lead = feed(lead, [
      [true, true],
      [true, true],
    ]);
    expect(lead.status).toBe("nurturing");
    // Interest fades, then comes back.
    lead = feed(lead, [
      [true, false],
      [true, true],
    ]);
    expect(lead.status).toBe("mql");
  });

  it("leaves SQL and rejected leads alone", () => {
    let lead = feed(newLead(T0), [[true, true]]);
    const accepted = transition(lead, { type: "accept" }, sales, T0);
    if (!accepted.ok) throw new Error();
    expect(
      feed(accepted.lead, [
        [true, false],
        [true, true],
      ]).status,
    ).toBe("sql");
    lead = feed(newLead(T0), [[true, true]]);
    const rejected = transition(lead, { type: "reject", reason: "duplicate" }, sales, T0);
    if (!rejected.ok) throw new Error();
    expect(
      feed(rejected.lead, [
        [true, false],
        [true, true],
      ]).status,
    ).toBe("rejected");
  });
});
