import { createRoute, z } from "@hono/zod-openapi";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { forgetSite } from "../ingest/steps/site";
import { hostnamesInput, idParam, siteJson, siteSchema } from "./api-schemas";
import { requireAdmin } from "../auth/require-admin";
import { createSite, listSites, updateSite } from "./sites-store";

const siteFields = {
  name: z.string().trim().min(1).max(200),
  allowedHostnames: hostnamesInput,
  respectDnt: z.boolean().openapi({ description: "Drop hits sent with DNT: 1 (default false)" }),
  respectGpc: z.boolean().openapi({ description: "Drop hits sent with Sec-GPC: 1 (default true)" }),
};

const listRoute = createRoute({
  method: "get",
  path: "/sites",
  summary: "Sites of the workspace",
  responses: { 200: json(z.object({ sites: z.array(siteSchema) }), "Sites"), ...errorResponses(401) },
});

const createSiteRoute = createRoute({
  method: "post",
  path: "/sites",
  summary: "Create a site (admin); its public key goes in the snippet",
  request: {
    body: jsonBody(
      z.object({
        name: siteFields.name,
        allowedHostnames: siteFields.allowedHostnames,
        respectDnt: siteFields.respectDnt.optional(),
        respectGpc: siteFields.respectGpc.optional(),
      }),
    ),
  },
  responses: { 201: json(siteSchema, "Site created"), ...errorResponses(400, 401, 403) },
});

const updateSiteRoute = createRoute({
  method: "patch",
  path: "/sites/{id}",
  summary: "Change a site (admin); its public key stays",
  request: {
    params: idParam,
    body: jsonBody(
      z
        .object(siteFields)
        .partial()
        .strict()
        .refine((p) => Object.keys(p).length > 0, "give at least one field to change"),
    ),
  },
  responses: { 200: json(siteSchema, "Site"), ...errorResponses(400, 401, 403, 404) },
});

export const sitesApi = newApp()
  .openapi(listRoute, async (c) => {
    const sites = await listSites(c.env.DB, c.get("auth").workspaceId);
    return c.json({ sites: sites.map(siteJson) }, 200);
  })
  .openapi(createSiteRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const site = await createSite(c.env.DB, workspaceId, c.req.valid("json"), Date.now());
    return c.json(siteJson(site), 201);
  })
  .openapi(updateSiteRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const { id } = c.req.valid("param");
    const site = await updateSite(c.env.DB, workspaceId, id, c.req.valid("json"));
    if (!site) throw new ApiError("not_found", `No site ${id} in this workspace.`);
    // This isolate's collector sees the change at once; others within their one-minute site cache.
    forgetSite(site.publicKey);
    return c.json(siteJson(site), 200);
  });
