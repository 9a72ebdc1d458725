import app from "../src/app";

/**
 * The OpenAPI document exactly as the worker serves it at `/api/v1/openapi.json`, built in Node from the same
 * app (route definitions only: no binding is touched). Used to validate it and to generate client types.
 */
export async function openApiDocument(origin = "https://sillage.example"): Promise<Record<string, unknown>> {
  const res = await app.request(`${origin}/api/v1/openapi.json`);
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}
