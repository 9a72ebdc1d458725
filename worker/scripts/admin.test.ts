import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatListing, localBackend, main, parseInvocation, remoteBackend, UsageError, type Invocation, type Io } from "./admin";

const KEY = `slg_${"a1".repeat(20)}`;
const parse = (line: string[], env: Record<string, string> = {}) => parseInvocation(line, env);
const usage = (line: string[], env: Record<string, string> = {}) => {
  try {
    parseInvocation(line, env);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`expected a usage error for: ${line.join(" ")}`);
};

describe("admin CLI arguments", () => {
  it("reads each command, locally by default", () => {
    expect(parse(["workspace:create", "Acme France"])).toEqual<Invocation>({
      command: { name: "workspace:create", workspaceName: "Acme France" },
      target: { kind: "local", persistTo: undefined },
      json: false,
    });
    expect(parse(["site:create", "ws_1", "Site vitrine", "--hosts", " www.acme.fr, *.acme.fr ,"]).command).toEqual({
      name: "site:create",
      workspace: "ws_1",
      siteName: "Site vitrine",
      hosts: ["www.acme.fr", "*.acme.fr"],
    });
    expect(parse(["member:add", "ws_1", "Claire@Acme.fr", "Claire Martin", "--role=admin"]).command).toEqual({
      name: "member:add",
      workspace: "ws_1",
      email: "claire@acme.fr",
      memberName: "Claire Martin",
      role: "admin",
    });
    expect(parse(["member:add", "ws_1", "paul@acme.fr", "Paul"]).command).toMatchObject({ role: "member" });
    expect(parse(["key:create", "ws_1", "--member", "mbr_1", "--name", "Extension"]).command).toEqual({
      name: "key:create",
      workspace: "ws_1",
      keyName: "Extension",
      memberId: "mbr_1",
      role: null,
    });
    expect(parse(["key:create", "ws_1", "--name", "Bootstrap"]).command).toMatchObject({ memberId: null, role: null });
    expect(parse(["key:revoke", "key_1"]).command).toEqual({ name: "key:revoke", keyId: "key_1" });
    expect(parse(["list"]).command).toEqual({ name: "list", workspace: null });
    expect(parse(["list", "ws_1", "--json", "--persist-to", "/tmp/state"])).toEqual({
      command: { name: "list", workspace: "ws_1" },
      target: { kind: "local", persistTo: "/tmp/state" },
      json: true,
    });
  });

  it("shows help without a command or with --help", () => {
    expect(parse([]).command).toEqual({ name: "help" });
    expect(parse(["--help"]).command).toEqual({ name: "help" });
    expect(parse(["key:create", "-h"]).command).toEqual({ name: "help" });
  });

  it("reads the remote target, with the key from --key or SILLAGE_ADMIN_KEY", () => {
    expect(parse(["list", "--remote", "https://sillage.acme.workers.dev/some/path", "--key", KEY]).target).toEqual({
      kind: "remote",
      url: "https://sillage.acme.workers.dev",
      key: KEY,
    });
    expect(parse(["key:revoke", "key_1", "--remote", "http://127.0.0.1:8787"], { SILLAGE_ADMIN_KEY: KEY }).target).toMatchObject({ kind: "remote", key: KEY });
  });

  it("says what is wrong", () => {
    expect(usage(["workspace:craete", "X"])).toMatch(/Unknown command "workspace:craete". Did you mean workspace:create\?/);
    expect(usage(["member:add", "ws_1", "claire@acme.fr"])).toMatch(/needs NAME/);
    expect(usage(["member:add", "ws_1", "claire@acme.fr", "Claire", "Martin"])).toMatch(/quote values with spaces/);
    expect(usage(["member:add", "ws_1", "claire", "Claire"])).toMatch(/not an e-mail address/);
    expect(usage(["member:add", "ws_1", "c@acme.fr", "Claire", "--role", "owner"])).toMatch(/--role must be admin or member/);
    expect(usage(["site:create", "ws_1", "Site"])).toMatch(/needs --hosts/);
    expect(usage(["site:create", "ws_1", "Site", "--hosts"])).toMatch(/argument missing|--hosts/);
    expect(usage(["key:create", "ws_1", "--member", "mbr_1"])).toMatch(/needs --name/);
    expect(usage(["key:revoke", "key_1", "--hosts", "a.fr"])).toMatch(/takes no --hosts option/);
    expect(usage(["list", "--colour"])).toMatch(/Unknown option '--colour'/);
    expect(usage(["list", "--remote", "sillage.acme.fr", "--key", KEY])).toMatch(/worker's URL/);
    expect(usage(["list", "--remote", "ftp://sillage.acme.fr", "--key", KEY])).toMatch(/http\(s\)/);
    expect(usage(["list", "--remote", "https://s.acme.fr"])).toMatch(/needs an admin API key/);
    expect(usage(["list", "--remote", "https://s.acme.fr", "--key", "slg_short"])).toMatch(/looks wrong/);
    expect(usage(["list", "--key", KEY])).toMatch(/goes with --remote/);
    expect(usage(["list", "--remote", "https://s.acme.fr", "--key", KEY, "--persist-to", "x"])).toMatch(/cannot go with --remote/);
    expect(usage(["workspace:create", "Acme", "--remote", "https://s.acme.fr", "--key", KEY])).toMatch(/local database only/);
    expect(usage(["key:create", "ws_1", "--name", "K", "--remote", "https://s.acme.fr", "--key", KEY])).toMatch(/--member/);
  });
});

describe("admin CLI through the API (--remote)", () => {
  function fakeApi(workspaceId = "ws_1") {
    const calls: Array<{ method: string; url: string; auth: string | null; body: unknown }> = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method!, url, auth: new Headers(init.headers).get("Authorization"), body });
      const path = new URL(url).pathname.replace("/api/v1", "");
      const json = (status: number, data: unknown) => new Response(JSON.stringify(data), { status, headers: { "Content-Type": "application/json" } });
      if (path === "/workspace") return json(200, { id: workspaceId, name: "Acme", retentionDays: 395, slaHours: 48, keepRawIp: false });
      if (path === "/members" && init.method === "POST") {
        if (body.email === "dup@acme.fr") return json(409, { error: { code: "conflict", message: "dup@acme.fr is already a member", requestId: "r" } });
        return json(201, { id: "mbr_9", ...body, createdAt: "2026-05-01T00:00:00.000Z", removedAt: null });
      }
      if (path === "/keys" && init.method === "POST") return json(201, { id: "key_9", role: "member", member: { email: "c@acme.fr" }, key: KEY });
      return json(404, { error: { code: "not_found", message: "nope", requestId: "r" } });
    }) as unknown as typeof fetch;
    return { calls, backend: remoteBackend({ url: "https://s.acme.fr", key: KEY }, fetchImpl) };
  }
  const io = (backend: ReturnType<typeof fakeApi>["backend"]) => {
    const out: string[] = [];
    const err: string[] = [];
    const value: Io = { env: { SILLAGE_ADMIN_KEY: KEY }, out: (s) => out.push(s), err: (s) => err.push(s), open: async () => backend };
    return { value, out, err };
  };
  const remote = ["--remote", "https://s.acme.fr"];

  it("calls the members and keys routes with the admin key, after checking the workspace", async () => {
    const { calls, backend } = fakeApi();
    const t = io(backend);
    expect(await main(["member:add", "ws_1", "c@acme.fr", "Claire", ...remote], t.value)).toBe(0);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(["GET https://s.acme.fr/api/v1/workspace", "POST https://s.acme.fr/api/v1/members"]);
    expect(calls[1]).toMatchObject({ auth: `Bearer ${KEY}`, body: { email: "c@acme.fr", name: "Claire", role: "member" } });
    expect(t.out.join("")).toContain("Member mbr_9 c@acme.fr (member) added.");

    expect(await main(["key:create", "ws_1", "--member", "mbr_9", "--name", "Ext", ...remote], t.value)).toBe(0);
    expect(calls.at(-1)).toMatchObject({ method: "POST", body: { memberId: "mbr_9", name: "Ext" } });
    expect(t.out.join("")).toContain(`shown once, store it now:\n  ${KEY}`);
  });

  it("stops on another workspace, and reports the API's errors", async () => {
    const { calls, backend } = fakeApi("ws_other");
    const t = io(backend);
    expect(await main(["member:add", "ws_1", "c@acme.fr", "Claire", ...remote], t.value)).toBe(2);
    expect(t.err.join("")).toContain("belongs to workspace ws_other");
    expect(calls).toHaveLength(1);

    const ok = fakeApi();
    const t2 = io(ok.backend);
    expect(await main(["member:add", "ws_1", "dup@acme.fr", "Dup", ...remote], t2.value)).toBe(1);
    expect(t2.err.join("")).toContain("409 conflict: dup@acme.fr is already a member");
    expect(await main(["key:revoke", "key_x", ...remote], t2.value)).toBe(1);
    expect(t2.err.join("")).toContain("404 not_found");
  });

  it("prints usage errors with exit code 2 and help with 0", async () => {
    const t = io(fakeApi().backend);
    expect(await main(["nope"], t.value)).toBe(2);
    expect(t.err.join("")).toContain('Unknown command "nope"');
    expect(await main([], t.value)).toBe(0);
    expect(t.out.join("")).toContain("Usage: npm run admin -- <command>");
  });
});

