import { createRoute, z } from "@hono/zod-openapi";
import { leadCorrectionResultSchema, networkCorrectionBodySchema } from "@sillage/shared/api/networks";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { correctNetworks, networksNamingLead } from "../identify/correction";
import { resolveActor } from "../leads/actor";
import { findLead } from "../leads/find-lead";
import { correctionErrors } from "./correction-errors";

const correctionRoute = createRoute({
  method: "post",
  path: "/leads/{id}/correction",
  summary: "Wrong company? Say which company this visitor's network belongs to, or that it is an operator",
  description:
    '`{ "action": "company", "siren": "552032534" }` or `{ "action": "operator", "kind": "isp" }`. Finds the networks (ASNs) that named the lead, writes the workspace\'s overrides (recording who), and re-attributes their past hits, rescored. Later hits from those networks follow the correction. Members may correct. 409 `not_network_identified` when no network named the lead (e.g. an e-mail domain did).',
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: "id", in: "path" }, example: "lead_3k9x…" }),
    }),
    body: jsonBody(networkCorrectionBodySchema),
  },
  responses: {
    200: json(leadCorrectionResultSchema, "Corrected"),
    ...errorResponses(400, 401, 404, 409, 503),
  },
});

export const leadCorrectionRoutes = newApp().openapi(correctionRoute, async (c) => {
  const auth = c.get("auth");
  const db = c.env.DB;
  const id = c.req.valid("param").id;
  const lead = await findLead(db, auth.workspaceId, id);
  if (!lead) throw new ApiError("not_found", `No lead ${id} in this workspace.`);
  const asns = await networksNamingLead(db, auth.workspaceId, lead.id);
  if (!asns.length) throw new ApiError("not_network_identified", "No network named this lead (it was identified another way, e.g. by an e-mail domain).");
  const actor = await resolveActor(db, auth);
  const outcome = await correctionErrors(() =>
    correctNetworks(c.env, { workspaceId: auth.workspaceId, asns, body: c.req.valid("json"), actor, via: "lead correction", now: Date.now() }),
  );
  return c.json(outcome, 200);
});
