import { describe, expect, it } from "vitest";
import { leadLookupQuerySchema } from "./leads";

describe("lead look-up query", () => {
  it("takes a CRM record as one of the look-up keys, alone", () => {
    expect(leadLookupQuerySchema.safeParse({ crm: "hubspot:1/2" }).success).toBe(true);
    expect(leadLookupQuerySchema.safeParse({ crm: "hubspot:1/2", domain: "acme.fr" }).success).toBe(false);
  });
});
