import { describe, expect, it } from "vitest";
import { worker } from "./support/fixtures";

const get = (path: string, headers: Record<string, string> = {}) =>
  worker.fetch(new Request(`https://api.sillage.test${path}`, { headers, redirect: "manual" }));

describe("demo marketing site under /demo/", () => {
  it("serves its pages with the real snippet, folders by their index", async () => {
    const res = await get("/demo/tarifs/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain('src="/t.js" data-site="demo-site-key"');
    expect(html).toContain('<img src="/p.gif?site=demo-site-key"');
    expect((await get("/demo/style.css")).headers.get("Content-Type")).toBe("text/css; charset=utf-8");
  });

  it("redirects a folder without its slash, revalidates with the ETag, and 404s as JSON", async () => {
    const moved = await get("/demo/tarifs");
    expect(moved.status).toBe(308);
    expect(moved.headers.get("Location")).toBe("/demo/tarifs/");
    const etag = (await get("/demo/")).headers.get("ETag")!;
    expect((await get("/demo/", { "If-None-Match": etag })).status).toBe(304);
    const missing = await get("/demo/nulle-part.html");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error).toMatchObject({ code: "not_found", requestId: expect.any(String) });
  });
});
