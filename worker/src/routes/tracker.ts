import { newApp } from "../http/app-factory";
import { TRACKER_JS, TRACKER_VERSION } from "../generated/tracker";

/**
 * The tracker script. Long caching at the edge and in browsers; the ETag (content hash) lets a revalidation
 * cost a 304. A new tracker ships under the same URL, so max-age is a day with a week of stale-while-revalidate.
 */
export const trackerRoutes = newApp().get("/t.js", (c) => {
  const etag = `"${TRACKER_VERSION}"`;
  const headers = {
    "Content-Type": "application/javascript; charset=utf-8",
    "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
  };
  if (c.req.header("If-None-Match") === etag) return c.body(null, 304, headers);
  return c.body(TRACKER_JS, 200, headers);
});
