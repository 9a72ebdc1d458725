import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { sites, workspaces } from "../db/schema";
import { newApp } from "../http/app-factory";
import { errorSchema } from "../http/openapi";

const meRoute = createRoute({
  method: "get",
  path: "/me",
  summary: "The workspace of the API key, and its sites",
  responses: {
    200: {
      description: "Workspace",
      content: {
        "application/json": {
          schema: z.object({
            workspace: z.object({ id: z.string(), name: z.string() }),
            role: z.enum(["admin", "member"]),
            sites: z.array(z.object({ id: z.string(), name: z.string(), publicKey: z.string(), allowedHostnames: z.array(z.string()) })),
          }),
        },
      },
    },
    401: errorSchema,
  },
});

export const meRoutes = newApp().openapi(meRoute, async (c) => {
  const { workspaceId, role } = c.get("auth");
  const db = getDb(c.env.DB);
  const ws = await db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  const siteRows = await db
    .select({ id: sites.id, name: sites.name, publicKey: sites.publicKey, allowedHostnames: sites.allowedHostnames })
    .from(sites)
    .where(eq(sites.workspaceId, workspaceId))
    .all();
  return c.json({ workspace: ws!, role, sites: siteRows }, 200);
});
