import { createRoute, z } from "@hono/zod-openapi";
import { networkCorrectionBodySchema, networkReviewListSchema, networkReviewQuerySchema, networkReviewResultSchema } from "@sillage/shared/api/networks";
import { newApp } from "../http/app-factory";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { correctNetworks } from "../identify/correction";
import { networksToReview } from "../identify/review-queue";
import { resolveActor } from "../leads/actor";
import { correctionErrors } from "./correction-errors";

const reviewRoute = createRoute({
  method: "get",
  path: "/networks/review",
  summary: "Networks still of unknown kind that keep visiting, most visits first, with the evidence gathered",
  description:
    "Confirm one as a company or mark it as an operator with `POST /networks/review/{asn}`. Networks the workspace already gave a verdict on are left out.",
  request: { query: networkReviewQuerySchema },
  responses: { 200: json(networkReviewListSchema, "Networks to review"), ...errorResponses(400, 401) },
});

const decideRoute = createRoute({
  method: "post",
  path: "/networks/review/{asn}",
  summary: "Confirm a network as a company (SIREN) or mark it as an operator; past hits are re-attributed",
  description:
    "Same body and effect as a lead correction: writes the workspace's overrides (recording who) and moves the network's past hits to the lead they now belong to, rescored. Members may decide.",
  request: {
    params: z.object({
      asn: z.coerce
        .number()
        .int()
        .min(1)
        .max(4_294_967_295)
        .openapi({ param: { name: "asn", in: "path" }, example: 64512 }),
    }),
    body: jsonBody(networkCorrectionBodySchema),
  },
  responses: { 200: json(networkReviewResultSchema, "Decided"), ...errorResponses(400, 401, 503) },
});

export const networksRoutes = newApp()
  .openapi(reviewRoute, async (c) => c.json(await networksToReview(c.env.DB, c.get("auth").workspaceId, c.req.valid("query")), 200))
  .openapi(decideRoute, async (c) => {
    const auth = c.get("auth");
    const { asn } = c.req.valid("param");
    const actor = await resolveActor(c.env.DB, auth);
    const outcome = await correctionErrors(() =>
      correctNetworks(c.env, { workspaceId: auth.workspaceId, asns: [asn], body: c.req.valid("json"), actor, via: "review queue", now: Date.now() }),
    );
    return c.json({ asn, ...outcome }, 200);
  });
