import { createRoute, z } from "@hono/zod-openapi";
import { NETWORK_KINDS } from "@sillage/shared/network/kinds";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json } from "../http/openapi";
import { identifyIp, InvalidIpError } from "../identify/identify-ip";
import { providerChain } from "../identify/providers";
import { getWorkspace } from "../members/workspaces-store";
import { ProviderError } from "@sillage/shared/providers/types";

const identifyRoute = createRoute({
  method: "get",
  path: "/identify",
  summary: "Which organisation, and which French company, an IP address belongs to",
  description: "The same code path as the enrichment of collected hits. Consumer ISPs, mobile networks, hosting, and VPNs never name a company.",
  request: { query: z.object({ ip: z.string().min(1).max(64).openapi({ example: "193.252.0.1" }) }) },
  responses: {
    200: json(
      z.object({
        ip: z.string(),
        network: z.object({ asn: z.number().int().nullable(), organization: z.string().nullable(), kind: z.enum(NETWORK_KINDS), reason: z.string() }),
        company: z.record(z.string(), z.unknown()).nullable().openapi({ description: "Firmographics record (SIREN, NAF, headcount, revenue…)" }),
        confidence: z.number(),
        reason: z.string(),
      }),
      "Identification",
    ),
    ...errorResponses(400, 401, 503),
  },
});

export const identifyRoutes = newApp().openapi(identifyRoute, async (c) => {
  const { workspaceId } = c.get("auth");
  const ws = await getWorkspace(c.env.DB, workspaceId);
  try {
    const result = await identifyIp({
      db: c.env.DB,
      providers: providerChain(c.env, ws?.providerChain, workspaceId),
      workspaceId,
      ip: c.req.valid("query").ip,
      now: Date.now(),
    });
    return c.json(result, 200);
  } catch (err) {
    if (err instanceof InvalidIpError) throw new ApiError("invalid_ip", err.message);
    if (err instanceof ProviderError && err.retryable)
      throw new ApiError("upstream_unavailable", `The firmographics provider ${err.provider} is unavailable (${err.code}); try again shortly.`, {
        "Retry-After": String(Math.ceil(err.retryAfterSeconds ?? 30)),
      });
    throw err;
  }
});
