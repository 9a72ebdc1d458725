import type { Context } from "hono";
import type { AppEnv } from "../http/app-factory";
import { ApiError } from "../http/errors";

/** Changes to members, keys, sites, settings and personal data need an admin key; reading does not. */
export function requireAdmin(c: Context<AppEnv>): string {
  const { role, workspaceId } = c.get("auth");
  if (role !== "admin") throw new ApiError("forbidden", "This needs an admin API key; this key has the member role.");
  return workspaceId;
}
