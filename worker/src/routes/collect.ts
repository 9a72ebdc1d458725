import type { Env } from "../env";
import { captureCollect, capturePixel, type CollectEnvelope } from "../ingest/envelope";
import { ingest } from "../ingest/pipeline";
import { admitCollect } from "../http/rate-limit";

// The smallest transparent GIF (43 bytes).
const GIF = Uint8Array.from(atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), (ch) => ch.charCodeAt(0));

const NO_STORE = "no-store, max-age=0";

const gif = (requestId: string, body: BodyInit | null = GIF) =>
  new Response(body, { status: 200, headers: { "Cache-Control": NO_STORE, "Content-Type": "image/gif", "X-Request-Id": requestId } });
const noContent = (requestId: string) =>
  new Response(null, { status: 204, headers: { "Cache-Control": NO_STORE, "Access-Control-Allow-Origin": "*", "X-Request-Id": requestId } });

/**
 * Hands the captured request to the queue after the browser has its answer. If the queue itself refuses,
 * the pipeline runs inline in the same waitUntil so that the hit is still stored (or counted as dropped).
 */
function enqueue(env: Env, ctx: ExecutionContext, envelope: CollectEnvelope) {
  ctx.waitUntil(
    env.HITS.send(envelope).catch(async (err) => {
      console.error("queue send failed, ingesting inline", envelope.requestId, err);
      await ingest(env.DB, envelope);
    }),
  );
}

type Handler = (req: Request, env: Env, ctx: ExecutionContext, requestId: string) => Promise<Response> | Response;

// Tracker beacons: JSON sent as text/plain, so no CORS preflight. Always 204, whatever was sent.
const collect: Handler = async (req, env, ctx, requestId) => {
  const envelope = await captureCollect(req, env, requestId);
  if (await admitCollect(env, ctx, envelope)) enqueue(env, ctx, envelope);
  return noContent(requestId);
};

// <noscript> and e-mail pixel: same pipeline, parameters in the query string, always a 1×1 GIF.
const pixel: Handler = async (req, env, ctx, requestId) => {
  const envelope = capturePixel(req, env, requestId);
  if (await admitCollect(env, ctx, envelope)) enqueue(env, ctx, envelope);
  return gif(requestId);
};

// Link checkers and mail scanners probe with HEAD: an answer, but no visit.
const probe: Handler = (_req, _env, _ctx, requestId) => gif(requestId, null);

const preflight: Handler = (_req, _env, _ctx, requestId) =>
  new Response(null, {
    status: 204,
    headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "POST", "Access-Control-Max-Age": "86400", "X-Request-Id": requestId },
  });

const ROUTES: Record<string, Handler> = { "POST /collect": collect, "GET /p.gif": pixel, "HEAD /p.gif": probe, "OPTIONS /collect": preflight };

/**
 * The collector's endpoints, answered before the API router: they are the hot path (every page view of every
 * customer site), they never answer anything but 204 / a GIF, and skipping the router measurably raises the
 * requests one isolate can take. Returns null for every other request.
 */
export function collectEndpoint(req: Request, env: Env, ctx: ExecutionContext): Promise<Response> | Response | null {
  const { pathname } = new URL(req.url);
  const handler = ROUTES[`${req.method} ${pathname}`];
  if (!handler) return null;
  const requestId = crypto.randomUUID();
  return (async () => {
    try {
      return await handler(req, env, ctx, requestId);
    } catch (err) {
      // Only a broken connection gets here (the body could not be read): there is no hit to keep, and the
      // browser still gets its usual answer.
      console.error("collector request failed", requestId, err);
      return pathname === "/p.gif" ? gif(requestId, req.method === "HEAD" ? null : GIF) : noContent(requestId);
    }
  })();
}
