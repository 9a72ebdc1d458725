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
