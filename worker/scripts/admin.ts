/**
 * Sillage admin CLI: workspaces, sites, members and API keys.
 *
 *   npm run admin -- <command> [arguments] [options]      (tsx worker/scripts/admin.ts)
 *
 * LOCAL by default: works on the D1 database that `wrangler dev` / `npm start` use (same --persist-to), through
 * the same store functions as the API. With `--remote URL --key ADMIN_KEY` it does the same through a deployed
 * worker's API (/api/v1/members, /keys, /sites, /workspace), within the key's workspace.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { API_KEY_PATTERN } from "@sillage/shared/api-key";
import type { MemberRole } from "../src/db/schema/members";
import { apiKeyJson, memberJson, siteJson, workspaceJson } from "../src/members/api-schemas";
import { createApiKey, listApiKeys, revokeApiKey, workspaceOfKey } from "../src/members/api-keys-store";
import { addMember, listMembers } from "../src/members/members-store";
import { createSite, listSites } from "../src/members/sites-store";
import { createWorkspace, getWorkspace, listWorkspaces } from "../src/members/workspaces-store";

export const HELP = `Sillage admin — workspaces, sites, members and API keys

Usage: npm run admin -- <command> [arguments] [options]

Commands:
  workspace:create NAME                               create a workspace (local only)
  site:create WORKSPACE NAME --hosts a.fr,*.b.fr      create a site; prints the public key for the snippet
  member:add WORKSPACE EMAIL NAME [--role member|admin]
                                                      add a person (default role: member)
  key:create WORKSPACE --name NAME [--member ID] [--role member|admin]
                                                      create an API key; it is printed once, store it.
                                                      Without --member (local only): a workspace-level key,
                                                      admin unless --role member
  key:revoke KEY_ID                                   revoke a key: it stops working at once
  list [WORKSPACE]                                    workspaces with their sites, members and keys

Options:
  --persist-to DIR   local state directory, as for \`wrangler dev --persist-to\` (default: .wrangler/state)
  --remote URL       act through a deployed worker's API, e.g. https://sillage.example.workers.dev
  --key KEY          admin API key for --remote (or set SILLAGE_ADMIN_KEY)
  --json             print JSON instead of text
  -h, --help         this help

Quote names with spaces: member:add ws_… claire@acme.fr "Claire Martin" --role admin
First steps, locally: workspace:create "Acme" → member:add WS EMAIL NAME --role admin → key:create WS --member ID --name "Claire"
`;

export class UsageError extends Error {}

export type Target = { kind: "local"; persistTo?: string } | { kind: "remote"; url: string; key: string };

export type Command =
  | { name: "help" }
  | { name: "workspace:create"; workspaceName: string }
  | { name: "site:create"; workspace: string; siteName: string; hosts: string[] }
  | { name: "member:add"; workspace: string; email: string; memberName: string; role: MemberRole }
  | { name: "key:create"; workspace: string; keyName: string; memberId: string | null; role: MemberRole | null }
  | { name: "key:revoke"; keyId: string }
  | { name: "list"; workspace: string | null };

export interface Invocation {
  command: Command;
  target: Target;
  json: boolean;
}

/** Positional arguments and the options each command accepts (global options are always accepted). */
const COMMANDS: Record<Exclude<Command["name"], "help">, { args: string[]; optionalArgs?: number; options: string[] }> = {
  "workspace:create": { args: ["NAME"], options: [] },
  "site:create": { args: ["WORKSPACE", "NAME"], options: ["hosts"] },
  "member:add": { args: ["WORKSPACE", "EMAIL", "NAME"], options: ["role"] },
  "key:create": { args: ["WORKSPACE"], options: ["name", "member", "role"] },
  "key:revoke": { args: ["KEY_ID"], options: [] },
  list: { args: ["WORKSPACE"], optionalArgs: 1, options: [] },
};
const GLOBAL_OPTIONS = ["persist-to", "remote", "key", "json", "help"];

function role(value: string | undefined, fallback: MemberRole): MemberRole;
function role(value: string | undefined, fallback: null): MemberRole | null;
function role(value: string | undefined, fallback: MemberRole | null): MemberRole | null {
  if (value === undefined) return fallback;
  if (value !== "admin" && value !== "member") throw new UsageError(`--role must be admin or member, not "${value}".`);
  return value;
}

