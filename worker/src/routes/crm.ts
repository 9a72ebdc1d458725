import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { LEAD_STATUSES } from "@sillage/shared/lifecycle/statuses";
import { CRM_KINDS, CRM_SYNC_EVENTS, CRM_CONNECTION_STATES } from "../db/schema/crm-connections";
import { newApp, type AppEnv } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { iso, isoOrNull } from "../lib/iso";
import { newId } from "../lib/ids";
import { requireAdmin } from "../auth/require-admin";
import { backfillProgress, startBackfill } from "../crm/backfill";
import {
  deleteConnection,
  getConnection,
  insertConnection,
  listConnections,
  markConnectionBroken,
  saveConnectionSettings,
  type CrmConnection,
} from "../crm/connection-store";
import { CrmAuthError, CrmRejected, CrmRetryLater } from "../crm/errors";
import { CRM_FIELDS, FIELD_POLICIES, policyOf } from "../crm/fields";
import { previewSync } from "../crm/preview";
import { resumeConnection } from "../crm/resume";
import { encryptSecret, secretHint, SecretsKeyMissing } from "../crm/secrets";
import { testConnection } from "../crm/test-connection";
import { pendingCountsOf } from "../crm/sync-events";
import { readLeadLog } from "../crm/sync-log";
import { DELIVERY_RECORDS_DAYS } from "../cron/purge-delivery-records";
import { findLead } from "../leads/find-lead";

const idParams = z.object({ id: z.string().min(1).max(64) });

const policySchema = z.enum(FIELD_POLICIES);
const mappingSchema = z
  .object(Object.fromEntries(CRM_FIELDS.map((f) => [f, policySchema.optional()])) as Record<(typeof CRM_FIELDS)[number], z.ZodOptional<typeof policySchema>>)
  .strict()
  .openapi({ description: "Per field: if_unchanged (keep a value edited in the CRM), always, never. Omitted fields keep their default." });
const eventsSchema = z.array(z.enum(CRM_SYNC_EVENTS)).min(1).max(CRM_SYNC_EVENTS.length);
const tokenSchema = z.string().trim().min(8).max(500);
const companyDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "expected the company domain of <company>.pipedrive.com, e.g. acme");
const ownerSchema = z
  .string()
  .regex(/^\d{1,20}$/, "expected the CRM user's numeric id")
  .nullable();

