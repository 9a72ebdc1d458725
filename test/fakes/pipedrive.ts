/**
 * Local stand-in for the Pipedrive API v1, hand-written from Pipedrive's public documentation (no recorded
 * answers exist for CRMs in ../shared/fixtures): the endpoints Sillage uses with their `{ success, data,
 * additional_data }` envelopes and errors — 401 "unauthorized access", 429 with `x-ratelimit-*` / `Retry-After`,
 * 400 validation errors, 404. Custom organization fields get 40-hex-character keys, as in Pipedrive.
 *
 * - GET  /v1/users/me
 * - GET  /v1/organizationFields, POST /v1/organizationFields
 * - GET  /v1/organizations/search?term=&fields=name|custom_fields|address&exact_match=true
 * - GET  /v1/organizations/{id}, POST /v1/organizations, PUT /v1/organizations/{id}
 * - POST /v1/activities, GET /v1/organizations/{id}/activities?start=&limit=
 */
import { createHash } from "node:crypto";
import { searchable, startCrmFake, type FakeAccount, type FakeCompany, type FakeReply, type RunningFake } from "./crm-fake-kit";

interface Field {
  id: number;
  key: string;
  name: string;
  field_type: string;
  edit_flag: boolean;
}

const STANDARD: Field[] = [
  { id: 1, key: "name", name: "Name", field_type: "varchar", edit_flag: false },
  { id: 2, key: "owner_id", name: "Owner", field_type: "user", edit_flag: false },
  { id: 3, key: "address", name: "Address", field_type: "address", edit_flag: false },
  { id: 4, key: "add_time", name: "Organization created", field_type: "date", edit_flag: false },
];
const FIELD_TYPES = new Set([
  "varchar",
  "varchar_auto",
  "text",
  "double",
  "monetary",
  "date",
  "phone",
  "enum",
  "set",
  "user",
  "org",
  "people",
  "time",
  "daterange",
  "timerange",
  "address",
]);
const RATE_LIMIT = { "x-ratelimit-limit": "80", "x-ratelimit-remaining": "79", "x-ratelimit-reset": "2" };

const fail = (status: number, message: string): FakeReply => ({
  status,
  body: { success: false, error: message, errorCode: status, error_info: "Please check developers.pipedrive.com for more information about Pipedrive API." },
});
const ok = (data: unknown, status = 200, additional?: unknown): FakeReply => ({
  status,
  body: { success: true, data, ...(additional ? { additional_data: additional } : {}) },
});

const fields = (a: FakeAccount) => [...STANDARD, ...(a.customFields as unknown as Field[])];
const userId = (a: FakeAccount) => Number(a.init.userId ?? 7_654_321);

function orgView(a: FakeAccount, c: FakeCompany) {
  const owner = Number(c.props.owner_id ?? userId(a));
  return {
    id: c.id,
    company_id: 1_234,
    owner_id: { id: owner, name: "Commercial", email: "commercial@example.fr", has_pic: 0, pic_hash: null, active_flag: true, value: owner },
    name: c.props.name,
    address: c.props.address ?? null,
    active_flag: true,
    visible_to: "3",
    add_time: new Date(c.createdAt).toISOString().replace("T", " ").slice(0, 19),
    update_time: new Date(c.updatedAt).toISOString().replace("T", " ").slice(0, 19),
    ...Object.fromEntries(a.customFields.map((f) => [(f as unknown as Field).key, c.props[(f as unknown as Field).key] ?? null])),
  };
}

/** Only known keys are stored; Pipedrive ignores the others. Numbers for double fields. */
function cleanProps(a: FakeAccount, input: Record<string, unknown>): { ok: true; props: Record<string, unknown> } | { ok: false; reply: FakeReply } {
  const byKey = new Map(fields(a).map((f) => [f.key, f]));
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    const f = byKey.get(k);
    if (!f) continue;
    if (f.field_type === "double" && v != null && v !== "" && !Number.isFinite(Number(v)))
      return { ok: false, reply: fail(400, `Field "${f.name}" must be a number.`) };
    if (f.field_type === "date" && v != null && v !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(String(v)))
      return { ok: false, reply: fail(400, `Field "${f.name}" must be a date (YYYY-MM-DD).`) };
    props[k] = f.field_type === "double" && v != null && v !== "" ? Number(v) : v;
  }
  return { ok: true, props };
}

