import { createRoute, z } from "@hono/zod-openapi";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { idParam, memberJson, memberSchema, roleSchema } from "./api-schemas";
import { addMember, listMembers, removeMember } from "./members-store";
import { requireAdmin } from "../auth/require-admin";

const listRoute = createRoute({
  method: "get",
  path: "/members",
  summary: "People of the workspace",
  request: { query: z.object({ includeRemoved: z.enum(["true", "false"]).optional() }) },
  responses: { 200: json(z.object({ members: z.array(memberSchema) }), "Members"), ...errorResponses(400, 401) },
});

const addRoute = createRoute({
  method: "post",
  path: "/members",
  summary: "Add a member (admin)",
  description: "An e-mail address is unique per workspace; adding a removed member's address brings them back.",
  request: {
    body: jsonBody(
      z.object({
        email: z.string().trim().pipe(z.email().max(254)),
        name: z.string().trim().min(1).max(200),
        role: roleSchema.default("member"),
      }),
    ),
  },
  responses: { 201: json(memberSchema, "Member added"), ...errorResponses(400, 401, 403, 409) },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/members/{id}",
  summary: "Remove a member and revoke their keys (admin)",
  description: "The member stays in the list of removed members, so that notes they wrote keep their author.",
  request: { params: idParam },
  responses: {
    200: json(z.object({ member: memberSchema, revokedKeys: z.number().int() }), "Member removed"),
    ...errorResponses(401, 403, 404, 409),
  },
});

export const membersApi = newApp()
  .openapi(listRoute, async (c) => {
    const { workspaceId } = c.get("auth");
    const members = await listMembers(c.env.DB, workspaceId, { includeRemoved: c.req.valid("query").includeRemoved === "true" });
    return c.json({ members: members.map(memberJson) }, 200);
  })
  .openapi(addRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const { member } = await addMember(c.env.DB, workspaceId, c.req.valid("json"), Date.now());
    return c.json(memberJson(member), 201);
  })
  .openapi(removeRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const { id } = c.req.valid("param");
    const removed = await removeMember(c.env.DB, workspaceId, id, Date.now());
    if (!removed) throw new ApiError("not_found", `No member ${id} in this workspace.`);
    return c.json({ member: memberJson(removed.member), revokedKeys: removed.revokedKeys }, 200);
  });
