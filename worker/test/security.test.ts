import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "@sillage/shared/api-key";
import { DEFAULT_MODEL } from "@sillage/shared/scoring/default-model";
import { createTestSite, worker, type TestSite } from "./support/fixtures";
import { seedContact, seedLead, seedMemberKey, seedVisitor, seedWebhookEndpoint } from "./support/leads-data";

/**
 * One security suite over every route the OpenAPI document lists (in the spirit of unkey's shared route tests):
 * each operation × {no key, malformed key, revoked key, member key on an admin route, another workspace's ids}
 * must answer the right 4xx with the error body, never data, never a 5xx. Routes are read from
 * /api/v1/openapi.json, so a new route is covered as soon as it is documented; a route this suite cannot
 * exercise (a path parameter it does not know how to make, a body it cannot build) fails it, loudly.
 */

type Json = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  op: Json;
}

const METHODS = ["get", "put", "post", "delete", "patch"];
const ORIGIN = "https://api.sillage.test";

/** Per collection (the path segment before `{id}`): a real object of that kind in `ws`, by id. */
const ID_FACTORIES: Record<string, (ws: TestSite, marker: string, made: Record<string, string>) => Promise<string>> = {
  leads: (ws, marker) => seedLead(ws, { name: `Entreprise ${marker}`, status: "mql", score: 80 }),
  webhooks: (ws) => seedWebhookEndpoint(ws, ["lead.mql"]),
  contacts: (ws, marker) => seedContact(ws, { email: `${marker.toLowerCase()}@exemple.fr`, name: `Contact ${marker}` }),
  visitors: async (ws) => (await seedVisitor(ws)).visitorId,
  members: async (ws, marker) => (await seedMemberKey(ws, `Membre ${marker}`)).memberId,
  keys: async (ws, marker) => (await insertKey(ws, { name: `Clé ${marker}` })).id,
  sites: async (ws) => ws.siteId,
  connections: async (ws) => {
    const id = `crm_${crypto.randomUUID()}`;
    await env.DB.prepare(
      "INSERT INTO crm_connections (id, workspace_id, crm, secret, secret_hint, events, created_at) VALUES (?, ?, 'hubspot', 'v1.AAAA.AAAA', 'abcd', '[]', ?)",
    )
      .bind(id, ws.workspaceId, Date.now())
      .run();
    return id;
  },
  // After `connections`: a backfill belongs to one.
  backfills: async (ws, _marker, made) => {
    const id = `crmb_${crypto.randomUUID()}`;
    await env.DB.prepare("INSERT INTO crm_backfill_jobs (id, workspace_id, connection_id, statuses, total, started_at) VALUES (?, ?, ?, '[\"mql\"]', 0, ?)")
      .bind(id, ws.workspaceId, made.connections, Date.now())
      .run();
    return id;
  },
  "rescore-jobs": async (ws) => {
    const id = `rsj_${crypto.randomUUID()}`;
    await env.DB.prepare("INSERT INTO rescore_jobs (id, workspace_id, model_version, status, total, started_at) VALUES (?, ?, 1, 'done', 0, ?)")
      .bind(id, ws.workspaceId, Date.now())
      .run();
    return id;
  },
};

/** Path parameters that name no workspace's object (an ASN is everyone's): no cross-workspace check for them. */
const GLOBAL_PARAMS: Record<string, string> = { review: "64512" };

/** Bodies the schema sampler cannot build valid on its own (cross-field rules, refined shapes). */
const BODY_EXAMPLES: Record<string, () => unknown> = {
  "PUT /scoring/model": () => ({ ...DEFAULT_MODEL, version: undefined }),
  "POST /privacy/erase": () => ({ email: "personne@exemple.fr" }),
  "POST /leads/{id}/links": () => ({ kind: "domain", value: "exemple-securite.fr" }),
  "POST /leads/{id}/correction": () => ({ action: "company", siren: "552032534" }),
  "POST /webhooks": () => ({ url: "https://hooks.exemple.fr/sillage", events: ["lead.mql"] }),
  "PATCH /webhooks/{id}": () => ({ url: "https://hooks.exemple.fr/sillage" }),
};