function target(values: Record<string, string | boolean | undefined>, env: Record<string, string | undefined>): Target {
  const remote = values.remote as string | undefined;
  if (remote === undefined) {
    if (values.key !== undefined) throw new UsageError("--key goes with --remote URL; locally no key is needed.");
    return { kind: "local", persistTo: values["persist-to"] as string | undefined };
  }
  if (values["persist-to"] !== undefined) throw new UsageError("--persist-to is for the local database; it cannot go with --remote.");
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    throw new UsageError(`--remote must be the worker's URL, e.g. https://sillage.example.workers.dev (got "${remote}").`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UsageError("--remote must be an http(s) URL.");
  const key = (values.key as string | undefined) ?? env.SILLAGE_ADMIN_KEY;
  if (!key) throw new UsageError("--remote needs an admin API key: --key slg_… or SILLAGE_ADMIN_KEY.");
  if (!API_KEY_PATTERN.test(key)) throw new UsageError("The API key looks wrong: keys are slg_ followed by 40 hex characters.");
  return { kind: "remote", url: url.origin, key };
}

/** Pure: argv (without node and the script) → what to do, or a UsageError that says what is wrong. */
export function parseInvocation(argv: readonly string[], env: Record<string, string | undefined> = {}): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        "persist-to": { type: "string" },
        remote: { type: "string" },
        key: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        hosts: { type: "string" },
        role: { type: "string" },
        member: { type: "string" },
        name: { type: "string" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/, "."));
  }
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  const json = values.json === true;
  if (values.help || name === undefined || name === "help") return { command: { name: "help" }, target: { kind: "local" }, json };

  const spec = COMMANDS[name as keyof typeof COMMANDS];
  if (!spec) {
    const near = Object.keys(COMMANDS).find((c) => c.startsWith(name.split(":")[0]!));
    throw new UsageError(`Unknown command "${name}".${near ? ` Did you mean ${near}?` : ""} Run with --help for the list.`);
  }
  for (const option of Object.keys(values)) {
    if (!GLOBAL_OPTIONS.includes(option) && !spec.options.includes(option)) throw new UsageError(`${name} takes no --${option} option.`);
  }
  const min = spec.args.length - (spec.optionalArgs ?? 0);
  if (args.length < min) throw new UsageError(`${name} needs ${spec.args.slice(args.length, min).join(" ")}. Usage: ${name} ${spec.args.join(" ")}`);
  if (args.length > spec.args.length)
    throw new UsageError(`${name} takes ${spec.args.join(" ")}, not ${args.length} arguments (quote values with spaces: "Claire Martin").`);
  const tgt = target(values, env);
  const local = tgt.kind === "local";
  const [a0 = "", a1 = "", a2 = ""] = args.map((a) => a.trim());

  let command: Command;
  switch (name) {
    case "workspace:create":
      if (!local)
        throw new UsageError(
          "workspace:create works on the local database only: an API key belongs to one workspace. For production, run the " +
            "same SQL with `npx wrangler d1 execute DB --remote`, or seed the workspace before the first deploy.",
        );
      if (!a0) throw new UsageError("The workspace needs a name.");
      command = { name, workspaceName: a0 };
      break;
    case "site:create": {
      const hosts = (values.hosts ?? "")
        .split(",")
        .map((h) => h.trim())
        .filter(Boolean);
      if (!hosts.length) throw new UsageError("site:create needs --hosts www.example.fr,*.example.fr: the hostnames the snippet may send hits from.");
      command = { name, workspace: a0, siteName: a1, hosts };
      break;
    }
    case "member:add":
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a1)) throw new UsageError(`"${a1}" is not an e-mail address. Usage: member:add WORKSPACE EMAIL NAME`);
      command = { name, workspace: a0, email: a1.toLowerCase(), memberName: a2, role: role(values.role, "member") };
      break;
    case "key:create": {
      const keyName = (values.name ?? "").trim();
      if (!keyName) throw new UsageError('key:create needs --name, to tell keys apart later (e.g. --name "Extension de Claire").');
      const memberId = values.member?.trim() || null;
      if (!memberId && !local) throw new UsageError("Through the API a key always belongs to a member: add --member ID (see list).");
      command = { name, workspace: a0, keyName, memberId, role: role(values.role, null) };
      break;
    }
    case "key:revoke":
      command = { name, keyId: a0 };
      break;
    default:
      command = { name: "list", workspace: a0 || null };
  }
  return { command, target: tgt, json };
}

// ---------------------------------------------------------------------------------------------------------------
// Backends. Both return the API's JSON shapes (ISO dates), so that output is the same locally and remotely.

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, printed as it comes; fields are read loosely for display.
type Obj = Record<string, any>;

export interface WorkspaceListing {
  workspace: Obj;
  sites: Obj[];
  members: Obj[];
  keys: Obj[];
}

