import { createRoute, z } from "@hono/zod-openapi";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { apiKeyJson, apiKeySchema, idParam, roleSchema } from "./api-schemas";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys-store";
import { requireAdmin } from "../auth/require-admin";

const listRoute = createRoute({
  method: "get",
  path: "/keys",
  summary: "API keys of the workspace, revoked ones included",
  description: "Keys are stored hashed: the list shows their prefix, never the key.",
  responses: { 200: json(z.object({ keys: z.array(apiKeySchema) }), "Keys"), ...errorResponses(401) },
});

const createKeyRoute = createRoute({
  method: "post",
  path: "/keys",
  summary: "Create an API key for a member (admin)",
  description: "The key is in this answer only: it is stored as a SHA-256 hash and cannot be shown again.",
  request: {
    body: jsonBody(
      z.object({
        memberId: z.string().min(1).max(64),
        name: z.string().trim().min(1).max(100).openapi({ example: "Extension Chrome de Claire" }),
        role: roleSchema.optional().openapi({ description: "Defaults to the member's role; never above it" }),
      }),
    ),
  },
  responses: {
    201: json(apiKeySchema.extend({ key: z.string().openapi({ description: "Shown once", example: "slg_…" }) }), "Key created"),
    ...errorResponses(400, 401, 403, 404),
  },
});

const revokeRoute = createRoute({
  method: "delete",
  path: "/keys/{id}",
  summary: "Revoke an API key (admin); it stops working with the next request",
  request: { params: idParam },
  responses: { 200: json(apiKeySchema, "Key revoked"), ...errorResponses(401, 403, 404, 409) },
});

export const keysApi = newApp()
  .openapi(listRoute, async (c) => {
    const keys = await listApiKeys(c.env.DB, c.get("auth").workspaceId);
    return c.json({ keys: keys.map(apiKeyJson) }, 200);
  })
  .openapi(createKeyRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const { memberId, name, role } = c.req.valid("json");
    const { key, info } = await createApiKey(c.env.DB, workspaceId, { memberId, name, role }, Date.now());
    return c.json({ ...apiKeyJson(info), key }, 201, { "Cache-Control": "no-store" });
  })
  .openapi(revokeRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const { id } = c.req.valid("param");
    const key = await revokeApiKey(c.env.DB, workspaceId, id, Date.now());
    if (!key) throw new ApiError("not_found", `No API key ${id} in this workspace.`);
    return c.json(apiKeyJson(key), 200);
  });