async function insertKey(ws: TestSite, opts: { name: string; role?: "admin" | "member"; revoked?: boolean }) {
  const key = generateApiKey();
  const id = `key_${crypto.randomUUID()}`;
  await env.DB.prepare("INSERT INTO api_keys (id, workspace_id, name, role, prefix, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .bind(id, ws.workspaceId, opts.name, opts.role ?? "admin", apiKeyPrefix(key), await hashApiKey(key), Date.now(), opts.revoked ? Date.now() : null)
    .run();
  return { id, key };
}

/** A value the schema accepts, built from the schema alone (enough for the documented request shapes). */
function sample(schema: Json | undefined, doc: Json, name = ""): unknown {
  if (!schema) return undefined;
  if (schema.$ref) return sample(doc.components.schemas[String(schema.$ref).split("/").pop()!], doc, name);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  for (const key of ["anyOf", "oneOf"])
    if (schema[key])
      return sample(
        schema[key].find((s: Json) => s.type !== "null"),
        doc,
        name,
      );
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Json) => sample(s, doc, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      // The required properties; with none (a PATCH), the first one, since "change nothing" is refused.
      const props: string[] = schema.required?.length ? schema.required : Object.keys(schema.properties ?? {}).slice(0, 1);
      return Object.fromEntries(props.map((prop) => [prop, sample(schema.properties?.[prop], doc, prop)]));
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, doc, name));
    case "integer":
    case "number":
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(schema.maximum, 1) : 1);
    case "boolean":
      return false;
    case "string": {
      if (schema.format === "email" || /email/i.test(name)) return "personne@exemple.fr";
      if (schema.format === "date" || /^\^\\d\{4\}-/.test(schema.pattern ?? "")) return "2026-11-01";
      if (schema.format === "uri" || /url/i.test(name)) return "https://exemple.fr/";
      return "x".repeat(Math.max(1, schema.minLength ?? 1));
    }
    default:
      return undefined;
  }
}

/** The only routes without an Authorization header (console sign-in takes the key in its body; sign-out works on an ended session). */
const PUBLIC_ROUTES = ["POST /session", "DELETE /session"];
const declaresNoAuth = (o: Operation) => PUBLIC_ROUTES.includes(`${o.method.toUpperCase()} ${o.path}`);

function allOperations(doc: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) for (const method of METHODS) if (item[method]) ops.push({ method, path, op: item[method] });
  return ops;
}

function operations(doc: Json): Operation[] {
  return allOperations(doc).filter((o) => !declaresNoAuth(o));
}

const label = ({ method, path }: Operation) => `${method.toUpperCase()} ${path}`;
/** Routes that declare 403 are the ones only an admin key may call. */
const adminOnly = ({ op }: Operation) => "403" in op.responses;

function requestBody(o: Operation, doc: Json): unknown {
  const example = BODY_EXAMPLES[label(o)];
  if (example) return example();
  const schema = o.op.requestBody?.content?.["application/json"]?.schema;
  return schema ? sample(schema, doc) : undefined;
}

function queryString(o: Operation, doc: Json): string {
  const params = new URLSearchParams();
  for (const p of o.op.parameters ?? []) if (p.in === "query" && p.required) params.set(p.name, String(sample(p.schema, doc, p.name)));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The path with its parameters filled from `ids` (collection → id); throws for a parameter kind it cannot make. */
function fillPath(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, param: string, offset: number) => {
    const collection = path.slice(0, offset).split("/").filter(Boolean).pop() ?? "";
    const id = ids[collection] ?? GLOBAL_PARAMS[collection];
    if (!id) {
      throw new Error(
        `The security suite cannot exercise ${path}: no way to make a "{${param}}" of "${collection}". Add a factory to ID_FACTORIES in worker/test/security.test.ts.`,
      );
    }
    return encodeURIComponent(id);
  });
}

async function call(o: Operation, doc: Json, path: string, authorization: string | null) {
  const body = requestBody(o, doc);
  const headers: Record<string, string> = {};
  if (authorization !== null) headers.Authorization = authorization;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await worker.fetch(
    new Request(`${ORIGIN}/api/v1${path}${queryString(o, doc)}`, {
      method: o.method.toUpperCase(),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text) as Json;
      } catch {
        return null;
      }
    })(),
  };
}

let doc: Json;
let ops: Operation[];
let a: TestSite;
let b: TestSite;
let markerB: string;
let idsA: Record<string, string>;
let idsB: Record<string, string>;
let memberKeyA: string;
let revokedKeyA: string;

