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

/** A JSON response of the OpenAPI document. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** A required JSON request body of the OpenAPI document (`request: { body: jsonBody(schema) }`). */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
