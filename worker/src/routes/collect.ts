import type { Context } from "hono";
import type { AppEnv } from "../http/app-factory";
import { newApp } from "../http/app-factory";
import { captureCollect, capturePixel, type CollectEnvelope } from "../ingest/envelope";
import { ingest } from "../ingest/pipeline";
import { admitCollect } from "../http/rate-limit";

// The smallest transparent GIF (43 bytes).
const GIF = Uint8Array.from(atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), (ch) => ch.charCodeAt(0));

const NO_STORE = { "Cache-Control": "no-store, max-age=0" };

/**
 * Hands the captured request to the queue after the browser has its answer. If the queue itself refuses,
 * the pipeline runs inline in the same waitUntil so that the hit is still stored (or counted as dropped).
 */
function enqueue(c: Context<AppEnv>, envelope: CollectEnvelope) {
  c.executionCtx.waitUntil(
    c.env.HITS.send(envelope).catch(async (err) => {
      console.error("queue send failed, ingesting inline", envelope.requestId, err);
      await ingest(c.env.DB, envelope);
    }),
  );
}

export const collectRoutes = newApp()
  // Tracker beacons: JSON sent as text/plain, so no CORS preflight. Always 204, whatever was sent.
  .post("/collect", async (c) => {
    const envelope = await captureCollect(c.req.raw, c.env, c.get("requestId"));
    if (await admitCollect(c, envelope)) enqueue(c, envelope);
    return c.body(null, 204, { ...NO_STORE, "Access-Control-Allow-Origin": "*" });
  })
  // <noscript> and e-mail pixel: same pipeline, parameters in the query string, always a 1×1 GIF.
  .get("/p.gif", async (c) => {
    const envelope = capturePixel(c.req.raw, c.env, c.get("requestId"));
    if (await admitCollect(c, envelope)) enqueue(c, envelope);
    return c.body(GIF, 200, { ...NO_STORE, "Content-Type": "image/gif" });
  })
  .options("/collect", (c) =>
    c.body(null, 204, { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "POST", "Access-Control-Max-Age": "86400" }),
  );