beforeAll(async () => {
  doc = (await (await worker.fetch(new Request(`${ORIGIN}/api/v1/openapi.json`))).json()) as Json;
  ops = operations(doc);
  [a, b] = [await createTestSite(), await createTestSite()];
  markerB = `SECRETB${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  await env.DB.prepare("UPDATE workspaces SET name = ? WHERE id = ?").bind(`Workspace ${markerB}`, b.workspaceId).run();
  idsA = {};
  idsB = {};
  for (const [collection, make] of Object.entries(ID_FACTORIES)) {
    idsA[collection] = await make(a, "A", idsA);
    idsB[collection] = await make(b, markerB, idsB);
  }
  memberKeyA = (await seedMemberKey(a, "Membre A")).apiKey;
  revokedKeyA = (await insertKey(a, { name: "révoquée", revoked: true })).key;
});

/** A refusal: the expected status, our error body, nothing of workspace B, never a 5xx. */
function expectRefusal(o: Operation, res: Awaited<ReturnType<typeof call>>, status: number, code: string, what: string) {
  const hint = res.status === 400 ? " (the suite's request body or query is refused: add one to BODY_EXAMPLES)" : "";
  const where = `${label(o)} with ${what} → ${res.status} ${res.text.slice(0, 200)}${hint}`;
  expect(res.status, where).toBe(status);
  expect(res.json, where).toEqual({ error: { code, message: expect.any(String), requestId: expect.any(String) } });
  expect(res.text.includes(markerB), `${where} leaks workspace B`).toBe(false);
}

/** The objects of `ids` are as their factories made them: nothing refused above changed or deleted them. */
async function expectUntouched(ws: TestSite, ids: Record<string, string>) {
  const one = (sql: string, id: string) => env.DB.prepare(sql).bind(id, ws.workspaceId).first<Json>();
  expect(await one("SELECT status, score FROM leads WHERE id = ? AND workspace_id = ?", ids.leads!)).toEqual({ status: "mql", score: 80 });
  expect(await one("SELECT count(*) AS n FROM lead_notes WHERE lead_id = ? AND workspace_id = ?", ids.leads!)).toEqual({ n: 0 });
  expect(await one("SELECT count(*) AS n FROM lead_links WHERE lead_id = ? AND workspace_id = ?", ids.leads!)).toEqual({ n: 0 });
  expect(await one("SELECT disabled_at AS off FROM webhook_endpoints WHERE id = ? AND workspace_id = ?", ids.webhooks!)).toEqual({ off: null });
  expect(await one("SELECT removed_at AS gone FROM members WHERE id = ? AND workspace_id = ?", ids.members!)).toEqual({ gone: null });
  expect(await one("SELECT revoked_at AS gone FROM api_keys WHERE id = ? AND workspace_id = ?", ids.keys!)).toEqual({ gone: null });
  expect(await one("SELECT name FROM sites WHERE id = ? AND workspace_id = ?", ids.sites!)).toEqual({ name: "Site de test" });
  expect(await one("SELECT count(*) AS n FROM contacts WHERE id = ? AND workspace_id = ?", ids.contacts!)).toEqual({ n: 1 });
  expect(await one("SELECT count(*) AS n FROM visitors WHERE id = ? AND workspace_id = ?", ids.visitors!)).toEqual({ n: 1 });
}

describe("security of every documented route", () => {
  it("the document lists the API's routes", () => {
    expect(ops.length).toBeGreaterThanOrEqual(30);
    expect(ops.filter(adminOnly).length).toBeGreaterThanOrEqual(10);
  });

  it("the console's sign-in (key in the body) refuses a revoked or unknown key and sets no cookie", async () => {
    expect(allOperations(doc).filter(declaresNoAuth).map(label).sort()).toEqual([...PUBLIC_ROUTES].sort());
    for (const key of [revokedKeyA, generateApiKey()]) {
      const res = await worker.fetch(
        new Request(`${ORIGIN}/api/v1/session`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Sillage-CSRF": "1", Origin: ORIGIN },
          body: JSON.stringify({ key }),
        }),
      );
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("every route can be exercised: each path parameter kind has a factory", () => {
    for (const o of ops) expect(() => fillPath(o.path, idsA), label(o)).not.toThrow();
  });

  it("no key, a malformed key or a revoked key: 401, whatever the route", async () => {
    for (const o of ops) {
      const path = fillPath(o.path, idsA);
      for (const [what, header] of [
        ["no key", null],
        ["an empty bearer", "Bearer "],
        ["a malformed key", "Bearer slg_not-a-key"],
        ["a key of another scheme", `Basic ${btoa("admin:admin")}`],
        ["a revoked key", `Bearer ${revokedKeyA}`],
        ["an unknown key", `Bearer ${generateApiKey()}`],
      ] as const) {
        expectRefusal(o, await call(o, doc, path, header), 401, "unauthorized", what);
      }
    }
  });

  it("a member key on an admin route: 403, and nothing changes", async () => {
    const admin = ops.filter(adminOnly);
    for (const o of admin) {
      const res = await call(o, doc, fillPath(o.path, idsA), `Bearer ${memberKeyA}`);
      expectRefusal(o, res, 403, "forbidden", "a member key");
    }
    await expectUntouched(a, idsA);
  });

  it("another workspace's ids: 404 with an admin key, never its data, and its objects stay untouched", async () => {
    const ownedParam = (path: string) => [...path.matchAll(/([^/]+)\/\{\w+\}/g)].some((m) => !(m[1]! in GLOBAL_PARAMS));
    const withIds = ops.filter((o) => ownedParam(o.path));
    expect(withIds.length).toBeGreaterThanOrEqual(10);
    for (const o of withIds) {
      const res = await call(o, doc, fillPath(o.path, idsB), `Bearer ${a.apiKey}`);
      expectRefusal(o, res, 404, "not_found", "workspace B's id and workspace A's admin key");
    }
    await expectUntouched(b, idsB);
  });
});
