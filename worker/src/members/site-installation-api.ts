import { createRoute, z } from "@hono/zod-openapi";
import { DROP_REASONS } from "@sillage/shared/drop-reasons";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json } from "../http/openapi";
import { iso, isoOrNull } from "../lib/iso";
import { idParam } from "./api-schemas";
import { siteInstallation } from "./site-installation-store";
import { getSite } from "./sites-store";

const installationSchema = z
  .object({
    siteId: z.string(),
    installed: z.boolean().openapi({ description: "At least one hit was stored for the site" }),
    firstHitAt: z.string().nullable(),
    lastHitAt: z.string().nullable(),
    hitsLastDay: z.number().int(),
    recentHits: z.array(z.object({ at: z.string(), type: z.string(), hostname: z.string().nullable(), path: z.string().nullable() })),
    drops: z.array(z.object({ reason: z.enum(DROP_REASONS), count: z.number().int(), lastDay: z.string() })),
    rejectedHostnames: z
      .array(z.object({ hostname: z.string(), count: z.number().int(), lastDay: z.string() }))
      .openapi({ description: "Hostnames of pages dropped as hostname_not_allowed: add them to allowedHostnames if they are yours" }),
    allowedHostnames: z.array(z.string()),
  })
  .openapi("SiteInstallation");

const installationRoute = createRoute({
  method: "get",
  path: "/sites/{id}/installation",
  summary: "Installation check of a site: first and latest hits, the last few, and requests dropped over 7 days by reason",
  request: { params: idParam },
  responses: { 200: json(installationSchema, "Installation"), ...errorResponses(401, 404) },
});

export const siteInstallationApi = newApp().openapi(installationRoute, async (c) => {
  const { id } = c.req.valid("param");
  const site = await getSite(c.env.DB, c.get("auth").workspaceId, id);
  if (!site) throw new ApiError("not_found", `No site ${id} in this workspace.`);
  const found = await siteInstallation(c.env.DB, site, Date.now());
  return c.json(
    {
      siteId: site.id,
      installed: found.firstHitAt !== null,
      firstHitAt: isoOrNull(found.firstHitAt),
      lastHitAt: isoOrNull(found.lastHitAt),
      hitsLastDay: found.hitsLastDay,
      recentHits: found.recentHits.map((h) => ({ ...h, at: iso(h.at) })),
      drops: found.drops,
      rejectedHostnames: found.rejectedHostnames,
      allowedHostnames: site.allowedHostnames,
    },
    200,
  );
});
