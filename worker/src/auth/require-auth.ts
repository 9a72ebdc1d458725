import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app-factory";
import { requireApiKey } from "./api-key";
import { consoleSessionAuth } from "./console-session";

/**
 * `/api/v1` auth: a Bearer API key (scripts, the extension) or, without an Authorization header, the console's
 * session cookie (CSRF-checked). Either way the route sees the same `auth`: the key's workspace and role.
 */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.req.header("Authorization")) {
    const auth = await consoleSessionAuth(c);
    if (auth) {
      c.set("auth", auth);
      return next();
    }
  }
  return requireApiKey(c, next);
};
