import { createRoute, z } from "@hono/zod-openapi";
import { API_KEY_PATTERN, hashApiKey } from "@sillage/shared/api-key";
import { checkCsrf, clearedSessionCookie, sessionCookie, sessionToken } from "../auth/console-session";
import { createConsoleSession, deleteConsoleSession, newSessionToken } from "../auth/console-sessions-store";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { iso } from "../lib/iso";
import { findLiveKey, getApiKey } from "../members/api-keys-store";
import { getWorkspace } from "../members/workspaces-store";

const sessionSchema = z
  .object({
    workspace: z.object({ id: z.string(), name: z.string() }),
    role: z.enum(["admin", "member"]),
    key: z.object({ id: z.string(), name: z.string(), prefix: z.string() }),
    member: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  })
  .openapi("ConsoleSession");

const signIn = createRoute({
  method: "post",
  path: "/session",
  summary: "Console sign-in: exchanges an API key for a session cookie (HttpOnly, Secure, SameSite=Strict); send X-Sillage-CSRF: 1",
  request: { body: jsonBody(z.object({ key: z.string().max(100) })) },
  responses: { 201: json(sessionSchema.extend({ expiresAt: z.string() }), "Signed in; the cookie is set"), ...errorResponses(400, 401, 403) },
});

const signOut = createRoute({
  method: "delete",
  path: "/session",
  summary: "Console sign-out: ends the session and clears its cookie",
  responses: { 200: json(z.object({ signedOut: z.boolean() }), "Signed out"), ...errorResponses(403) },
});

const whoAmI = createRoute({
  method: "get",
  path: "/session",
  summary: "Who the request acts as (session cookie or API key): workspace, role, key and its member",
  responses: { 200: json(sessionSchema, "Identity"), ...errorResponses(401) },
});

async function identity(db: D1Database, workspaceId: string, keyId: string) {
  const key = await getApiKey(db, workspaceId, keyId);
  if (!key) throw new ApiError("unauthorized", "Unknown or revoked API key.");
  const name = (await getWorkspace(db, workspaceId))?.name ?? workspaceId;
  return { workspace: { id: workspaceId, name }, role: key.role, key: { id: key.id, name: key.name, prefix: key.prefix }, member: key.member };
}

/** Sign-in and sign-out: before the auth middleware (sign-in has no session yet; sign-out works on an ended one). */
export const consoleSignInRoutes = newApp()
  .openapi(signIn, async (c) => {
    checkCsrf(c);
    const { key } = c.req.valid("json");
    if (!API_KEY_PATTERN.test(key.trim())) throw new ApiError("bad_request", "This is not an API key: keys look like slg_ followed by 40 hex characters.");
    const row = await findLiveKey(c.env.DB, await hashApiKey(key.trim()));
    if (!row) throw new ApiError("unauthorized", "Unknown or revoked API key.");
    const token = newSessionToken();
    const session = await createConsoleSession(c.env.DB, row, token, Date.now());
    c.header("Set-Cookie", sessionCookie(token));
    c.header("Cache-Control", "no-store");
    return c.json({ ...(await identity(c.env.DB, row.workspaceId, row.id)), expiresAt: iso(session.expiresAt) }, 201);
  })
  .openapi(signOut, async (c) => {
    checkCsrf(c);
    const token = sessionToken(c);
    if (token) await deleteConsoleSession(c.env.DB, token);
    c.header("Set-Cookie", clearedSessionCookie());
    return c.json({ signedOut: token !== null }, 200);
  });

export const consoleSessionRoutes = newApp().openapi(whoAmI, async (c) => {
  const { workspaceId, keyId } = c.get("auth");
  return c.json(await identity(c.env.DB, workspaceId, keyId), 200);
});
