import { describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { API_KEY_PATTERN, hashApiKey } from "@sillage/shared/api-key";
import { createApp } from "../src/http/app-factory";
import { LIMITS, admitCollect, bindingLimiter, limiterFor, rateLimit, rateLimitByKey, tokenBucketLimiter } from "../src/http/rate-limit";
import type { CollectEnvelope } from "../src/ingest/envelope";
import { normaliseHostnames } from "../src/members/site-hostnames";
import { createTestSite, eventually, worker, type TestSite } from "./support/fixtures";
import { apiCall as call, rowsMentioning } from "./support/api";

type Json = Record<string, any>;

/** A member and a key of theirs, through the API. */
async function memberWithKey(admin: string, role: "admin" | "member", email = `${role}.${crypto.randomUUID().slice(0, 8)}@exemple.fr`) {
  const member = await call(admin, "POST", "/members", { email, name: `Personne ${role}`, role });
  expect(member.status).toBe(201);
  const key = await call(admin, "POST", "/keys", { memberId: member.body.id, name: `clé ${role}` });
  expect(key.status).toBe(201);
  return { member: member.body, key: key.body.key as string, keyId: key.body.id as string };
}

describe("members", () => {
  it("an admin adds, lists and removes members; removal revokes their keys at once", async () => {
    const ws = await createTestSite();
    const { member, key } = await memberWithKey(ws.apiKey, "member", "Sophie.Leroy@Exemple.fr");
    expect(member).toMatchObject({ email: "sophie.leroy@exemple.fr", role: "member", removedAt: null });
    expect((await call(key, "GET", "/me")).status).toBe(200);

    const dup = await call(ws.apiKey, "POST", "/members", { email: "sophie.leroy@exemple.fr", name: "Encore", role: "admin" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("conflict");

    const list = await call(key, "GET", "/members"); // reading needs no admin key
    expect(list.status).toBe(200);
    expect(list.body.members.map((m: Json) => m.id)).toEqual([member.id]);

    const removed = await call(ws.apiKey, "DELETE", `/members/${member.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ revokedKeys: 1, member: { id: member.id } });
    expect(removed.body.member.removedAt).not.toBeNull();
    expect((await call(key, "GET", "/me")).status).toBe(401);
    expect((await call(ws.apiKey, "GET", "/members")).body.members).toEqual([]);
    expect((await call(ws.apiKey, "GET", "/members?includeRemoved=true")).body.members).toHaveLength(1);

    // Adding the address again brings the same member back (notes they signed keep their author).
    const back = await call(ws.apiKey, "POST", "/members", { email: "sophie.leroy@exemple.fr", name: "Sophie Leroy", role: "admin" });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ id: member.id, role: "admin", name: "Sophie Leroy", removedAt: null });
  });

  it("validates what it is given", async () => {
    const ws = await createTestSite();
    for (const body of [
      { email: "pas-une-adresse", name: "X" },
      { email: "a@b.fr", name: "" },
      { email: "a@b.fr", name: "X", role: "owner" },
    ]) {
      const res = await call(ws.apiKey, "POST", "/members", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("bad_request");
    }
  });
});

describe("API keys", () => {
  it("are shown once, stored as a hash only, listed by prefix", async () => {
    const ws = await createTestSite();
    const { member, key, keyId } = await memberWithKey(ws.apiKey, "admin");
    expect(key).toMatch(API_KEY_PATTERN);

    const row = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(keyId).first<Json>();
    expect(row).toMatchObject({ hash: await hashApiKey(key), prefix: key.slice(0, 12), member_id: member.id, role: "admin" });
    // The clear key is nowhere in the database (nor is its hash in any answer). The search does find the hash.
    expect(await rowsMentioning(key)).toEqual([]);
    expect((await rowsMentioning(row!.hash)).map((r) => r.table)).toEqual(["api_keys"]);

    const list = await call(ws.apiKey, "GET", "/keys");
    expect(list.status).toBe(200);
    const listed = list.body.keys.find((k: Json) => k.id === keyId);
    expect(listed).toMatchObject({
      prefix: key.slice(0, 12),
      name: "clé admin",
      role: "admin",
      member: { id: member.id, email: member.email },
      revokedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(JSON.stringify(list.body)).not.toContain(row!.hash);

    // Using a key records when (minute resolution, after the answer).
    expect((await call(key, "GET", "/me")).status).toBe(200);
    await eventually(async () => (await call(ws.apiKey, "GET", "/keys")).body.keys.find((k: Json) => k.id === keyId).lastUsedAt);
  });

  it("a revoked key is refused with the next request", async () => {
    const ws = await createTestSite();
    const { key, keyId } = await memberWithKey(ws.apiKey, "member");
    expect((await call(key, "GET", "/me")).status).toBe(200);
    const revoked = await call(ws.apiKey, "DELETE", `/keys/${keyId}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await call(key, "GET", "/me");
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("unauthorized");
    // Revoking again keeps the first date.
    expect((await call(ws.apiKey, "DELETE", `/keys/${keyId}`)).body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it("a key never exceeds its member's role, and the last admin key cannot be revoked", async () => {
    const ws = await createTestSite();
    const { member } = await memberWithKey(ws.apiKey, "member");
    const tooHigh = await call(ws.apiKey, "POST", "/keys", { memberId: member.id, name: "x", role: "admin" });
    expect(tooHigh.status).toBe(400);
    const unknown = await call(ws.apiKey, "POST", "/keys", { memberId: "mbr_nope", name: "x" });
    expect(unknown.status).toBe(404);

    const fixtureKeyId = (await call(ws.apiKey, "GET", "/keys")).body.keys.find((k: Json) => k.member === null).id;
    const last = await call(ws.apiKey, "DELETE", `/keys/${fixtureKeyId}`);
    expect(last.status).toBe(409);
    const other = await memberWithKey(ws.apiKey, "admin");
    expect((await call(other.key, "DELETE", `/keys/${fixtureKeyId}`)).status).toBe(200);
    // Nor can the holder of the last admin keys be removed.
    const removeLast = await call(other.key, "DELETE", `/members/${other.member.id}`);
    expect(removeLast.status).toBe(409);
  });
});

describe("roles", () => {
  it("a member-role key reads but cannot change anything (403 forbidden)", async () => {
    const ws = await createTestSite();
    const { key, keyId, member } = await memberWithKey(ws.apiKey, "member");
    for (const path of ["/members", "/keys", "/sites", "/workspace", "/privacy/retention"]) {
      expect((await call(key, "GET", path)).status, path).toBe(200);
    }
    const changes: Array<[string, string, unknown?]> = [
      ["POST", "/members", { email: "x@exemple.fr", name: "X" }],
      ["DELETE", `/members/${member.id}`],
      ["POST", "/keys", { memberId: member.id, name: "la mienne" }],
      ["DELETE", `/keys/${keyId}`],
      ["PATCH", "/workspace", { retentionDays: 1 }],
      ["POST", "/sites", { name: "S", allowedHostnames: [] }],
      ["PATCH", `/sites/${ws.siteId}`, { name: "S" }],
      ["POST", "/privacy/erase", { email: "x@exemple.fr" }],
      ["POST", "/privacy/purge"],
      ["DELETE", "/contacts/ct_x"],
      ["DELETE", "/visitors/vis_x"],
    ];
    for (const [method, path, body] of changes) {
      const res = await call(key, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect((await call(ws.apiKey, "GET", "/workspace")).body.retentionDays).toBe(395);
  });
});

describe("workspace settings", () => {
  it("reads defaults and changes validated settings", async () => {
    const ws = await createTestSite();
    const before = await call(ws.apiKey, "GET", "/workspace");
    expect(before.body).toMatchObject({
      id: ws.workspaceId,
      keepRawIp: false,
      retentionDays: 395,
      slaHours: 48,
      providerChain: ["sirene-local", "recherche-entreprises"],
      providerChainIsDefault: true,
    });
    const patched = await call(ws.apiKey, "PATCH", "/workspace", {
      name: "Acme France",
      retentionDays: 90,
      slaHours: 24,
      keepRawIp: true,
      providerChain: ["recherche-entreprises", "pappers"],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: "Acme France",
      retentionDays: 90,
      slaHours: 24,
      keepRawIp: true,
      providerChain: ["recherche-entreprises", "pappers"],
      providerChainIsDefault: false,
      unavailableProviders: ["pappers"], // no PAPPERS_API_KEY in tests
    });
    expect((await call(ws.apiKey, "GET", "/workspace")).body.retentionDays).toBe(90);

    for (const bad of [
      { retentionDays: 0 },
      { retentionDays: 3651 },
      { retentionDays: 1.5 },
      { providerChain: ["societe-com"] },
      { providerChain: [] },
      { providerChain: ["pappers", "pappers"] },
      { keepRawIp: "yes" },
      { plan: "pro" },
      {},
    ]) {
      const res = await call(ws.apiKey, "PATCH", "/workspace", bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await call(ws.apiKey, "PATCH", "/workspace", { retentionDays: 3650 })).status).toBe(200);
    expect((await call(ws.apiKey, "PATCH", "/workspace", { retentionDays: 1 })).status).toBe(200);
  });
});

describe("sites", () => {
  it("creates a site with a generated public key and normalised hostnames; the collector accepts it", async () => {
    const ws = await createTestSite();
    const created = await call(ws.apiKey, "POST", "/sites", { name: "Blog", allowedHostnames: ["Blog.Exemple.FR.", "*.exemple.fr", "blog.exemple.fr"] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Blog", allowedHostnames: ["blog.exemple.fr", "*.exemple.fr"], respectDnt: false, respectGpc: true });
    expect(created.body.publicKey).toMatch(/^pk_[a-z0-9]{24}$/);
    expect((await call(ws.apiKey, "GET", "/sites")).body.sites.map((s: Json) => s.id)).toContain(created.body.id);

    const res = await worker.fetch(
      new Request("https://api.sillage.test/collect", {
        method: "POST",
        headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" },
        body: JSON.stringify({ site: created.body.publicKey, vid: "site-test-visitor-1", url: "https://blog.exemple.fr/article" }),
      }),
    );
    expect(res.status).toBe(204);
    await eventually(() => env.DB.prepare("SELECT id FROM hits WHERE site_id = ?").bind(created.body.id).first());

    const updated = await call(ws.apiKey, "PATCH", `/sites/${created.body.id}`, { allowedHostnames: ["www.exemple.fr"], respectDnt: true });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: "Blog", publicKey: created.body.publicKey, allowedHostnames: ["www.exemple.fr"], respectDnt: true });
  });

  it("refuses hostnames that are not hostnames, with a message that says why", async () => {
    const ws = await createTestSite();
    const res = await call(ws.apiKey, "POST", "/sites", { name: "S", allowedHostnames: ["https://www.exemple.fr/"] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("URL");
    expect(normaliseHostnames(["*"])).toMatchObject({ ok: false });
    for (const bad of ["exemple.fr:8080", "ex ample.fr", "*.*.fr", "-x.fr", "exemple.fr?x", "1.2.3", "a".repeat(64) + ".fr"]) {
      expect(normaliseHostnames([bad]).ok, bad).toBe(false);
    }
    expect(normaliseHostnames(["localhost", "127.0.0.1", "Café.fr"])).toEqual({
      ok: true,
      value: ["localhost", "127.0.0.1", new URL("http://café.fr").hostname],
    });
    expect(normaliseHostnames([])).toEqual({ ok: true, value: [] });
  });
});

describe("tenant isolation", () => {
  it("workspace B can neither see nor change A's members, keys, sites or settings", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    const aMember = await memberWithKey(a.apiKey, "member");
    const before = await env.DB.prepare("SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY id").bind(a.workspaceId).all();

    for (const path of ["/members", "/keys", "/sites"]) {
      const text = JSON.stringify((await call(b.apiKey, "GET", path)).body);
      expect(text).not.toContain(a.workspaceId);
      expect(text).not.toContain(aMember.member.id);
      expect(text).not.toContain(a.siteKey);
    }
    expect((await call(b.apiKey, "GET", "/workspace")).body.id).toBe(b.workspaceId);

    const attempts: Array<[string, string, unknown?]> = [
      ["DELETE", `/members/${aMember.member.id}`],
      ["POST", "/keys", { memberId: aMember.member.id, name: "volée" }],
      ["DELETE", `/keys/${aMember.keyId}`],
      ["PATCH", `/sites/${a.siteId}`, { allowedHostnames: ["pirate.example"] }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(b.apiKey, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // B's PATCH /workspace changes B only.
    await call(b.apiKey, "PATCH", "/workspace", { retentionDays: 7 });
    expect((await call(a.apiKey, "GET", "/workspace")).body.retentionDays).toBe(395);
    expect((await env.DB.prepare("SELECT * FROM api_keys WHERE workspace_id = ? ORDER BY id").bind(a.workspaceId).all()).results).toEqual(before.results);
    expect((await call(aMember.key, "GET", "/me")).status).toBe(200);
    const site = await env.DB.prepare("SELECT allowed_hostnames AS h FROM sites WHERE id = ?").bind(a.siteId).first<{ h: string }>();
    expect(JSON.parse(site!.h)).toEqual(["www.exemple.fr"]);
  });
});

describe("OpenAPI", () => {
  it("documents every route added here", async () => {
    const doc = (await (await worker.fetch(new Request("https://api.sillage.test/api/v1/openapi.json"))).json()) as { paths: Json };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/members",
        "/members/{id}",
        "/keys",
        "/keys/{id}",
        "/sites",
        "/sites/{id}",
        "/workspace",
        "/contacts/{id}",
        "/visitors/{id}",
        "/privacy/erase",
        "/privacy/retention",
        "/privacy/purge",
      ]),
    );
    expect(Object.keys(doc.paths["/workspace"])).toEqual(expect.arrayContaining(["get", "patch"]));
  });
});

describe("rate limits", () => {
  /** A bare app with a fixed auth, so that only the limiter decides. */
  function limitedApp(keyId: string, middleware = rateLimitByKey) {
    const app = createApp();
    app.use("*", async (c, next) => {
      c.set("auth", { keyId, workspaceId: "ws_x", role: "admin" });
      await next();
    });
    app.use("*", middleware);
    app.get("/x", (c) => c.json({ ok: true }));
    return app;
  }
  const hit = (app: ReturnType<typeof limitedApp>) => app.fetch(new Request("https://api.sillage.test/x"), env, createExecutionContext());

  it("answers 429 with Retry-After and the JSON error once a key is over its limit; other keys are unaffected", async () => {
    const app = limitedApp(`key_${crypto.randomUUID()}`);
    let res: Response | undefined;
    // The binding counts per fixed window, the fallback bucket continuously: at most two windows' worth.
    for (let i = 0; i <= 2 * LIMITS.API_LIMITER.limit; i++) {
      res = await hit(app);
      if (res.status !== 200) break;
    }
    expect(res!.status).toBe(429);
    const retryAfter = Number(res!.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.API_LIMITER.periodSeconds);
    const body = (await res!.json()) as Json;
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toContain("API key");
    expect((await hit(limitedApp(`key_${crypto.randomUUID()}`))).status).toBe(200);
  });

  it("the token bucket refills over the period and says how long to wait", async () => {
    let now = 1_000_000;
    const limiter = tokenBucketLimiter({ limit: 3, periodSeconds: 60 }, () => now);
    for (let i = 0; i < 3; i++) expect(await limiter.limit("k")).toEqual({ ok: true });
    expect(await limiter.limit("k")).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(await limiter.limit("other")).toEqual({ ok: true });
    now += 20_000;
    expect(await limiter.limit("k")).toEqual({ ok: true });
    expect((await limiter.limit("k")).ok).toBe(false);
  });

  it("uses the Cloudflare binding when configured, and lets requests through if it fails", async () => {
    const denied = { limit: async () => ({ success: false }) } as RateLimit;
    expect(await limiterFor({ ...env, API_LIMITER: denied } as never, "API_LIMITER").limit("k")).toEqual({ ok: false, retryAfterSeconds: 60 });
    const broken = { limit: async () => Promise.reject(new Error("down")) } as RateLimit;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await bindingLimiter(broken, { limit: 1, periodSeconds: 10 }).limit("k")).toEqual({ ok: true });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();

    const app = limitedApp(
      "key_custom",
      rateLimit({
        what: "this test",
        limit: { limit: 1, periodSeconds: 10 },
        key: () => "k",
        limiter: () => bindingLimiter(denied, { limit: 1, periodSeconds: 10 }),
      }),
    );
    const res = await hit(app);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("10");
  });

  it("the collector's limit counts the excess as the drop reason rate_limited instead of refusing", async () => {
    const site: TestSite = await createTestSite();
    const denied = { limit: async () => ({ success: false }) } as RateLimit;
    const ctx = createExecutionContext();
    const testEnv = { ...env, COLLECT_LIMITER: denied } as never;
    for (let i = 0; i < 3; i++) {
      const envelope = { requestId: "r", source: "collect", receivedAt: Date.now(), body: JSON.stringify({ site: site.siteKey }), ip: null } as CollectEnvelope;
      expect(await admitCollect(testEnv, ctx, envelope)).toBe(false);
    }
    await waitOnExecutionContext(ctx);
    const count = await eventually(() =>
      env.DB.prepare("SELECT sum(count) AS n FROM drop_counters WHERE site_key = ? AND reason = 'rate_limited'")
        .bind(site.siteKey)
        .first<{ n: number | null }>()
        .then((r) => (r?.n === 3 ? r.n : null)),
    );
    expect(count).toBe(3);
  });
});
