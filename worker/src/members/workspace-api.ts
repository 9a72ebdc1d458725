import { createRoute, z } from "@hono/zod-openapi";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { workspaceJson, workspaceSchema } from "./api-schemas";
import { requireAdmin } from "../auth/require-admin";
import { getWorkspace, PROVIDER_IDS, updateWorkspace } from "./workspaces-store";

const patchSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    keepRawIp: z.boolean().openapi({
      description:
        "Keep visitors' raw IP after enrichment. Turning it off erases the IPs kept so far, in the background: the erasure job runs every 5 minutes and erases up to 118,000 IPs a run.",
    }),
    retentionDays: z.number().int().min(1).max(3650).openapi({ description: "Hits older than this are deleted; aggregates stay" }),
    slaHours: z.number().int().min(1).max(720).openapi({ description: "Hours to accept or reject an MQL before it is overdue" }),
    siteDailyQuotaMb: z.number().int().min(1).max(1000).openapi({
      description: "Storage each site may add per UTC day, in MB; past it the day's hits are dropped (site_quota_exceeded) and site.quota_reached is sent",
    }),
    providerChain: z
      .array(z.enum(PROVIDER_IDS))
      .min(1)
      .max(PROVIDER_IDS.length)
      .refine((a) => new Set(a).size === a.length, "each provider at most once")
      .openapi({ description: "Firmographics providers, tried in order", example: ["sirene-local", "recherche-entreprises"] }),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "give at least one setting to change");

const getRoute = createRoute({
  method: "get",
  path: "/workspace",
  summary: "Settings of the key's workspace",
  responses: { 200: json(workspaceSchema, "Workspace"), ...errorResponses(401) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/workspace",
  summary: "Change workspace settings (admin)",
  request: { body: jsonBody(patchSchema) },
  responses: { 200: json(workspaceSchema, "Workspace"), ...errorResponses(400, 401, 403) },
});

export const workspaceApi = newApp()
  .openapi(getRoute, async (c) => {
    const ws = await getWorkspace(c.env.DB, c.get("auth").workspaceId);
    if (!ws) throw new ApiError("not_found", "This key's workspace no longer exists.");
    return c.json(workspaceJson(ws, c.env), 200);
  })
  .openapi(patchRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const patch = c.req.valid("json");
    const ws = await updateWorkspace(c.env.DB, workspaceId, patch);
    if (!ws) throw new ApiError("not_found", "This key's workspace no longer exists.");
    return c.json(workspaceJson(ws, c.env), 200);
  });
