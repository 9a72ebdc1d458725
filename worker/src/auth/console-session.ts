import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { ApiError } from "../http/errors";
import type { AuthContext } from "./auth-context";
import { SESSION_MAX_MS, findConsoleSession, touchConsoleSession } from "./console-sessions-store";

/**
 * The console's session cookie. HttpOnly (no script reads it), Secure, SameSite=Strict (never sent from another
 * site), scoped to the API's path. Browsers treat http://127.0.0.1 and http://localhost as secure contexts, so the
 * same cookie works in `npm start`.
 */
export const SESSION_COOKIE = "sillage_console";
export const SESSION_COOKIE_PATH = "/api/v1";

/**
 * Header the console sends on every request. A cross-site form or link cannot set a custom header, and a
 * cross-origin script cannot either without a CORS preflight, which this API never grants.
 */
export const CSRF_HEADER = "X-Sillage-CSRF";

const TOKEN_PATTERN = /^[0-9a-f]{64}$/;

export function sessionCookie(token: string, maxAgeSeconds = SESSION_MAX_MS / 1000): string {
  return `${SESSION_COOKIE}=${token}; Path=${SESSION_COOKIE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}

export const clearedSessionCookie = () => sessionCookie("", 0);

/** The session token the request carries, if it looks like one. */
export function sessionToken(c: Context): string | null {
  const token = getCookie(c, SESSION_COOKIE);
  return token && TOKEN_PATTERN.test(token) ? token : null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF guard for cookie-authenticated (and sign-in) requests that change state: the console's header, and the
 * Origin, when the browser sends one, must be this deployment's own.
 */
export function checkCsrf(c: Context): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  if (c.req.header(CSRF_HEADER) !== "1") {
    throw new ApiError("forbidden", `Cross-site request refused: the console sends the header ${CSRF_HEADER}: 1.`);
  }
  const origin = c.req.header("Origin");
  if (origin && origin !== new URL(c.req.url).origin) throw new ApiError("forbidden", `Cross-site request refused: Origin ${origin} is not this API's.`);
}

/** Auth from the session cookie, or null when the request carries none (then a Bearer key is required). */
export async function consoleSessionAuth(c: Context): Promise<AuthContext | null> {
  const token = sessionToken(c);
  if (!token) return null;
  const now = Date.now();
  const session = await findConsoleSession(c.env.DB, token, now);
  if (!session) throw new ApiError("unauthorized", "Your console session has ended (signed out, expired, or its API key was revoked). Sign in again.");
  checkCsrf(c);
  c.executionCtx.waitUntil(touchConsoleSession(c.env.DB, session, now));
  return { keyId: session.keyId, workspaceId: session.workspaceId, role: session.role };
}
