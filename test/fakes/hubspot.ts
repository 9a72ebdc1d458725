/**
 * Local stand-in for the HubSpot CRM v3 API, hand-written from HubSpot's public documentation (no recorded
 * answers exist for CRMs in ../shared/fixtures): the endpoints Sillage uses, their request and response shapes,
 * and their errors — 401 INVALID_AUTHENTICATION, 429 RATE_LIMIT with `Retry-After` / `X-HubSpot-RateLimit-*`,
 * 400 VALIDATION_ERROR for unknown properties or bad filters, 404 OBJECT_NOT_FOUND, 409 OBJECT_ALREADY_EXISTS.
 * Search results lag behind writes by `searchLagMs`, as HubSpot documents for its search index.
 *
 * - GET  /account-info/v3/details
 * - GET  /crm/v3/properties/companies, POST /crm/v3/properties/companies
 * - POST /crm/v3/objects/companies/search (filterGroups OR-ed, filters AND-ed, operator EQ)
 * - GET  /crm/v3/objects/companies/{id}?properties=…, POST /crm/v3/objects/companies, PATCH /crm/v3/objects/companies/{id}
 * - POST /crm/v3/objects/tasks (with associations to a company), POST /crm/v3/objects/tasks/batch/read
 * - GET  /crm/v4/objects/companies/{id}/associations/tasks
 */
import { randomUUID } from "node:crypto";
import { searchable, startCrmFake, type FakeAccount, type FakeCompany, type FakeReply, type RunningFake } from "./crm-fake-kit";

interface Property {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  hubspotDefined?: boolean;
}

const STANDARD: Property[] = [
  ["name", "Company name", "string", "text"],
  ["domain", "Company domain name", "string", "text"],
  ["address", "Street address", "string", "text"],
  ["zip", "Postal code", "string", "text"],
  ["city", "City", "string", "text"],
  ["annualrevenue", "Annual revenue", "number", "number"],
  ["numberofemployees", "Number of employees", "number", "number"],
  ["hubspot_owner_id", "Company owner", "enumeration", "select"],
  ["createdate", "Create date", "datetime", "date"],
  ["hs_lastmodifieddate", "Last modified date", "datetime", "date"],
  ["hs_object_id", "Record ID", "number", "number"],
].map(([name, label, type, fieldType]) => ({
  name: name!,
  label: label!,
  type: type!,
  fieldType: fieldType!,
  groupName: "companyinformation",
  hubspotDefined: true,
}));

const TYPES: Record<string, string[]> = {
  string: ["text", "textarea"],
  number: ["number"],
  date: ["date"],
  datetime: ["date"],
  enumeration: ["select", "radio", "checkbox"],
};

const error = (status: number, category: string, message: string, extra: Record<string, unknown> = {}): FakeReply => ({
  status,
  body: { status: "error", message, correlationId: randomUUID(), category, ...extra },
});

const properties = (a: FakeAccount) => [...STANDARD, ...(a.customFields as unknown as Property[])];

function objectView(c: FakeCompany, wanted: string[] | null) {
  const base = { createdate: new Date(c.createdAt).toISOString(), hs_lastmodifieddate: new Date(c.updatedAt).toISOString(), hs_object_id: String(c.id) };
  const all: Record<string, string | null> = { ...base };
  for (const [k, v] of Object.entries(c.props)) all[k] = v == null ? null : String(v);
  const props = wanted ? Object.fromEntries([...Object.keys(base), ...wanted].map((k) => [k, all[k] ?? null])) : all;
  return { id: String(c.id), properties: props, createdAt: base.createdate, updatedAt: base.hs_lastmodifieddate, archived: false };
}