const connectionSchema = z
  .object({
    id: z.string(),
    crm: z.enum(CRM_KINDS),
    companyDomain: z.string().nullable(),
    /** HubSpot portal id or Pipedrive company domain, once the connection test has run. */
    account: z.string().nullable(),
    events: z.array(z.enum(CRM_SYNC_EVENTS)),
    mapping: z.record(z.string(), policySchema),
    taskOwnerId: z.string().nullable(),
    enabled: z.boolean(),
    state: z.enum(CRM_CONNECTION_STATES),
    brokenReason: z.string().nullable(),
    brokenAt: z.string().nullable(),
    checkedAt: z.string().nullable(),
    tokenHint: z.string().openapi({ example: "…9f3a" }),
    /** Lead events waiting to reach the CRM (while broken or disabled they wait here; nothing is dropped). */
    pendingEvents: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("CrmConnection");

function connectionView(c: CrmConnection, pending: number): z.infer<typeof connectionSchema> {
  return {
    id: c.id,
    crm: c.crm,
    companyDomain: c.companyDomain,
    account: c.account,
    events: c.events,
    mapping: Object.fromEntries(CRM_FIELDS.map((f) => [f, policyOf(c.mapping, f)])),
    taskOwnerId: c.taskOwnerId,
    enabled: c.enabled,
    state: c.state,
    brokenReason: c.brokenReason,
    brokenAt: isoOrNull(c.brokenAt),
    checkedAt: isoOrNull(c.checkedAt),
    tokenHint: c.secretHint,
    pendingEvents: pending,
    createdAt: iso(c.createdAt),
  };
}

async function load(c: Context<AppEnv>, id: string): Promise<CrmConnection> {
  const conn = await getConnection(c.env.DB, c.get("auth").workspaceId, id);
  if (!conn) throw new ApiError("not_found", `No CRM connection ${id}.`);
  return conn;
}

async function view(c: Context<AppEnv>, id: string) {
  const conn = await load(c, id);
  const pending = await pendingCountsOf(c.env.DB, conn.workspaceId);
  return connectionView(conn, pending.get(conn.id) ?? 0);
}

async function encrypt(c: Context<AppEnv>, token: string, connectionId: string): Promise<string> {
  try {
    return await encryptSecret(c.env.SILLAGE_SECRETS_KEY, token, connectionId);
  } catch (err) {
    if (err instanceof SecretsKeyMissing) throw new ApiError("upstream_unavailable", err.message);
    throw err;
  }
}

const testResultSchema = z.object({ ok: z.boolean(), account: z.string().nullable(), reason: z.string().nullable(), resumed: z.number().int() });

const createRouteDef = createRoute({
  method: "post",
  path: "/crm/connections",
  summary: "Connect a CRM: HubSpot (private-app token) or Pipedrive (API token and company domain). Admin keys only.",
  description: "The token is stored encrypted and never shown again. The connection starts disabled: test it, preview the sync, then `PATCH enabled: true`.",
  request: {
    body: jsonBody(
      z
        .object({
          crm: z.enum(CRM_KINDS),
          token: tokenSchema,
          companyDomain: companyDomainSchema.optional(),
          events: eventsSchema.optional(),
          mapping: mappingSchema.optional(),
          taskOwnerId: ownerSchema.optional(),
        })
        .refine((b) => b.crm !== "pipedrive" || b.companyDomain, { message: "companyDomain is required for Pipedrive", path: ["companyDomain"] }),
    ),
  },
  responses: { 201: json(connectionSchema, "The connection (without its token)"), ...errorResponses(400, 401, 403, 503) },
});

const listRoute = createRoute({
  method: "get",
  path: "/crm/connections",
  summary: "The workspace's CRM connections (tokens are never returned)",
  responses: { 200: json(z.object({ items: z.array(connectionSchema) }), "Connections"), ...errorResponses(401) },
});

const getRoute = createRoute({
  method: "get",
  path: "/crm/connections/{id}",
  summary: "One CRM connection",
  request: { params: idParams },
  responses: { 200: json(connectionSchema, "Connection"), ...errorResponses(401, 404) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/crm/connections/{id}",
  summary: "Change a connection: a new token (tested at once; pending syncs resume when it works), events, mapping, task owner, enabled",
  request: {
    params: idParams,
    body: jsonBody(
      z
        .object({
          token: tokenSchema.optional(),
          companyDomain: companyDomainSchema.optional(),
          events: eventsSchema.optional(),
          mapping: mappingSchema.optional(),
          taskOwnerId: ownerSchema.optional(),
          enabled: z.boolean().optional(),
        })
        .refine((b) => Object.values(b).some((v) => v !== undefined), "give at least one of token, companyDomain, events, mapping, taskOwnerId, enabled"),
    ),
  },
  responses: {
    200: json(connectionSchema.extend({ test: testResultSchema.nullable() }), "Updated connection"),
    ...errorResponses(400, 401, 403, 404),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/crm/connections/{id}",
  summary: "Delete a connection, its pending syncs and its log (the CRM records and the leads' links stay)",
  request: { params: idParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

const testRoute = createRoute({
  method: "post",
  path: "/crm/connections/{id}/test",
  summary: "Test the token and create the Sillage properties (`siren` first) in the CRM if missing",
  request: { params: idParams },
  responses: { 200: json(testResultSchema, "The result; a refused token marks the connection broken"), ...errorResponses(401, 403, 404) },
});

const previewRoute = createRoute({
  method: "get",
  path: "/crm/connections/{id}/preview",
  summary: "Dry run: what a sync would create or update for the current MQLs, field by field (nothing is written)",
  request: { params: idParams, query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }) },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            leadId: z.string(),
            name: z.string(),
            action: z.enum(["create", "update", "unchanged"]),
            matchedBy: z.string().nullable(),
            candidates: z.number().int(),
            recordId: z.string().nullable(),
            fields: z.array(
              z.object({ field: z.string(), crm: z.string().nullable(), sillage: z.string().nullable(), action: z.enum(["write", "same", "kept", "skipped"]) }),
            ),
          }),
        ),
        calls: z.number().int(),
      }),
      "Preview",
    ),
    ...errorResponses(401, 403, 404, 409, 503),
  },
});

