import { createRoute, z } from "@hono/zod-openapi";
import { newApp } from "../http/app-factory";
import { errorResponses, json } from "../http/openapi";
import { listSites } from "../members/sites-store";
import { getWorkspace } from "../members/workspaces-store";

const meRoute = createRoute({
  method: "get",
  path: "/me",
  summary: "The workspace of the API key, and its sites",
  responses: {
    200: json(
      z.object({
        workspace: z.object({ id: z.string(), name: z.string() }),
        role: z.enum(["admin", "member"]),
        sites: z.array(z.object({ id: z.string(), name: z.string(), publicKey: z.string(), allowedHostnames: z.array(z.string()) })),
      }),
      "Workspace",
    ),
    ...errorResponses(401),
  },
});

export const meRoutes = newApp().openapi(meRoute, async (c) => {
  const { workspaceId, role } = c.get("auth");
  const [ws, sites] = await Promise.all([getWorkspace(c.env.DB, workspaceId), listSites(c.env.DB, workspaceId)]);
  return c.json(
    {
      workspace: { id: workspaceId, name: ws!.name },
      role,
      sites: sites.map(({ id, name, publicKey, allowedHostnames }) => ({ id, name, publicKey, allowedHostnames })),
    },
    200,
  );
});
