import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { DEMO_FILES } from "../generated/demo-site";

/**
 * The demo marketing site (worker/public/demo/, packed at build time) under /demo/: folders answer with their
 * index.html, and a folder named without its trailing slash is redirected to it, as a static host would.
 */
export const demoSiteRoutes = newApp().get("/demo/*", (c) => {
  const path = c.req.path;
  const file = DEMO_FILES[path.endsWith("/") ? `${path}index.html` : path];
  if (!file) {
    if (DEMO_FILES[`${path}/index.html`]) return c.redirect(`${path}/`, 308);
    throw new ApiError("not_found", `No demo page at ${path}`);
  }
  const headers = { "Content-Type": file.type, "Cache-Control": "public, max-age=300", ETag: file.etag };
  if (c.req.header("If-None-Match") === file.etag) return c.body(null, 304, headers);
  return c.body(file.body, 200, headers);
});
