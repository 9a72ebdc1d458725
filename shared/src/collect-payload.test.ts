import { describe, expect, it } from "vitest";
import { collectPayloadSchema } from "./collect-payload";

describe("collect payload", () => {
  it("defaults the type to pageview", () => {
    const p = collectPayloadSchema.parse({ site: "k", url: "https://a.fr/" });
    expect(p.type).toBe("pageview");
  });
  it("rejects an identify without a valid e-mail", () => {
    expect(collectPayloadSchema.safeParse({ site: "k", type: "identify", traits: { email: "nope" } }).success).toBe(false);
  });
});
