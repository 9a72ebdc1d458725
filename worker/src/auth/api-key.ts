import type { MiddlewareHandler } from "hono";
import { API_KEY_PATTERN, hashApiKey } from "@sillage/shared/api-key";
import { ApiError } from "../http/errors";
import type { AppEnv } from "../http/app-factory";
import { findLiveKey, recordKeyUse } from "../members/api-keys-store";

const LAST_USED_RESOLUTION_MS = 60_000;

/** Bearer API key → workspace. Every `/api/v1` query is then scoped to `auth.workspaceId`. */
export const requireApiKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!key) throw new ApiError("unauthorized", "Missing API key: send `Authorization: Bearer slg_…`.");
  if (!API_KEY_PATTERN.test(key)) throw new ApiError("unauthorized", "Malformed API key: keys look like slg_ followed by 40 hex characters.");
  const row = await findLiveKey(c.env.DB, await hashApiKey(key));
  if (!row) throw new ApiError("unauthorized", "Unknown or revoked API key.");
  const now = Date.now();
  // Recording every use would put a write on every API call; minute resolution is what users need.
  if (!row.lastUsedAt || now - row.lastUsedAt > LAST_USED_RESOLUTION_MS) {
    c.executionCtx.waitUntil(recordKeyUse(c.env.DB, row.id, now));
  }
  c.set("auth", { keyId: row.id, workspaceId: row.workspaceId, role: row.role });
  await next();
};