export interface AdminBackend {
  createWorkspace(name: string): Promise<Obj>;
  createSite(workspace: string, name: string, hosts: string[]): Promise<Obj>;
  addMember(workspace: string, email: string, name: string, role: MemberRole): Promise<Obj>;
  /** `key` is the clear key: shown once. */
  createKey(workspace: string, name: string, memberId: string | null, role: MemberRole | null): Promise<Obj & { key: string }>;
  revokeKey(keyId: string): Promise<Obj>;
  list(workspace: string | null): Promise<WorkspaceListing[]>;
  close(): Promise<void>;
}

/** The local D1 of `wrangler dev`, through the same store functions as the API. */
export function localBackend(db: D1Database, close: () => Promise<void>, env: { PAPPERS_API_KEY?: string } = {}): AdminBackend {
  const now = () => Date.now();
  const workspace = async (id: string) => {
    const ws = await getWorkspace(db, id);
    if (!ws) throw new UsageError(`No workspace "${id}" in the local database (\`list\` shows them).`);
    return ws;
  };
  return {
    async createWorkspace(name) {
      return workspaceJson(await createWorkspace(db, name, now()), env);
    },
    async createSite(ws, name, hosts) {
      await workspace(ws);
      return siteJson(await createSite(db, ws, { name, allowedHostnames: hosts }, now()));
    },
    async addMember(ws, email, name, role) {
      await workspace(ws);
      return memberJson((await addMember(db, ws, { email, name, role }, now())).member);
    },
    async createKey(ws, name, memberId, role) {
      await workspace(ws);
      const { key, info } = await createApiKey(db, ws, { memberId, name, role: role ?? undefined }, now());
      return { ...apiKeyJson(info), key };
    },
    async revokeKey(keyId) {
      const ws = await workspaceOfKey(db, keyId);
      const key = ws ? await revokeApiKey(db, ws, keyId, now()) : null;
      if (!key) throw new UsageError(`No API key "${keyId}" in the local database.`);
      return apiKeyJson(key);
    },
    async list(ws) {
      const all = ws ? [await workspace(ws)] : await listWorkspaces(db);
      return Promise.all(
        all.map(async (w) => ({
          workspace: workspaceJson(w, env),
          sites: (await listSites(db, w.id)).map(siteJson),
          members: (await listMembers(db, w.id)).map(memberJson),
          keys: (await listApiKeys(db, w.id)).map(apiKeyJson),
        })),
      );
    },
    close,
  };
}

