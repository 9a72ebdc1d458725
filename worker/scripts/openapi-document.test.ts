import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument as served } from "./openapi-document";

const openApiDocument = async (origin?: string) => (await served(origin)) as Record<string, any>;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

describe("/api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (checked by @seriousme/openapi-schema-validator)", async () => {
    const validator = new Validator();
    const result = await validator.validate(await openApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("names its server, so that clients call /api/v1/leads and not /leads", async () => {
    const doc = await openApiDocument("https://sillage.acme.fr");
    expect(doc.servers).toEqual([expect.objectContaining({ url: "https://sillage.acme.fr/api/v1" })]);
    expect(Object.keys(doc.paths)).toContain("/leads");
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/api/"))).toBe(false);
  });

  it("declares the API key as a bearer scheme required by every operation, and every path parameter", async () => {
    const doc = await openApiDocument();
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ apiKey: [] }]);
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const method of METHODS.filter((m) => item[m])) {
        const op = item[method];
        expect(op.security, `${method} ${path} must not opt out of the API key`).toBeUndefined();
        const declared = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter((p: any) => p.in === "path").map((p: any) => p.name);
        expect(declared.sort(), `${method} ${path}`).toEqual([...templated].sort());
      }
    }
  });
});
