import { createRoute, z } from "@hono/zod-openapi";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json } from "../http/openapi";
import { weeklyFunnel } from "../scoring/weekly-funnel";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const MAX_DAYS = 731;

const weeklyRoute = createRoute({
  method: "get",
  path: "/scoring/kpis/weekly",
  summary: "New leads, MQLs and SQLs per week (weeks start on Monday, UTC) over a period of at most two years",
  request: { query: z.object({ from: day, to: day }) },
  responses: {
    200: json(
      z.object({
        from: day,
        to: day,
        weeks: z.array(z.object({ week: day, leads: z.number().int(), mqls: z.number().int(), sqls: z.number().int() })),
      }),
      "Weeks",
    ),
    ...errorResponses(400, 401),
  },
});

export const kpiWeeklyRoutes = newApp().openapi(weeklyRoute, async (c) => {
  const { from, to } = c.req.valid("query");
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  if (!(end > start)) throw new ApiError("bad_request", "Invalid period: `to` must not be before `from`.");
  if (end - start > MAX_DAYS * 86_400_000) throw new ApiError("bad_request", `Invalid period: at most ${MAX_DAYS} days.`);
  return c.json({ from, to, weeks: await weeklyFunnel(c.env.DB, c.get("auth").workspaceId, start, end) }, 200);
});
