import { describe, expect, it } from "vitest";
import type { LeadSummary } from "@sillage/shared/api/leads";
import { slaTimer, sortInbox } from "./inbox";

const lead = (name: string, score: number, dueAt: string | null): LeadSummary => ({
  id: name,
  name,
  siren: null,
  city: null,
  headcountLabel: null,
  nafLabel: null,
  status: "mql",
  score,
  sla: dueAt ? { dueAt, overdue: false, remainingMs: 0 } : null,
  lastSeenAt: "2025-06-10T00:00:00Z",
});

describe("MQL inbox", () => {
  it("puts the hottest first, then the SLA that ends first", () => {
    const sorted = sortInbox([lead("B", 80, "2025-06-12T00:00:00Z"), lead("A", 95, null), lead("C", 80, "2025-06-11T00:00:00Z"), lead("D", 80, null)]);
    expect(sorted.map((l) => l.name)).toEqual(["A", "C", "B", "D"]);
  });

  it("counts the SLA down from its due date, and flags it overdue once past", () => {
    const now = Date.parse("2025-06-10T12:00:00Z");
    expect(slaTimer({ dueAt: "2025-06-10T15:30:00Z", overdue: false, remainingMs: 1 }, now)).toEqual({ remainingMs: 3.5 * 3_600_000, overdue: false });
    expect(slaTimer({ dueAt: "2025-06-10T11:00:00Z", overdue: false, remainingMs: 1 }, now)).toEqual({ remainingMs: -3_600_000, overdue: true });
    expect(slaTimer({ dueAt: "2025-06-11T11:00:00Z", overdue: true, remainingMs: 1 }, now)?.overdue).toBe(true);
    expect(slaTimer(null, now)).toBeNull();
  });
});
