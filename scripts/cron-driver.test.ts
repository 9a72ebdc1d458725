import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cronsOf, nextRun, parseCron, startCronDriver } from "./cron-driver.mjs";

const at = (iso: string) => Date.parse(iso);

describe("the local cron schedule", () => {
  it("is read from wrangler.toml's [triggers] crons", () => {
    const toml = readFileSync(path.resolve(import.meta.dirname, "../wrangler.toml"), "utf8");
    expect(cronsOf(toml)).toEqual(["*/5 * * * *"]);
    expect(cronsOf('name = "x"\n[triggers]\ncrons = ["0 * * * *", \'30 2 * * 1\']\n[vars]\ncrons = ["nope"]\n')).toEqual(["0 * * * *", "30 2 * * 1"]);
    expect(cronsOf('name = "x"\n')).toEqual([]);
  });

  it("computes the next run in UTC as Cloudflare does", () => {
    expect(nextRun("*/5 * * * *", at("2026-12-03T10:47:28Z"))).toBe(at("2026-12-03T10:50:00Z"));
    expect(nextRun("*/5 * * * *", at("2026-12-03T10:50:00Z"))).toBe(at("2026-12-03T10:55:00Z"));
    expect(nextRun("0 3 * * *", at("2026-12-03T10:47:00Z"))).toBe(at("2026-12-04T03:00:00Z"));
    expect(nextRun("30 2 * * 1", at("2026-12-03T10:47:00Z"))).toBe(at("2026-12-07T02:30:00Z")); // next Monday
    expect(parseCron("0 9-17/4 * * 1-5")(new Date(at("2026-12-04T13:00:00Z")))).toBe(true); // a Friday
    expect(() => parseCron("*/5 * * *")).toThrow(/5 fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/out of range/);
  });
});

describe("the cron driver of npm start", () => {
  afterEach(() => vi.useRealTimers());

  it("fires each cron once at start-up, then at every scheduled minute, and keeps going after a failure", async () => {
    vi.useFakeTimers({ now: at("2026-12-03T10:47:28Z") });
    const runs: string[] = [];
    let fail = true;
    const errors: string[] = [];
    const driver = startCronDriver({
      baseUrl: "http://127.0.0.1:8787",
      crons: ["*/5 * * * *"],
      now: () => Date.now(),
      fire: async (_base, cron, time) => {
        runs.push(`${cron} @ ${new Date(time).toISOString()}`);
        if (runs.length === 2 && fail) {
          fail = false;
          throw new Error("worker restarting");
        }
      },
      onError: (cron, err) => errors.push(`${cron}: ${(err as Error).message}`),
    });
    await driver.firstRuns;
    expect(runs).toEqual(["*/5 * * * * @ 2026-12-03T10:47:28.000Z"]);
    await vi.advanceTimersByTimeAsync(3 * 60_000); // 10:50:28
    await vi.advanceTimersByTimeAsync(5 * 60_000); // 10:55:28
    driver.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(runs).toEqual(["*/5 * * * * @ 2026-12-03T10:47:28.000Z", "*/5 * * * * @ 2026-12-03T10:50:00.000Z", "*/5 * * * * @ 2026-12-03T10:55:00.000Z"]);
    expect(errors).toEqual(["*/5 * * * *: worker restarting"]);
  });
});
