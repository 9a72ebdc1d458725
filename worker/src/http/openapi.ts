import { z } from "@hono/zod-openapi";
import { ERROR_STATUS } from "./errors";

const errorCode = z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]);

/** The one error body of every route, for the OpenAPI document. */
export const errorSchema = {
  description: "Error",
  content: {
    "application/json": {
      schema: z.object({ error: z.object({ code: errorCode, message: z.string(), requestId: z.string() }) }).openapi("Error"),
    },
  },
};

/** Where every route of the document lives, relative to the origin that serves it. */
export const API_BASE_PATH = "/api/v1";

/**
 * The document's top level. `servers` is the origin the document was fetched from plus `/api/v1`: paths in the
 * document are relative to it (`/leads`), so generated clients call `/api/v1/leads`, on this deployment.
 * Every operation takes the API key as a bearer token (declared once, at the top).
 */
export function openApiConfig(origin: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Sillage API", version: "1" },
    servers: [{ url: `${origin}${API_BASE_PATH}`, description: "This deployment" }],
    security: [{ apiKey: [] }],
  };
}

export const apiKeySecurityScheme = {
  type: "http" as const,
  scheme: "bearer",
  description: "An API key (`slg_` followed by 40 hex characters), sent as `Authorization: Bearer slg_…`.",
};

/** A JSON response of the OpenAPI document. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** A required JSON request body of the OpenAPI document (`request: { body: jsonBody(schema) }`). */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503;

/** The error responses a route declares, all with the one error body: `...errorResponses(401, 403, 404)`. */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]): Record<S, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema])) as Record<S, typeof errorSchema>;
}
