import { describe, expect, it } from "vitest";
import { PanelPorts } from "./panel-ports";

const port = () => {
  const got: unknown[] = [];
  return { got, postMessage: (m: unknown) => got.push(m) };
};

describe("PanelPorts", () => {
  it("addresses a document's news to its panel (and to panels that named none), the rest to every panel of the tab", () => {
    const ports = new PanelPorts();
    const [before, after, unnamed, otherTab] = [port(), port(), port(), port()];
    ports.add(7, before, "doc-11111111");
    ports.add(7, after, "doc-22222222");
    ports.add(7, unnamed, undefined);
    ports.add(8, otherTab, "doc-22222222");
    ports.post(7, "for 2", "doc-22222222");
    ports.post(7, "for the tab");
    expect(before.got).toEqual(["for the tab"]);
    expect(after.got).toEqual(["for 2", "for the tab"]);
    expect(unnamed.got).toEqual(["for 2", "for the tab"]);
    expect(otherTab.got).toEqual([]);
  });

  it("a closed port gets nothing more; a tab's last port closing forgets the tab", () => {
    const ports = new PanelPorts();
    const [first, second] = [port(), port()];
    const closeFirst = ports.add(7, first, "doc-11111111");
    closeFirst();
    const closeSecond = ports.add(7, second, "doc-22222222");
    ports.post(7, "hello");
    expect(first.got).toEqual([]);
    expect(second.got).toEqual(["hello"]);
    closeSecond();
    ports.post(7, "again");
    expect(second.got).toEqual(["hello"]);
  });
});