/** Property values as HubSpot stores them (strings), or a 400 naming each invalid one. */
function validate(a: FakeAccount, input: unknown): { ok: true; props: Record<string, string | null> } | { ok: false; reply: FakeReply } {
  if (!input || typeof input !== "object") return { ok: false, reply: error(400, "VALIDATION_ERROR", "Invalid input JSON on line 1: properties is required") };
  const known = new Map(properties(a).map((p) => [p.name, p]));
  const problems: Record<string, unknown>[] = [];
  const props: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    const p = known.get(name);
    if (!p) problems.push({ isValid: false, message: `Property "${name}" does not exist`, error: "PROPERTY_DOESNT_EXIST", name });
    else if (p.type === "number" && value !== null && value !== "" && !Number.isFinite(Number(value)))
      problems.push({ isValid: false, message: `${String(value)} was not a valid number.`, error: "INVALID_DOUBLE", name });
    else if (p.type === "date" && value !== null && value !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(String(value)) && !/^\d+$/.test(String(value)))
      problems.push({ isValid: false, message: `${String(value)} is not a valid date`, error: "INVALID_DATE", name });
    else props[name] = value == null ? null : String(value);
  }
  if (problems.length) return { ok: false, reply: error(400, "VALIDATION_ERROR", `Property values were not valid: ${JSON.stringify(problems)}`) };
  return { ok: true, props };
}

