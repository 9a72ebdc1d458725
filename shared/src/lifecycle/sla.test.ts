import { describe, expect, it } from "vitest";
import { isOverdue, slaDeadline, slaRemainingMs } from "./sla";
import { newLead } from "./types";

const T0 = Date.UTC(2025, 2, 3, 9);
const HOUR = 3_600_000;

describe("handover SLA", () => {
  const mql = { ...newLead(T0, "mql"), since: T0 };

  it("counts down from the moment the lead became an MQL", () => {
    expect(slaDeadline(mql, 48)).toBe(T0 + 48 * HOUR);
    expect(slaRemainingMs(mql, 48, T0 + 47 * HOUR)).toBe(HOUR);
    expect(isOverdue(mql, 48, T0 + 48 * HOUR)).toBe(false);
    expect(isOverdue(mql, 48, T0 + 48 * HOUR + 1)).toBe(true);
    expect(slaRemainingMs(mql, 48, T0 + 50 * HOUR)).toBe(-2 * HOUR);
  });

  it("uses the workspace's SLA, 48 h by default", () => {
    expect(isOverdue(mql, 24, T0 + 25 * HOUR)).toBe(true);
    expect(isOverdue(mql, undefined, T0 + 25 * HOUR)).toBe(false);
  });

  it("does not apply to leads that are not waiting as MQL", () => {
    for (const status of ["anonymous", "identified", "sql", "rejected", "nurturing"] as const) {
      const lead = { ...newLead(T0, status), since: T0 };
      expect(isOverdue(lead, 48, T0 + 100 * HOUR)).toBe(false);
      expect(slaRemainingMs(lead, 48, T0)).toBeNull();
    }
  });
});
