import type { Context } from "hono";
import type { AppEnv } from "../http/app-factory";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { clientIpKey, limiterFor } from "../http/rate-limit";
import { readBoundedText } from "../http/request-body";
import { newNonce, optOutPage, optOutPageHeaders, type OptOutPageState } from "../privacy/opt-out-page";
import { recordOptOut, siteByPublicKey, VISITOR_KEY_PATTERN, type OptOutResult } from "../privacy/record-opt-out";

/**
 * Public routes (no API key): a visitor's objection to being tracked on a site.
 *
 * - `POST /opt-out` — what the tracker's `sillage('optout')` sends: JSON `{site, vid}` as text/plain (no CORS
 *   preflight, like /collect). 204 at once; the row is written after the answer. Bad input is not stored and
 *   not reported: a beacon has nobody to show an error to, and a uniform answer tells nothing about which site
 *   keys exist. Only a body over 1 KB (read through the stream, chunked or not) is a JSON 413.
 * - `GET /opt-out?site=KEY&vid=…` — a link a site can put in its privacy policy, or a script can call: answers
 *   for a human or a developer, so bad input is a clear JSON 400 (404 for an unknown site), and success a 200
 *   once the opt-out is stored.
 * - `GET /opt-out/page?site=KEY[&vid=…]` (vid also read from `#vid=…`) — a small page in French that explains
 *   and offers the button; `POST /opt-out/page` is that button (a plain form: works without JavaScript).
 *
 * Opting out is per browser and per site. Past data stays until retention or erasure (the site's owner is the
 * data controller); the collector drops every later hit of that browser (drop reason "opted_out").
 */

const MAX_BODY = 1024;
const NO_STORE = { "Cache-Control": "no-store" };
const CORS = { "Access-Control-Allow-Origin": "*" };

/** Each stored opt-out is a write: a client IP gets OPT_OUT_LIMITER's budget (see http/rate-limit.ts). */
async function withinLimit(c: Context<AppEnv>): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  return limiterFor(c.env, "OPT_OUT_LIMITER").limit(`opt-out|${clientIpKey(c)}`);
}

function problemError(result: Exclude<OptOutResult, { ok: true }>): ApiError {
  // CORS on errors too, so that a site's script can read why.
  if (result.problem === "unknown_site") return new ApiError("not_found", "No site has this key: `site` is the snippet's data-site value.", CORS);
  if (result.problem === "invalid_site") return new ApiError("bad_request", "Invalid query: site: expected the site's public key (1 to 64 characters).", CORS);
  return new ApiError("bad_request", "Invalid query: vid: expected the tracker's browser id (8 to 64 letters, digits, - or _).", CORS);
}

function page(c: Context<AppEnv>, state: OptOutPageState, status: 200 | 400 | 404 | 429) {
  const nonce = newNonce();
  return c.body(optOutPage(state, nonce), status, optOutPageHeaders(nonce));
}

export const optOutRoutes = newApp()
  .post("/opt-out", async (c) => {
    // Read through the stream: a chunked upload declares no length.
    const text = await readBoundedText(c.req.raw, MAX_BODY);
    if (text === null) throw new ApiError("payload_too_large", `The opt-out body is over ${MAX_BODY} bytes: send {"site", "vid"} only.`, CORS);
    let body: { site?: unknown; vid?: unknown } | null = null;
    try {
      body = text ? (JSON.parse(text) as typeof body) : null;
    } catch {
      body = null;
    }
    if (body && typeof body === "object" && (await withinLimit(c)).ok) {
      const { site, vid } = body;
      c.executionCtx.waitUntil(recordOptOut(c.env.DB, site, vid).catch((err) => console.error("opt-out not recorded", err)));
    }
    return c.body(null, 204, { ...NO_STORE, ...CORS });
  })
  .options("/opt-out", (c) => c.body(null, 204, { ...CORS, "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Max-Age": "86400" }))
  .get("/opt-out", async (c) => {
    const limited = await withinLimit(c);
    if (!limited.ok)
      throw new ApiError("rate_limited", `Too many opt-out requests from this address. Retry in ${limited.retryAfterSeconds} s.`, {
        ...CORS,
        "Retry-After": String(limited.retryAfterSeconds),
      });
    const result = await recordOptOut(c.env.DB, c.req.query("site"), c.req.query("vid"));
    if (!result.ok) throw problemError(result);
    return c.json({ optedOut: true, site: result.site.publicKey }, 200, { ...NO_STORE, ...CORS });
  })
  .get("/opt-out/page", async (c) => {
    const siteKey = c.req.query("site") ?? "";
    const site = await siteByPublicKey(c.env.DB, siteKey);
    if (!site) return page(c, { kind: "error", message: "Ce lien ne correspond à aucun site suivi par Sillage (paramètre « site » absent ou inconnu)." }, 404);
    const vid = c.req.query("vid");
    return page(c, { kind: "ask", siteName: site.name, siteKey: site.publicKey, vid: vid && VISITOR_KEY_PATTERN.test(vid) ? vid : null }, 200);
  })
  .post("/opt-out/page", async (c) => {
    if (!(await withinLimit(c)).ok) return page(c, { kind: "error", message: "Trop de demandes depuis votre connexion : réessayez dans une minute." }, 429);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const result = await recordOptOut(c.env.DB, form.site, form.vid);
    if (result.ok) return page(c, { kind: "done", siteName: result.site.name }, 200);
    if (result.problem === "unknown_site") return page(c, { kind: "error", message: "Ce site n’est pas suivi par Sillage." }, 404);
    return page(c, { kind: "error", message: "Votre navigateur n’a pas pu être identifié : ouvrez cette page depuis le lien du site." }, 400);
  });