function handle(a: FakeAccount, req: { method: string; path: string; query: URLSearchParams; body: unknown }): FakeReply {
  const { method, path } = req;
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (method === "GET" && path === "/account-info/v3/details") {
    return {
      status: 200,
      body: {
        portalId: Number(a.init.portalId ?? 26541873),
        accountType: "STANDARD",
        timeZone: "Europe/Paris",
        companyCurrency: "EUR",
        additionalCurrencies: [],
        utcOffset: "+01:00",
        utcOffsetMilliseconds: 3_600_000,
        uiDomain: "app-eu1.hubspot.com",
        dataHostingLocation: "eu1",
      },
    };
  }
  if (path === "/crm/v3/properties/companies") {
    if (method === "GET") return { status: 200, body: { results: properties(a) } };
    if (method === "POST") {
      const { name, label, type, fieldType, groupName } = body as Record<string, string>;
      if (!name || !/^[a-z][a-z0-9_]*$/.test(name) || !label || !groupName || !TYPES[type ?? ""]?.includes(fieldType ?? ""))
        return error(400, "VALIDATION_ERROR", "Invalid input JSON: name, label, groupName and a valid type / fieldType pair are required");
      if (properties(a).some((p) => p.name === name)) return error(409, "OBJECT_ALREADY_EXISTS", `Property named '${name}' already exists.`);
      const p: Property = { name, label, type: type!, fieldType: fieldType!, groupName };
      a.customFields.push(p as unknown as Record<string, unknown>);
      return { status: 201, body: p };
    }
  }
  if (method === "POST" && path === "/crm/v3/objects/companies/search") {
    const groups = (body.filterGroups ?? []) as { filters: { propertyName: string; operator: string; value?: string }[] }[];
    const known = new Set(properties(a).map((p) => p.name));
    if (groups.length > 5) return error(400, "VALIDATION_ERROR", "There was a problem with the request. Too many filter groups (max 5)");
    for (const f of groups.flatMap((g) => g.filters)) {
      if (!known.has(f.propertyName)) return error(400, "VALIDATION_ERROR", `There was a problem with the request. Property ${f.propertyName} does not exist`);
      if (f.operator !== "EQ") return error(400, "VALIDATION_ERROR", `Operator ${f.operator} is not supported by this fake`);
    }
    const matches = (c: FakeCompany) =>
      groups.length === 0 ||
      groups.some((g) => g.filters.every((f) => String(c.props[f.propertyName] ?? "").toLowerCase() === String(f.value ?? "").toLowerCase()));
    const found = searchable(a)
      .filter(matches)
      .sort((x, y) => x.id - y.id);
    const limit = Math.min(Number(body.limit ?? 10), 200);
    return { status: 200, body: { total: found.length, results: found.slice(0, limit).map((c) => objectView(c, (body.properties as string[]) ?? null)) } };
  }
  const one = /^\/crm\/v3\/objects\/companies\/(\d+)$/.exec(path);
  if (one) {
    const c = a.companies.get(Number(one[1]));
    if (!c) return error(404, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.");
    if (method === "GET") return { status: 200, body: objectView(c, req.query.get("properties")?.split(",").filter(Boolean) ?? null) };
    if (method === "PATCH") {
      const v = validate(a, body.properties);
      if (!v.ok) return v.reply;
      Object.assign(c.props, v.props);
      c.updatedAt = Date.now();
      return { status: 200, body: objectView(c, null) };
    }
  }
  if (method === "POST" && path === "/crm/v3/objects/companies") {
    const v = validate(a, body.properties);
    if (!v.ok) return v.reply;
    const now = Date.now();
    const c: FakeCompany = { id: a.nextId++, props: v.props, createdAt: now, updatedAt: now };
    a.companies.set(c.id, c);
    return { status: 201, body: objectView(c, null) };
  }
  if (method === "POST" && path === "/crm/v3/objects/tasks") {
    const props = (body.properties ?? {}) as Record<string, unknown>;
    if (!props.hs_timestamp)
      return error(
        400,
        "VALIDATION_ERROR",
        'Property values were not valid: [{"isValid":false,"message":"hs_timestamp is required","error":"REQUIRED_FIELD","name":"hs_timestamp"}]',
      );
    const associations = (body.associations ?? []) as { to: { id: string }; types: { associationTypeId: number }[] }[];
    for (const as of associations)
      if (!a.companies.has(Number(as.to.id))) return error(400, "VALIDATION_ERROR", `Associated object ${as.to.id} does not exist`);
    const task = { id: String(a.nextId++), properties: props, associations, createdAt: new Date().toISOString() };
    a.tasks.push(task);
    return { status: 201, body: { id: task.id, properties: props, createdAt: task.createdAt, updatedAt: task.createdAt, archived: false } };
  }
  const taskLinks = /^\/crm\/v4\/objects\/companies\/(\d+)\/associations\/tasks$/.exec(path);
  if (method === "GET" && taskLinks) {
    if (!a.companies.has(Number(taskLinks[1]))) return error(404, "OBJECT_NOT_FOUND", "Object not found.");
    const tasks = (a.tasks as { id: string; associations: { to: { id: string } }[] }[]).filter((t) => t.associations.some((as) => as.to.id === taskLinks[1]));
    const results = tasks.map((t) => ({
      toObjectId: Number(t.id),
      associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 192, label: null }],
    }));
    return { status: 200, body: { results } };
  }
  if (method === "POST" && path === "/crm/v3/objects/tasks/batch/read") {
    const inputs = (body.inputs ?? []) as { id: string }[];
    if (inputs.length > 100) return error(400, "VALIDATION_ERROR", "Batch size exceeds the limit of 100.");
    const wanted = (body.properties ?? []) as string[];
    const results = (a.tasks as { id: string; properties: Record<string, unknown>; createdAt: string }[])
      .filter((t) => inputs.some((i) => String(i.id) === t.id))
      .map((t) => ({
        id: t.id,
        properties: Object.fromEntries(wanted.map((p) => [p, t.properties[p] ?? null])),
        createdAt: t.createdAt,
        updatedAt: t.createdAt,
        archived: false,
      }));
    return { status: 200, body: { status: "COMPLETE", results, startedAt: new Date().toISOString(), completedAt: new Date().toISOString() } };
  }
  return error(404, "OBJECT_NOT_FOUND", `No route ${method} ${path} in the HubSpot fake`);
}

export function startHubSpotFake(): Promise<RunningFake> {
  return startCrmFake({
    tokenOf: (req) => /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? null,
    unauthorized: () =>
      error(
        401,
        "INVALID_AUTHENTICATION",
        "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
      ),
    commonHeaders: () => ({ "x-hubspot-ratelimit-interval-milliseconds": "10000", "x-hubspot-ratelimit-max": "190" }),
    handle,
    view: (_a, c) => objectView(c, null),
  });
}

/** A 429 exactly as HubSpot sends it when the ten-second window is spent. */
export function hubspotRateLimited(retryAfterSeconds: number) {
  return {
    status: 429,
    headers: {
      "retry-after": String(retryAfterSeconds),
      "x-hubspot-ratelimit-remaining": "0",
      "x-hubspot-ratelimit-interval-milliseconds": "10000",
      "x-hubspot-ratelimit-max": "190",
    },
    body: {
      status: "error",
      message: "You have reached your ten_secondly_rolling limit.",
      errorType: "RATE_LIMIT",
      correlationId: randomUUID(),
      policyName: "TEN_SECONDLY_ROLLING",
    },
  };
}
