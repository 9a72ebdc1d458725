import { createRoute, z } from "@hono/zod-openapi";
import { parseModel } from "@sillage/shared/scoring/parse-model";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { requireAdmin } from "../auth/require-admin";
import { loadActiveModel, saveModel } from "../scoring/active-model";
import { dryRunModel } from "../scoring/dry-run";
import { getRescoreJob, startRescoreJob } from "../scoring/rescore-job";
import { kpisFromStore } from "../scoring/kpi-store";

const modelDocument = z.record(z.string(), z.unknown()).openapi("ScoringModel", { description: "Scoring model (see README: rules, mql)" });

const getModel = createRoute({
  method: "get",
  path: "/scoring/model",
  summary: "The workspace's active scoring model",
  responses: { 200: json(z.object({ model: modelDocument }), "Active model"), ...errorResponses(401) },
});

const putModel = createRoute({
  method: "put",
  path: "/scoring/model",
  summary: "Replace the scoring model (a new version); dryRun=true only reports how many leads would change status",
  request: {
    query: z.object({ dryRun: z.enum(["true", "false"]).optional() }),
    body: jsonBody(modelDocument),
  },
  responses: {
    200: json(
      z.object({
        model: modelDocument,
        dryRun: z.boolean(),
        leadsEvaluated: z.number().int(),
        wouldChangeStatus: z.number().int(),
        wouldBecomeMql: z.number().int().openapi({ description: "Of wouldChangeStatus, leads that would become MQL" }),
        wouldFallBack: z.number().int().openapi({ description: "Of wouldChangeStatus, MQLs that would fall back to nurturing" }),
        rescoreJobId: z.string().nullable(),
      }),
      "Saved (or evaluated) model",
    ),
    ...errorResponses(400, 401, 403),
  },
});

const getJob = createRoute({
  method: "get",
  path: "/scoring/rescore-jobs/{id}",
  summary: "Progress of the background rescoring after a model change",
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: json(
      z.object({
        id: z.string(),
        modelVersion: z.number().int(),
        status: z.string(),
        total: z.number().int(),
        done: z.number().int(),
        changedStatus: z.number().int(),
        progress: z.number(),
      }),
      "Job",
    ),
    ...errorResponses(401, 404),
  },
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const getKpis = createRoute({
  method: "get",
  path: "/scoring/kpis",
  summary: "Funnel KPIs over a period: leads, MQLs, SQLs, conversion rates, time MQL → SQL, SLA compliance, rejection reasons",
  request: { query: z.object({ from: day, to: day }) },
  responses: { 200: json(z.record(z.string(), z.unknown()), "KPIs"), ...errorResponses(400, 401) },
});

export const scoringRoutes = newApp()
  .openapi(getModel, async (c) => c.json({ model: await loadActiveModel(c.env.DB, c.get("auth").workspaceId, { fresh: true }) }, 200))
  .openapi(putModel, async (c) => {
    const workspaceId = requireAdmin(c);
    const current = await loadActiveModel(c.env.DB, workspaceId, { fresh: true });
    const body = c.req.valid("json") as Record<string, unknown>;
    const parsed = parseModel({ ...body, version: current.version + 1 });
    if (!parsed.ok) throw new ApiError("bad_request", `Invalid scoring model: ${parsed.errors.join("; ")}`);
    const now = Date.now();
    const dryRun = c.req.valid("query").dryRun === "true";
    if (dryRun) {
      const report = await dryRunModel(c.env.DB, workspaceId, parsed.model, now);
      return c.json({ model: parsed.model, dryRun, ...report, rescoreJobId: null }, 200);
    }
    await saveModel(c.env.DB, workspaceId, parsed.model, now, c.get("auth").keyId);
    const jobId = await startRescoreJob(c.env, workspaceId, parsed.model.version, now);
    return c.json({ model: parsed.model, dryRun, leadsEvaluated: 0, wouldChangeStatus: 0, wouldBecomeMql: 0, wouldFallBack: 0, rescoreJobId: jobId }, 200);
  })
  .openapi(getJob, async (c) => {
    const job = await getRescoreJob(c.env.DB, c.get("auth").workspaceId, c.req.valid("param").id);
    if (!job) throw new ApiError("not_found", "No such rescoring job in this workspace.");
    return c.json({ ...job, progress: job.total ? Math.min(1, job.done / job.total) : 1 }, 200);
  })
  .openapi(getKpis, async (c) => {
    const { from, to } = c.req.valid("query");
    const period = { from: Date.parse(`${from}T00:00:00Z`), to: Date.parse(`${to}T00:00:00Z`) + 86_400_000 };
    if (!(period.to > period.from)) throw new ApiError("bad_request", "Invalid period: `to` must not be before `from`.");
    return c.json({ ...(await kpisFromStore(c.env.DB, c.get("auth").workspaceId, period)), from, to }, 200);
  });