describe("admin CLI on the local database", () => {
  let dir: string;
  let local: Awaited<ReturnType<typeof import("./local-d1").openLocalD1>>;
  const printed: string[] = [];
  // One proxy for the whole file (opening one takes seconds); the last test goes through main's own opening.
  const io: Io = { env: {}, out: (s) => printed.push(s), err: (s) => printed.push(`ERR ${s}`), open: async () => localBackend(local.db, async () => {}) };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "sillage-admin-"));
    const { openLocalD1 } = await import("./local-d1");
    local = await openLocalD1(dir);
    // The schema, as `wrangler d1 migrations apply --local` leaves it (same files, same statements).
    const migrations = path.join(import.meta.dirname, "../migrations");
    const statements = readdirSync(migrations)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .flatMap((file) => readFileSync(path.join(migrations, file), "utf8").split("--> statement-breakpoint"))
      .filter((sql) => sql.trim());
    await local.db.batch(statements.map((sql) => local.db.prepare(sql)));
  }, 120_000);

  afterAll(async () => {
    await local?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    printed.length = 0;
    const code = await main([...args, "--persist-to", dir, "--json"], io);
    const text = printed.join("");
    return { code, text, json: code === 0 ? JSON.parse(text) : null };
  };

  it("bootstraps a workspace: site, admin member, key; lists and revokes", async () => {
    const ws = await run("workspace:create", "Acme France");
    expect(ws.code, ws.text).toBe(0);
    const site = await run("site:create", ws.json.id, "Site vitrine", "--hosts", "WWW.acme.fr,*.acme.fr");
    expect(site.json).toMatchObject({ allowedHostnames: ["www.acme.fr", "*.acme.fr"] });
    expect(site.json.publicKey).toMatch(/^pk_/);
    const member = await run("member:add", ws.json.id, "claire@acme.fr", "Claire Martin", "--role", "admin");
    expect(member.json).toMatchObject({ email: "claire@acme.fr", role: "admin" });
    const key = await run("key:create", ws.json.id, "--member", member.json.id, "--name", "Claire");
    expect(key.json.key).toMatch(/^slg_[0-9a-f]{40}$/);
    expect(key.json).toMatchObject({ role: "admin", member: { id: member.json.id } });
    const spare = await run("key:create", ws.json.id, "--name", "Secours");
    expect(spare.json).toMatchObject({ role: "admin", member: null });

    const list = await run("list", ws.json.id);
    expect(list.json).toHaveLength(1);
    expect(list.json[0].sites.map((s: { id: string }) => s.id)).toEqual([site.json.id]);
    expect(list.json[0].keys.map((k: { prefix: string }) => k.prefix)).toEqual([key.json.key.slice(0, 12), spare.json.key.slice(0, 12)]);
    expect(JSON.stringify(list.json)).not.toContain(key.json.key);
    expect(formatListing(list.json)).toContain(`${member.json.id}  claire@acme.fr  Claire Martin  admin`);

    const revoked = await run("key:revoke", key.json.id);
    expect(revoked.json.revokedAt).toEqual(expect.any(String));
    // The last admin key stays.
    const last = await run("key:revoke", spare.json.id);
    expect(last.code).toBe(1);
    expect(last.text).toContain("last admin key");
  });

  it("explains mistakes: unknown workspace, duplicate member, bad hostnames", async () => {
    expect((await run("member:add", "ws_nope", "a@b.fr", "A")).text).toContain('No workspace "ws_nope"');
    const ws = await run("workspace:create", "Autre");
    await run("member:add", ws.json.id, "a@b.fr", "A");
    expect((await run("member:add", ws.json.id, "a@b.fr", "A")).text).toContain("already a member");
    const bad = await run("site:create", ws.json.id, "S", "--hosts", "https://www.b.fr/");
    expect(bad.code).toBe(1);
    expect(bad.text).toContain("is a URL");
  });

  it("opens the wrangler dev database itself (--persist-to) and finds what was written", async () => {
    printed.length = 0;
    const code = await main(["list", "--persist-to", dir], { env: {}, out: (s) => printed.push(s), err: (s) => printed.push(`ERR ${s}`) });
    expect(code, printed.join("")).toBe(0);
    expect(printed.join("")).toContain("Acme France");
    expect(printed.join("")).toContain("claire@acme.fr");
  }, 60_000);
});
