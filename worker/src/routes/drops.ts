import { createRoute, z } from "@hono/zod-openapi";
import { DROP_REASONS } from "@sillage/shared/drop-reasons";
import { newApp } from "../http/app-factory";
import { errorResponses, json } from "../http/openapi";
import { listDropCounts } from "../ingest/drops";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

const dropsRoute = createRoute({
  method: "get",
  path: "/drops",
  summary: "Requests the collector did not store, per day, site and reason",
  request: { query: z.object({ from: day.optional(), to: day.optional() }) },
  responses: {
    200: json(
      z.object({
        from: day,
        to: day,
        total: z.number().int(),
        rows: z.array(z.object({ day, siteKey: z.string(), reason: z.enum(DROP_REASONS), count: z.number().int() })),
      }),
      "Drop counters of the workspace's sites",
    ),
    ...errorResponses(400, 401),
  },
});

export const dropRoutes = newApp().openapi(dropsRoute, async (c) => {
  const { workspaceId } = c.get("auth");
  const today = new Date().toISOString().slice(0, 10);
  const { from = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10), to = today } = c.req.valid("query");
  const rows = await listDropCounts(c.env.DB, workspaceId, from, to);
  const total = rows.reduce((n, r) => n + r.count, 0);
  return c.json({ from, to, total, rows }, 200);
});