function handle(a: FakeAccount, req: { method: string; path: string; query: URLSearchParams; body: unknown }): FakeReply {
  const { method, path, query } = req;
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (method === "GET" && path === "/v1/users/me") {
    return ok({
      id: userId(a),
      name: "Commercial",
      email: "commercial@example.fr",
      company_id: 1_234,
      company_domain: String(a.init.companyDomain ?? "acme"),
      company_name: "ACME",
      locale: "fr_FR",
      timezone_name: "Europe/Paris",
    });
  }
  if (path === "/v1/organizationFields") {
    if (method === "GET") return ok(fields(a), 200, { pagination: { start: 0, limit: 500, more_items_in_collection: false } });
    if (method === "POST") {
      const name = typeof body.name === "string" ? body.name.trim() : "";
      if (!name) return fail(400, "Name must be given.");
      if (!FIELD_TYPES.has(String(body.field_type))) return fail(400, "Field type is not valid.");
      const field: Field = {
        id: 100 + a.customFields.length,
        key: createHash("sha1").update(`${a.id}:${name}`).digest("hex"),
        name,
        field_type: String(body.field_type),
        edit_flag: true,
      };
      a.customFields.push(field as unknown as Record<string, unknown>);
      return ok(field, 201);
    }
  }
  if (method === "GET" && path === "/v1/organizations/search") {
    const term = (query.get("term") ?? "").trim();
    const exact = ["true", "1"].includes(query.get("exact_match") ?? "");
    if (!exact && term.length < 2) return fail(400, "Search term must be at least 2 characters long.");
    const where = (query.get("fields") ?? "name,address,custom_fields,notes").split(",");
    const customKeys = a.customFields.map((f) => (f as unknown as Field).key);
    const hit = (v: unknown) => v != null && (exact ? String(v).toLowerCase() === term.toLowerCase() : String(v).toLowerCase().includes(term.toLowerCase()));
    const items = searchable(a)
      .filter(
        (c) =>
          (where.includes("name") && hit(c.props.name)) ||
          (where.includes("address") && hit(c.props.address)) ||
          (where.includes("custom_fields") && customKeys.some((k) => hit(c.props[k]))),
      )
      .sort((x, y) => x.id - y.id)
      .map((c) => ({
        result_score: 1,
        item: {
          id: c.id,
          type: "organization",
          name: c.props.name,
          address: c.props.address ?? null,
          visible_to: 3,
          owner: { id: Number(c.props.owner_id ?? userId(a)) },
          custom_fields: customKeys.filter((k) => hit(c.props[k])).map((k) => String(c.props[k])),
          notes: [],
        },
      }));
    const limit = Number(query.get("limit") ?? 100);
    return ok({ items: items.slice(0, limit) }, 200, { pagination: { start: 0, limit, more_items_in_collection: items.length > limit } });
  }
  const one = /^\/v1\/organizations\/(\d+)$/.exec(path);
  if (one) {
    const c = a.companies.get(Number(one[1]));
    if (!c) return fail(404, "Organization not found");
    if (method === "GET") return ok(orgView(a, c));
    if (method === "PUT") {
      const v = cleanProps(a, body);
      if (!v.ok) return v.reply;
      Object.assign(c.props, v.props);
      c.updatedAt = Date.now();
      return ok(orgView(a, c));
    }
  }
  const orgActivities = /^\/v1\/organizations\/(\d+)\/activities$/.exec(path);
  if (method === "GET" && orgActivities) {
    if (!a.companies.has(Number(orgActivities[1]))) return fail(404, "Organization not found");
    const all = (a.tasks as { org_id?: unknown }[]).filter((t) => Number(t.org_id) === Number(orgActivities[1]));
    const start = Number(query.get("start") ?? 0);
    const limit = Number(query.get("limit") ?? 100);
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return ok(page.length ? page : null, 200, { pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } });
  }
  if (method === "POST" && path === "/v1/organizations") {
    if (typeof body.name !== "string" || !body.name.trim()) return fail(400, "Name must be given.");
    const v = cleanProps(a, body);
    if (!v.ok) return v.reply;
    const now = Date.now();
    const c: FakeCompany = { id: a.nextId++, props: { owner_id: userId(a), ...v.props }, createdAt: now, updatedAt: now };
    a.companies.set(c.id, c);
    return ok(orgView(a, c), 201);
  }
  if (method === "POST" && path === "/v1/activities") {
    if (typeof body.subject !== "string" || !body.subject) return fail(400, "Subject must be given.");
    if (body.due_date && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.due_date))) return fail(400, "Due date must be in YYYY-MM-DD format.");
    if (body.org_id != null && !a.companies.has(Number(body.org_id))) return fail(400, "Organization not found.");
    const activity = { id: a.nextId++, done: false, user_id: body.user_id ?? userId(a), ...body };
    a.tasks.push(activity);
    return ok(activity, 201);
  }
  return fail(404, `No route ${method} ${path} in the Pipedrive fake`);
}

export function startPipedriveFake(): Promise<RunningFake> {
  return startCrmFake({
    tokenOf: (req, url) => (req.headers["x-api-token"] as string | undefined) ?? url.searchParams.get("api_token"),
    unauthorized: () => fail(401, "unauthorized access"),
    commonHeaders: () => RATE_LIMIT,
    handle,
    view: (a, c) => orgView(a, c),
    // Tests seed with field labels ("SIREN"); stored under the field's key.
    seedProps: (a, props) => {
      const byName = new Map(fields(a).map((f) => [f.name.toLowerCase(), f.key]));
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [byName.get(k.toLowerCase()) ?? k, v]));
    },
  });
}

/** A 429 as Pipedrive sends it when the token's budget for the window is spent. */
export function pipedriveRateLimited(retryAfterSeconds: number) {
  return {
    status: 429,
    headers: {
      "retry-after": String(retryAfterSeconds),
      "x-ratelimit-limit": "80",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(retryAfterSeconds),
    },
    body: {
      success: false,
      error: "Request over limit",
      errorCode: 429,
      error_info: "Please check developers.pipedrive.com for more information about Pipedrive API.",
    },
  };
}
