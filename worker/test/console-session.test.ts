import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { sha256Hex } from "@sillage/shared/api-key";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "../src/auth/console-sessions-store";
import { MAX_DROP_HOSTNAMES_PER_DAY } from "../src/ingest/drops";
import { runScheduled } from "../src/cron/scheduled";
import { mondayOf } from "../src/scoring/weekly-funnel";
import { CHROME_UA, createTestSite, eventually, worker } from "./support/fixtures";
import { DAY, seedLead, seedTransition } from "./support/leads-data";

const ORIGIN = "https://api.sillage.test";
type Json = Record<string, any>;

async function call(method: string, path: string, opts: { cookie?: string; csrf?: boolean; origin?: string; key?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (opts.csrf) headers["X-Sillage-CSRF"] = "1";
  if (opts.origin) headers.Origin = opts.origin;
  if (opts.key) headers.Authorization = `Bearer ${opts.key}`;
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await worker.fetch(
    new Request(`${ORIGIN}/api/v1${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
}

/** Signs in with `key` as the console does; returns the cookie pair to send back and the raw Set-Cookie. */
async function signIn(key: string) {
  const res = await call("POST", "/session", { csrf: true, origin: ORIGIN, body: { key } });
  expect(res.status).toBe(201);
  const setCookie = res.headers.get("Set-Cookie")!;
  return { cookie: setCookie.split(";")[0]!, setCookie, body: res.body, token: setCookie.split(";")[0]!.split("=")[1]! };
}

const sessionRow = async (token: string) =>
  env.DB.prepare("SELECT * FROM console_sessions WHERE token_hash = ?")
    .bind(await sha256Hex(token))
    .first<Record<string, number | string>>();

describe("console sessions", () => {
  it("exchange an API key for an HttpOnly, Secure, SameSite=Strict cookie scoped to the API, stored hashed", async () => {
    const ws = await createTestSite();
    const { setCookie, cookie, body, token } = await signIn(ws.apiKey);
    expect(setCookie).toMatch(/^sillage_console=[0-9a-f]{64}; /);
    for (const flag of ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1", `Max-Age=${SESSION_MAX_MS / 1000}`]) expect(setCookie).toContain(flag);
    expect(body).toMatchObject({ workspace: { id: ws.workspaceId }, role: "admin", key: { name: "test" } });

    const row = (await sessionRow(token))!;
    expect(row).toMatchObject({ workspace_id: ws.workspaceId });
    // Only the hash is kept: the token itself appears nowhere in the table.
    const { results } = await env.DB.prepare("SELECT * FROM console_sessions").all();
    expect(JSON.stringify(results)).not.toContain(token);

    // The cookie alone authenticates reads, scoped to the key's workspace.
    const me = await call("GET", "/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body.workspace.id).toBe(ws.workspaceId);
    expect((await call("GET", "/session", { cookie })).body.key.name).toBe("test");
    // Without the cookie nor a key: 401 as before.
    expect((await call("GET", "/me")).status).toBe(401);
    expect((await call("GET", "/me", { cookie: "sillage_console=" + "0".repeat(64) })).status).toBe(401);
  });

  it("sign-in refuses requests a cross-site page could make, and keys that are not valid", async () => {
    const ws = await createTestSite();
    const noHeader = await call("POST", "/session", { origin: ORIGIN, body: { key: ws.apiKey } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.headers.get("Set-Cookie")).toBeNull();
    expect((await call("POST", "/session", { csrf: true, origin: "https://evil.example", body: { key: ws.apiKey } })).status).toBe(403);
    const malformed = await call("POST", "/session", { csrf: true, body: { key: "not-a-key" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("bad_request");
    expect((await call("POST", "/session", { csrf: true, body: { key: `slg_${"a".repeat(40)}` } })).status).toBe(401);
  });

  it("state-changing requests on the cookie need the console's CSRF header and a same-origin Origin", async () => {
    const ws = await createTestSite();
    const { cookie } = await signIn(ws.apiKey);
    const site = { name: "Boutique", allowedHostnames: ["shop.exemple.fr"] };
    const bare = await call("POST", "/sites", { cookie, body: site });
    expect(bare.status).toBe(403);
    expect(bare.body.error.message).toContain("X-Sillage-CSRF");
    expect((await call("POST", "/sites", { cookie, csrf: true, origin: "https://evil.example", body: site })).status).toBe(403);
    const ok = await call("POST", "/sites", { cookie, csrf: true, origin: ORIGIN, body: site });
    expect(ok.status).toBe(201);
    expect(ok.body.allowedHostnames).toEqual(["shop.exemple.fr"]);
    // Bearer keys are unchanged: scripts need no CSRF header.
    expect((await call("POST", "/sites", { key: ws.apiKey, body: { ...site, name: "Autre" } })).status).toBe(201);
  });

  it("revoking the key ends its sessions at once", async () => {
    const ws = await createTestSite();
    const member = await call("POST", "/members", { key: ws.apiKey, body: { email: `s.${Date.now()}@exemple.fr`, name: "Sophie", role: "member" } });
    const created = await call("POST", "/keys", { key: ws.apiKey, body: { memberId: member.body.id, name: "portable" } });
    const { cookie, body } = await signIn(created.body.key);
    expect(body.member).toMatchObject({ name: "Sophie" });
    expect(body.role).toBe("member");
    expect((await call("GET", "/me", { cookie })).status).toBe(200);

    expect((await call("DELETE", `/keys/${created.body.id}`, { key: ws.apiKey })).status).toBe(200);
    const after = await call("GET", "/me", { cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toContain("Sign in again");
    // The cron job then removes the dead session.
    const report = await runScheduled(env, Date.now());
    expect(report.purgedConsoleSessions).toBeGreaterThanOrEqual(1);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM console_sessions WHERE key_id = ?").bind(created.body.id).first("n")).toBe(0);
  });

  it("expires after 12 idle hours, slides on use, and never lives past 7 days", async () => {
    const ws = await createTestSite();
    const { cookie, token } = await signIn(ws.apiKey);
    const hash = await sha256Hex(token);
    const now = Date.now();

    // In use an hour before its expiry: pushed 12 h ahead of now.
    await env.DB.prepare("UPDATE console_sessions SET expires_at = ? WHERE token_hash = ?")
      .bind(now + 3600_000, hash)
      .run();
    expect((await call("GET", "/me", { cookie })).status).toBe(200);
    const slid = await eventually(async () => {
      const e = Number((await sessionRow(token))!.expires_at);
      return e > now + 3600_000 ? e : null;
    });
    expect(slid).toBeGreaterThanOrEqual(now + SESSION_IDLE_MS - 60_000);

    // Signed in almost 7 days ago: the expiry stops at the 7-day cap.
    const created = now - SESSION_MAX_MS + 2 * 3600_000;
    await env.DB.prepare("UPDATE console_sessions SET created_at = ?, expires_at = ? WHERE token_hash = ?")
      .bind(created, now + 60_000, hash)
      .run();
    expect((await call("GET", "/me", { cookie })).status).toBe(200);
    await eventually(async () => Number((await sessionRow(token))!.expires_at) === created + SESSION_MAX_MS);

    // Past its expiry: refused.
    await env.DB.prepare("UPDATE console_sessions SET expires_at = ? WHERE token_hash = ?")
      .bind(now - 1, hash)
      .run();
    expect((await call("GET", "/me", { cookie })).status).toBe(401);
  });

  it("sign-out deletes the session and clears the cookie", async () => {
    const ws = await createTestSite();
    const { cookie, token } = await signIn(ws.apiKey);
    expect((await call("DELETE", "/session", { cookie })).status).toBe(403); // no CSRF header
    const out = await call("DELETE", "/session", { cookie, csrf: true, origin: ORIGIN });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(out.headers.get("Set-Cookie")).toMatch(/^sillage_console=; .*Max-Age=0/);
    expect(await sessionRow(token)).toBeNull();
    expect((await call("GET", "/me", { cookie })).status).toBe(401);
  });
});

describe("the console under /app/", () => {
  const get = (path: string) => worker.fetch(new Request(`${ORIGIN}${path}`, { redirect: "manual" }));

  it("is served with a strict CSP, and its pages all answer with the app", async () => {
    const res = await get("/app/");
    expect(res.status).toBe(200);
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const html = await res.text();
    // No inline script: every <script> loads a file of this origin.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inner] of scripts) {
      expect(attrs).toMatch(/src="\/app\/assets\/[^"]+\.js"/);
      expect(inner!.trim()).toBe("");
    }
    const js = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await get(js);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("Cache-Control")).toContain("immutable");
    expect(asset.headers.get("Content-Type")).toBe("application/javascript; charset=utf-8");

    const deep = await get("/app/leads/lead_123");
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    expect((await get("/app")).headers.get("Location")).toBe("/app/");
    const missing = await get("/app/assets/nope.js");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).error.code).toBe("not_found");
  });
});

describe("installation check and weekly funnel", () => {
  const collect = (body: unknown) =>
    worker.fetch(
      new Request(`${ORIGIN}/collect`, {
        method: "POST",
        headers: { "Content-Type": "text/plain", "User-Agent": CHROME_UA, "X-Sillage-Client-IP": "203.0.113.9" },
        body: JSON.stringify(body),
      }),
    );

  it("shows a site's first and latest hits and its drops by reason", async () => {
    const ws = await createTestSite({ hostnames: ["www.exemple.fr"] });
    const before = await call("GET", `/sites/${ws.siteId}/installation`, { key: ws.apiKey });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ installed: false, firstHitAt: null, recentHits: [], drops: [], allowedHostnames: ["www.exemple.fr"] });

    await collect({ site: ws.siteKey, vid: "v-inst-1", type: "pageview", url: "https://www.exemple.fr/tarifs" });
    await collect({ site: ws.siteKey, vid: "v-inst-1", type: "pageview", url: "https://exemple.fr/" });
    const after = await eventually(async () => {
      const r = await call("GET", `/sites/${ws.siteId}/installation`, { key: ws.apiKey });
      return r.body.installed && r.body.drops.length > 0 ? r : null;
    });
    expect(after.body.recentHits).toEqual([expect.objectContaining({ type: "pageview", hostname: "www.exemple.fr", path: "/tarifs" })]);
    expect(after.body.firstHitAt).toBe(after.body.lastHitAt);
    expect(after.body.hitsLastDay).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(after.body.drops).toEqual([{ reason: "hostname_not_allowed", count: 1, lastDay: today }]);
    // The hostname that was refused, so that the marketer knows what to add.
    expect(after.body.rejectedHostnames).toEqual([{ hostname: "exemple.fr", count: 1, lastDay: today }]);

    const other = await createTestSite();
    expect((await call("GET", `/sites/${ws.siteId}/installation`, { key: other.apiKey })).status).toBe(404);
  });

  it("keeps a few refused hostnames per site and day, however many a forged flood sends", async () => {
    const ws = await createTestSite({ hostnames: ["www.exemple.fr"] });
    for (let i = 0; i < MAX_DROP_HOSTNAMES_PER_DAY + 3; i++) await collect({ site: ws.siteKey, vid: `v-flood-${i}`, url: `https://h${i}.pirate.example/` });
    await collect({ site: ws.siteKey, vid: "v-flood-again", url: "https://h0.pirate.example/x" });
    const found = await eventually(async () => {
      const r = await call("GET", `/sites/${ws.siteId}/installation`, { key: ws.apiKey });
      return r.body.drops[0]?.count === MAX_DROP_HOSTNAMES_PER_DAY + 4 ? r.body : null;
    });
    expect(found.rejectedHostnames).toHaveLength(MAX_DROP_HOSTNAMES_PER_DAY);
    // A hostname already kept still counts after the day is full.
    expect(found.rejectedHostnames[0]).toMatchObject({ hostname: "h0.pirate.example", count: 2 });
  });

  it("counts new leads, MQLs and SQLs per week, every week of the period present", async () => {
    const ws = await createTestSite();
    const monday = Date.parse("2026-11-02T00:00:00Z");
    const a = await seedLead(ws, { name: "Alpha", firstSeenAt: monday + 3600_000 });
    const b = await seedLead(ws, { name: "Beta", firstSeenAt: monday + 2 * DAY });
    await seedTransition(ws, a, { from: "identified", to: "mql", at: monday + DAY });
    await seedTransition(ws, a, { from: "mql", to: "sql", at: monday + 8 * DAY });
    await seedTransition(ws, b, { from: "identified", to: "mql", at: monday + 6 * DAY + 23 * 3600_000 }); // Sunday night: still week 1
    const res = await call("GET", "/scoring/kpis/weekly?from=2026-11-01&to=2026-11-22", { key: ws.apiKey });
    expect(res.status).toBe(200);
    expect(res.body.weeks).toEqual([
      { week: "2026-10-26", leads: 0, mqls: 0, sqls: 0 },
      { week: "2026-11-02", leads: 2, mqls: 2, sqls: 0 },
      { week: "2026-11-09", leads: 0, mqls: 0, sqls: 1 },
      { week: "2026-11-16", leads: 0, mqls: 0, sqls: 0 },
    ]);
    expect(mondayOf(Date.parse("2026-11-08T23:00:00Z"))).toBe("2026-11-02");
    expect((await call("GET", "/scoring/kpis/weekly?from=2026-11-22&to=2026-11-01", { key: ws.apiKey })).status).toBe(400);
  });
});