/** A deployed worker's API, with an admin key; `fetch` is injectable for tests. */
export function remoteBackend(target: { url: string; key: string }, fetchImpl: typeof fetch = fetch): AdminBackend {
  async function api(method: string, path: string, body?: unknown): Promise<Obj> {
    let res: Response;
    try {
      res = await fetchImpl(`${target.url}/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${target.key}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new Error(`Could not reach ${target.url}: ${(err as Error).message}`);
    }
    const data = (await res.json().catch(() => null)) as Obj | null;
    if (!res.ok) {
      const e = data?.error;
      throw new Error(
        e ? `${method} ${path}: ${res.status} ${e.code}: ${e.message}` : `${method} ${path}: HTTP ${res.status} (is ${target.url} a Sillage worker?)`,
      );
    }
    return data ?? {};
  }
  // The key's workspace is the only one reachable: a different WORKSPACE argument is a mistake worth stopping.
  async function sameWorkspace(ws: string) {
    const mine = await api("GET", "/workspace");
    if (mine.id !== ws) throw new UsageError(`This API key belongs to workspace ${mine.id} ("${mine.name}"), not ${ws}.`);
    return mine;
  }
  return {
    async createWorkspace() {
      throw new UsageError("workspace:create works on the local database only.");
    },
    async createSite(ws, name, hosts) {
      await sameWorkspace(ws);
      return api("POST", "/sites", { name, allowedHostnames: hosts });
    },
    async addMember(ws, email, name, role) {
      await sameWorkspace(ws);
      return api("POST", "/members", { email, name, role });
    },
    async createKey(ws, name, memberId, role) {
      await sameWorkspace(ws);
      return (await api("POST", "/keys", { memberId, name, ...(role ? { role } : {}) })) as Obj & { key: string };
    },
    async revokeKey(keyId) {
      return api("DELETE", `/keys/${encodeURIComponent(keyId)}`);
    },
    async list(ws) {
      const workspace = ws ? await sameWorkspace(ws) : await api("GET", "/workspace");
      const [sites, members, keys] = await Promise.all([api("GET", "/sites"), api("GET", "/members"), api("GET", "/keys")]);
      return [{ workspace, sites: sites.sites, members: members.members, keys: keys.keys }];
    },
    async close() {},
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

export function formatListing(listings: WorkspaceListing[]): string {
  if (!listings.length) return "No workspace yet: create one with workspace:create NAME.";
  const lines: string[] = [];
  for (const { workspace: w, sites, members, keys } of listings) {
    lines.push(`${w.id}  ${w.name}  (retention ${w.retentionDays} d, SLA ${w.slaHours} h${w.keepRawIp ? ", keeps raw IPs" : ""})`);
    lines.push(`  sites:${sites.length ? "" : " none"}`);
    for (const s of sites) lines.push(`    ${s.id}  ${s.name}  key ${s.publicKey}  hosts ${s.allowedHostnames.join(", ") || "(any)"}`);
    lines.push(`  members:${members.length ? "" : " none"}`);
    for (const m of members) lines.push(`    ${m.id}  ${m.email}  ${m.name}  ${m.role}`);
    lines.push(`  keys:${keys.length ? "" : " none"}`);
    for (const k of keys) {
      const state = k.revokedAt
        ? `revoked ${k.revokedAt.slice(0, 10)}`
        : k.lastUsedAt
          ? `last used ${k.lastUsedAt.slice(0, 16).replace("T", " ")}`
          : "never used";
      lines.push(`    ${k.id}  ${k.prefix}…  ${k.role}  "${k.name}"  ${k.member ? k.member.email : "(workspace key)"}  ${state}`);
    }
  }
  return lines.join("\n");
}

function describeResult(command: Command, result: Obj): string {
  switch (command.name) {
    case "workspace:create":
      return `Workspace ${result.id} "${result.name}" created.\nNext: member:add ${result.id} EMAIL NAME --role admin`;
    case "site:create":
      return `Site ${result.id} "${result.name}" created for ${result.allowedHostnames.join(", ")}.\nSnippet key (data-site): ${result.publicKey}`;
    case "member:add":
      return `Member ${result.id} ${result.email} (${result.role}) added.\nNext: key:create WORKSPACE --member ${result.id} --name "…"`;
    case "key:create":
      return `API key ${result.id} (${result.role}${result.member ? `, for ${result.member.email}` : ", workspace key"}) — shown once, store it now:\n  ${result.key}`;
    case "key:revoke":
      return `API key ${result.id} revoked (${result.revokedAt}).`;
    default:
      return JSON.stringify(result);
  }
}

export interface Io {
  env: Record<string, string | undefined>;
  out: (s: string) => void;
  err: (s: string) => void;
  /** Opens the backend for a target (tests inject theirs). */
  open?: (target: Target) => Promise<AdminBackend>;
}

async function openBackend(target: Target): Promise<AdminBackend> {
  if (target.kind === "remote") return remoteBackend(target);
  // Imported here: wrangler is heavy, and the remote mode and the tests of the parser do not need it.
  const { openLocalD1 } = await import("./local-d1");
  const local = await openLocalD1(target.persistTo);
  return localBackend(local.db, local.dispose, process.env);
}

function explain(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/no such table/i.test(message))
    return `${message}\nThe local database has no tables yet: run \`npm run db:migrate:local\` (same --persist-to) or \`npm start\` first.`;
  return message;
}

/** Runs one invocation; returns the exit code (0 ok, 1 failed, 2 usage). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let inv: Invocation;
  try {
    inv = parseInvocation(argv, io.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\n`);
    return 2;
  }
  const { command } = inv;
  if (command.name === "help") {
    io.out(HELP);
    return 0;
  }
  let backend: AdminBackend | undefined;
  try {
    backend = await (io.open ?? openBackend)(inv.target);
    let result: Obj | WorkspaceListing[];
    switch (command.name) {
      case "workspace:create":
        result = await backend.createWorkspace(command.workspaceName);
        break;
      case "site:create":
        result = await backend.createSite(command.workspace, command.siteName, command.hosts);
        break;
      case "member:add":
        result = await backend.addMember(command.workspace, command.email, command.memberName, command.role);
        break;
      case "key:create":
        result = await backend.createKey(command.workspace, command.keyName, command.memberId, command.role);
        break;
      case "key:revoke":
        result = await backend.revokeKey(command.keyId);
        break;
      case "list":
        result = await backend.list(command.workspace);
        break;
    }
    if (inv.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
    else io.out(`${command.name === "list" ? formatListing(result as WorkspaceListing[]) : describeResult(command, result as Obj)}\n`);
    return 0;
  } catch (err) {
    io.err(`${command.name} failed: ${explain(err)}\n`);
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await backend?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), {
    env: process.env,
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
}
