import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PanelPush } from "../messages";

/** The background's side of the panel's port: `connect` records the port's name and lets the test push. */
const ports = vi.hoisted(() => ({
  opened: [] as Array<{ name: string; push(message: unknown): void }>,
}));
vi.mock("wxt/browser", () => ({
  browser: {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const listeners: Array<(m: unknown) => void> = [];
        ports.opened.push({
          name,
          push: (m) => {
            for (const l of listeners) l(m);
          },
        });
        return { onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) }, onDisconnect: { addListener: () => {} }, disconnect: () => {} };
      },
    },
  },
}));

const { leaveEarlyPort, openEarlyPort, takeEarlyPort } = await import("./early-port");

const DOC = "0f8fad5b-d9cb-469f-a165-70867728950e";
const context = (key: string): PanelPush => ({ type: "page-context", context: { key, plan: [{ by: "domain", value: `${key}.fr` }], link: null, hint: key } });
const refreshed = (key: string): PanelPush =>
  ({ type: "lookup-refreshed", outcome: { planKey: key, lead: null, matchedBy: null, candidates: [], stale: false } }) as unknown as PanelPush;

beforeEach(() => {
  ports.opened = [];
  delete (globalThis as Record<string, unknown>).__sillagePanelPort;
});

describe("the panel's early port", () => {
  it("is opened at once, under the document's name, before anyone listens", () => {
    openEarlyPort(DOC);
    expect(ports.opened.map((p) => p.name)).toEqual([`sillage-panel#${DOC}`]);
  });

  it("hands what the background pushed before the panel listened over in order, then passes pushes straight on", () => {
    const port = openEarlyPort(DOC);
    ports.opened[0]!.push(context("danone"));
    ports.opened[0]!.push(refreshed("danone"));
    const seen: PanelPush[] = [];
    port.listen((p) => seen.push(p));
    expect(seen).toEqual([context("danone"), refreshed("danone")]);
    ports.opened[0]!.push(context("bnp"));
    expect(seen).toEqual([context("danone"), refreshed("danone"), context("bnp")]);
  });

  it("drops what is not a panel push (the port only carries page contexts and refreshed look-ups)", () => {
    const port = openEarlyPort(DOC);
    ports.opened[0]!.push({ type: "panel-closed" });
    ports.opened[0]!.push("page-context");
    const seen: PanelPush[] = [];
    port.listen((p) => seen.push(p));
    expect(seen).toEqual([]);
  });

  it("is the one the panel's code takes: the page opens one port, not two", () => {
    leaveEarlyPort(openEarlyPort(DOC));
    ports.opened[0]!.push(context("danone"));
    const seen: PanelPush[] = [];
    takeEarlyPort(DOC).listen((p) => seen.push(p));
    expect(ports.opened).toHaveLength(1);
    expect(seen).toEqual([context("danone")]);
  });

  it("is opened by the panel's code when the first script did not run", () => {
    takeEarlyPort(DOC);
    expect(ports.opened.map((p) => p.name)).toEqual([`sillage-panel#${DOC}`]);
  });
});
