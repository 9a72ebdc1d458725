import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { CONSOLE_FILES } from "../generated/console";

/**
 * The web console (worker/console/, built by Vite at build time and packed into the worker) under /app/.
 * Any path that is not a file is one of the app's own pages: it gets index.html, and the app routes it.
 * Strict CSP: scripts and styles from this origin only, no inline script, no eval, no framing.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "Content-Security-Policy": CONSOLE_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};

export const consoleRoutes = newApp()
  .get("/app", (c) => c.redirect("/app/", 308))
  .get("/app/*", (c) => {
    const path = c.req.path;
    const asset = CONSOLE_FILES[path];
    const isPage = !asset && !/\.[a-z0-9]+$/i.test(path);
    const file = asset ?? (isPage ? CONSOLE_FILES["/app/index.html"] : undefined);
    if (!file) throw new ApiError("not_found", `No console file at ${path}`);
    // Hashed file names never change content: cache them for good; the page itself is revalidated each time.
    const cache = path.startsWith("/app/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    const headers = { ...SECURITY_HEADERS, "Content-Type": file.type, "Cache-Control": cache, ETag: file.etag };
    if (c.req.header("If-None-Match") === file.etag) return c.body(null, 304, headers);
    return c.body(file.body, 200, headers);
  });
