import { OpenAPIHono } from "@hono/zod-openapi";
import { requestId } from "hono/request-id";
import type { Env } from "../env";
import type { AuthContext } from "../auth/auth-context";
import { ApiError, errorResponse } from "./errors";
import { validationError } from "./validation";
import { discardBody } from "./request-body";

export interface AppVariables {
  requestId: string;
  auth: AuthContext;
}
export type AppEnv = { Bindings: Env; Variables: AppVariables };

/**
 * Every router is created here so that all of them share the same request id, error format and
 * validation-error hook.
 */
export function newApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error.issues);
    },
  });
}

export function createApp() {
  const app = newApp();
  app.use("*", requestId({ headerName: "X-Request-Id" }));
  // A refusal (401, 403, 404…) answered before the body was read must still be the answer the client gets.
  app.use("*", async (c, next) => {
    await next();
    await discardBody(c.req.raw);
  });
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => errorResponse(c, new ApiError("not_found", `No route for ${c.req.method} ${c.req.path}`)));
  return app;
}