const backfillRoute = createRoute({
  method: "post",
  path: "/crm/connections/{id}/backfill",
  summary: "Sync existing leads (MQLs by default) in the background; follow it at /crm/backfills/{id}",
  request: { params: idParams, body: jsonBody(z.object({ statuses: z.array(z.enum(LEAD_STATUSES)).min(1).optional() })) },
  responses: { 202: json(z.object({ jobId: z.string() }), "Started"), ...errorResponses(401, 403, 404, 409) },
});

const progressRoute = createRoute({
  method: "get",
  path: "/crm/backfills/{id}",
  summary: "Progress of a backfill: leads queued, synced, failed, pending",
  description: `A backfill is kept ${DELIVERY_RECORDS_DAYS} days after it started once nothing it queued is pending; then it is not found.`,
  request: { params: idParams },
  responses: {
    200: json(
      z.object({
        id: z.string(),
        connectionId: z.string(),
        statuses: z.array(z.string()),
        total: z.number().int(),
        queued: z.number().int(),
        synced: z.number().int(),
        failed: z.number().int(),
        pending: z.number().int(),
        finished: z.boolean(),
        startedAt: z.string(),
      }),
      "Progress",
    ),
    ...errorResponses(401, 404),
  },
});

const logRoute = createRoute({
  method: "get",
  path: "/crm/leads/{id}/log",
  summary: "A lead's CRM sync log, newest first: outcome, match, fields written and kept, task, calls and the CRM's answer",
  description: `Entries are kept ${DELIVERY_RECORDS_DAYS} days.`,
  request: { params: idParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }) },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            connectionId: z.string(),
            outcome: z.string(),
            matchedBy: z.string().nullable(),
            recordId: z.string().nullable(),
            written: z.record(z.string(), z.string().nullable()),
            kept: z.record(z.string(), z.string().nullable()),
            taskId: z.string().nullable(),
            eventIds: z.array(z.string()),
            calls: z.number().int(),
            httpStatus: z.number().int().nullable(),
            response: z.string().nullable(),
            at: z.string(),
          }),
        ),
      }),
      "Log",
    ),
    ...errorResponses(400, 401, 404),
  },
});

function crmFailure(err: unknown): never {
  if (err instanceof CrmAuthError) throw new ApiError("conflict", `The CRM refused the token (${err.message}); fix it with PATCH token.`);
  if (err instanceof CrmRetryLater || err instanceof CrmRejected) throw new ApiError("upstream_unavailable", `The CRM answered: ${err.message}`);
  throw err;
}

export const crmRoutes = newApp()
  .openapi(createRouteDef, async (c) => {
    const workspaceId = requireAdmin(c);
    const body = c.req.valid("json");
    const id = newId("crm");
    const conn: CrmConnection = {
      id,
      workspaceId,
      crm: body.crm,
      secret: await encrypt(c, body.token, id),
      secretHint: secretHint(body.token),
      companyDomain: body.crm === "pipedrive" ? body.companyDomain! : null,
      account: null,
      events: body.events ?? ["lead.mql"],
      mapping: body.mapping ?? {},
      taskOwnerId: body.taskOwnerId ?? null,
      fieldKeys: null,
      enabled: false,
      state: "untested",
      brokenReason: null,
      brokenAt: null,
      checkedAt: null,
      createdAt: Date.now(),
    };
    await insertConnection(c.env.DB, conn);
    return c.json(connectionView(conn, 0), 201);
  })
  .openapi(listRoute, async (c) => {
    const { workspaceId } = c.get("auth");
    const [items, pending] = await Promise.all([listConnections(c.env.DB, workspaceId), pendingCountsOf(c.env.DB, workspaceId)]);
    return c.json({ items: items.map((conn) => connectionView(conn, pending.get(conn.id) ?? 0)) }, 200);
  })
  .openapi(getRoute, async (c) => c.json(await view(c, c.req.valid("param").id), 200))
  .openapi(patchRoute, async (c) => {
    requireAdmin(c);
    const current = await load(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    const next: CrmConnection = { ...current };
    if (body.token !== undefined) {
      Object.assign(next, {
        secret: await encrypt(c, body.token, current.id),
        secretHint: secretHint(body.token),
        state: "untested",
        brokenReason: null,
        brokenAt: null,
      });
    }
    if (body.companyDomain !== undefined && current.crm === "pipedrive") Object.assign(next, { companyDomain: body.companyDomain, state: "untested" });
    if (body.events !== undefined) next.events = body.events;
    if (body.mapping !== undefined) next.mapping = body.mapping;
    if (body.taskOwnerId !== undefined) next.taskOwnerId = body.taskOwnerId;
    if (body.enabled !== undefined) next.enabled = body.enabled;
    await saveConnectionSettings(c.env.DB, next);
    // A new token is tested at once (and resumes what waited); enabling a working connection resumes what waited too.
    let test: z.infer<typeof testResultSchema> | null = null;
    if (next.state === "untested") test = await testConnection(c.env, next);
    else if (body.enabled === true && !current.enabled && next.state === "ok") await resumeConnection(c.env, next.id);
    return c.json({ ...(await view(c, current.id)), test }, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const conn = await load(c, c.req.valid("param").id);
    await deleteConnection(c.env.DB, workspaceId, conn.id);
    return c.body(null, 204);
  })
  .openapi(testRoute, async (c) => {
    requireAdmin(c);
    return c.json(await testConnection(c.env, await load(c, c.req.valid("param").id)), 200);
  })
  .openapi(previewRoute, async (c) => {
    requireAdmin(c);
    const conn = await load(c, c.req.valid("param").id);
    try {
      return c.json(await previewSync(c.env, conn, c.req.valid("query").limit ?? 20, Date.now()), 200);
    } catch (err) {
      if (err instanceof CrmAuthError) await markConnectionBroken(c.env.DB, conn.id, `the CRM refused the token: ${err.message}`, Date.now());
      crmFailure(err);
    }
  })
  .openapi(backfillRoute, async (c) => {
    requireAdmin(c);
    const conn = await load(c, c.req.valid("param").id);
    if (!conn.enabled) throw new ApiError("conflict", "Enable the connection (PATCH enabled: true) before a backfill; use the preview to check it first.");
    const jobId = await startBackfill(c.env, conn, c.req.valid("json").statuses ?? ["mql"], Date.now());
    return c.json({ jobId }, 202);
  })
  .openapi(progressRoute, async (c) => {
    const progress = await backfillProgress(c.env.DB, c.get("auth").workspaceId, c.req.valid("param").id);
    if (!progress) throw new ApiError("not_found", `No backfill ${c.req.valid("param").id}.`);
    return c.json(progress, 200);
  })
  .openapi(logRoute, async (c) => {
    const { workspaceId } = c.get("auth");
    const { id } = c.req.valid("param");
    // Another workspace's lead (or none) is a 404, as everywhere else, not an empty log.
    if (!(await findLead(c.env.DB, workspaceId, id))) throw new ApiError("not_found", `No lead ${id}.`);
    const items = await readLeadLog(c.env.DB, workspaceId, id, c.req.valid("query").limit ?? 50);
    return c.json({ items }, 200);
  });
