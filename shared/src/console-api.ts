import { z } from "zod";
import { createApiRequest, createSillageClient, queryString, type SillageClient, type SillageClientOptions } from "./api-client";
import { DROP_REASONS } from "./drop-reasons";

/**
 * The console's part of the typed client: sign-in, sites and their installation check, KPIs, the scoring model,
 * webhooks, members and keys. Schemas describe what the worker answers (worker/src/routes, worker/src/members);
 * fields the console does not read are let through untouched.
 */

const role = z.enum(["admin", "member"]);
const nullableIso = z.string().nullable();
/** The member an API key belongs to (null for a workspace-level key). */
const keyMember = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();

export const consoleSessionSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  role,
  key: z.object({ id: z.string(), name: z.string(), prefix: z.string() }),
  member: keyMember,
});
export type ConsoleSession = z.infer<typeof consoleSessionSchema>;

export const siteSchema = z.object({
  id: z.string(),
  name: z.string(),
  publicKey: z.string(),
  allowedHostnames: z.array(z.string()),
  respectDnt: z.boolean(),
  respectGpc: z.boolean(),
  createdAt: z.string(),
});
export type Site = z.infer<typeof siteSchema>;
export interface SiteInput {
  name: string;
  allowedHostnames: string[];
  respectDnt?: boolean;
  respectGpc?: boolean;
}

export const installationSchema = z.object({
  siteId: z.string(),
  installed: z.boolean(),
  firstHitAt: nullableIso,
  lastHitAt: nullableIso,
  hitsLastDay: z.number(),
  recentHits: z.array(z.object({ at: z.string(), type: z.string(), hostname: z.string().nullable(), path: z.string().nullable() })),
  drops: z.array(z.object({ reason: z.enum(DROP_REASONS), count: z.number(), lastDay: z.string() })),
  rejectedHostnames: z.array(z.object({ hostname: z.string(), count: z.number(), lastDay: z.string() })),
  allowedHostnames: z.array(z.string()),
});
export type Installation = z.infer<typeof installationSchema>;

export const kpisSchema = z.object({
  from: z.string(),
  to: z.string(),
  leads: z.number(),
  mqls: z.number(),
  sqls: z.number(),
  rejections: z.number(),
  leadToMqlRate: z.number().nullable(),
  mqlToSqlRate: z.number().nullable(),
  medianMqlToSqlMs: z.number().nullable(),
  sla: z.object({ slaHours: z.number(), inTime: z.number(), breached: z.number(), pending: z.number(), compliance: z.number().nullable() }),
  rejectionReasons: z.record(z.string(), z.number()),
});
export type Kpis = z.infer<typeof kpisSchema>;

export const weeklySchema = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.object({ week: z.string(), leads: z.number(), mqls: z.number(), sqls: z.number() })),
});
export type WeeklyFunnel = z.infer<typeof weeklySchema>;

/** The scoring model document (shared/src/scoring/model.ts); the console edits it as data and the worker validates it. */
export const scoringModelSchema = z.record(z.string(), z.unknown());
export type ScoringModelDocument = z.infer<typeof scoringModelSchema>;

export const modelSaveSchema = z.object({
  model: scoringModelSchema,
  dryRun: z.boolean(),
  leadsEvaluated: z.number(),
  wouldChangeStatus: z.number(),
  /** Present when the worker reports the direction of each change. */
  wouldBecomeMql: z.number().optional(),
  wouldFallBack: z.number().optional(),
  rescoreJobId: z.string().nullable(),
});
export type ModelSave = z.infer<typeof modelSaveSchema>;

export const rescoreJobSchema = z.object({
  id: z.string(),
  modelVersion: z.number(),
  status: z.string(),
  total: z.number(),
  done: z.number(),
  changedStatus: z.number(),
  progress: z.number(),
});
export type RescoreJob = z.infer<typeof rescoreJobSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  format: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledAt: nullableIso,
  disabledReason: z.string().nullable(),
  consecutiveFailures: z.number(),
  secretHint: z.string(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: nullableIso,
  createdAt: z.string(),
  test: z.boolean(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const memberSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role, createdAt: z.string(), removedAt: nullableIso });
export type Member = z.infer<typeof memberSchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role,
  prefix: z.string(),
  member: keyMember,
  createdAt: z.string(),
  lastUsedAt: nullableIso,
  revokedAt: nullableIso,
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const crmConnectionSchema = z.object({
  id: z.string(),
  crm: z.enum(["hubspot", "pipedrive"]),
  companyDomain: z.string().nullable(),
  account: z.string().nullable(),
  events: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  taskOwnerId: z.string().nullable(),
  enabled: z.boolean(),
  state: z.string(),
  brokenReason: z.string().nullable(),
  brokenAt: nullableIso,
  checkedAt: nullableIso,
  tokenHint: z.string(),
  pendingEvents: z.number(),
  createdAt: z.string(),
});
export type CrmConnection = z.infer<typeof crmConnectionSchema>;

export const crmTestSchema = z.object({ ok: z.boolean(), account: z.string().nullable(), reason: z.string().nullable(), resumed: z.number() });
export type CrmTest = z.infer<typeof crmTestSchema>;

export const crmPreviewSchema = z.object({
  items: z.array(
    z.object({
      leadId: z.string(),
      name: z.string(),
      action: z.enum(["create", "update", "unchanged"]),
      matchedBy: z.string().nullable(),
      candidates: z.number(),
      recordId: z.string().nullable(),
      fields: z.array(z.object({ field: z.string(), crm: z.string().nullable(), sillage: z.string().nullable(), action: z.string() })),
    }),
  ),
  calls: z.number(),
});
export type CrmPreview = z.infer<typeof crmPreviewSchema>;

export const crmBackfillSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  statuses: z.array(z.string()),
  total: z.number(),
  queued: z.number(),
  synced: z.number(),
  failed: z.number(),
  pending: z.number(),
  finished: z.boolean(),
  startedAt: z.string(),
});
export type CrmBackfill = z.infer<typeof crmBackfillSchema>;

export interface CrmConnectionInput {
  crm: "hubspot" | "pipedrive";
  token: string;
  companyDomain?: string;
}

const anything = z.unknown();

export interface ConsoleClient extends SillageClient {
  signIn(key: string): Promise<ConsoleSession>;
  signOut(): Promise<void>;
  session(): Promise<ConsoleSession>;
  listSites(): Promise<Site[]>;
  createSite(input: SiteInput): Promise<Site>;
  updateSite(id: string, patch: Partial<SiteInput>): Promise<Site>;
  installation(siteId: string): Promise<Installation>;
  kpis(from: string, to: string): Promise<Kpis>;
  weekly(from: string, to: string): Promise<WeeklyFunnel>;
  scoringModel(): Promise<ScoringModelDocument>;
  saveScoringModel(model: ScoringModelDocument, opts: { dryRun: boolean }): Promise<ModelSave>;
  rescoreJob(id: string): Promise<RescoreJob>;
  webhooks(): Promise<Webhook[]>;
  createWebhook(body: { url: string; format: "json" | "slack"; events?: string[] }): Promise<Webhook & { secret?: string }>;
  updateWebhook(id: string, patch: { enabled?: boolean }): Promise<Webhook>;
  testWebhook(id: string): Promise<{ deliveryId: string }>;
  deliveries(id: string): Promise<Delivery[]>;
  members(): Promise<Member[]>;
  addMember(body: { email: string; name: string; role: "admin" | "member" }): Promise<Member>;
  removeMember(id: string): Promise<void>;
  keys(): Promise<ApiKey[]>;
  createKey(body: { memberId: string; name: string }): Promise<ApiKey & { key: string }>;
  revokeKey(id: string): Promise<ApiKey>;
  crmConnections(): Promise<CrmConnection[]>;
  connectCrm(input: CrmConnectionInput): Promise<CrmConnection>;
  updateCrmConnection(id: string, patch: { enabled?: boolean; token?: string }): Promise<CrmConnection & { test: CrmTest | null }>;
  testCrmConnection(id: string): Promise<CrmTest>;
  deleteCrmConnection(id: string): Promise<void>;
  previewCrmSync(id: string): Promise<CrmPreview>;
  startCrmBackfill(id: string): Promise<{ jobId: string }>;
  crmBackfill(jobId: string): Promise<CrmBackfill>;
}

/** The console's client: same origin, authenticated by the session cookie (no key in the page). */
export function createConsoleClient(options: SillageClientOptions): ConsoleClient {
  const request = createApiRequest(options);
  const id = encodeURIComponent;
  return {
    ...createSillageClient(options),
    signIn: (key) => request("POST", "/session", consoleSessionSchema, { key }),
    signOut: async () => void (await request("DELETE", "/session", anything)),
    session: () => request("GET", "/session", consoleSessionSchema),
    listSites: async () => (await request("GET", "/sites", z.object({ sites: z.array(siteSchema) }))).sites,
    createSite: (input) => request("POST", "/sites", siteSchema, input),
    updateSite: (siteId, patch) => request("PATCH", `/sites/${id(siteId)}`, siteSchema, patch),
    installation: (siteId) => request("GET", `/sites/${id(siteId)}/installation`, installationSchema),
    kpis: (from, to) => request("GET", `/scoring/kpis${queryString({ from, to })}`, kpisSchema),
    weekly: (from, to) => request("GET", `/scoring/kpis/weekly${queryString({ from, to })}`, weeklySchema),
    scoringModel: async () => (await request("GET", "/scoring/model", z.object({ model: scoringModelSchema }))).model,
    saveScoringModel: (model, { dryRun }) => request("PUT", `/scoring/model${queryString({ dryRun: String(dryRun) })}`, modelSaveSchema, model),
    rescoreJob: (jobId) => request("GET", `/scoring/rescore-jobs/${id(jobId)}`, rescoreJobSchema),
    webhooks: async () => (await request("GET", "/webhooks", z.object({ items: z.array(webhookSchema) }))).items,
    createWebhook: (body) => request("POST", "/webhooks", webhookSchema.extend({ secret: z.string().optional() }), body),
    updateWebhook: (hookId, patch) => request("PATCH", `/webhooks/${id(hookId)}`, webhookSchema, patch),
    testWebhook: (hookId) => request("POST", `/webhooks/${id(hookId)}/test`, z.object({ deliveryId: z.string() })),
    deliveries: async (hookId) => (await request("GET", `/webhooks/${id(hookId)}/deliveries?limit=20`, z.object({ items: z.array(deliverySchema) }))).items,
    members: async () => (await request("GET", "/members", z.object({ members: z.array(memberSchema) }))).members,
    addMember: (body) => request("POST", "/members", memberSchema, body),
    removeMember: async (memberId) => void (await request("DELETE", `/members/${id(memberId)}`, anything)),
    keys: async () => (await request("GET", "/keys", z.object({ keys: z.array(apiKeySchema) }))).keys,
    createKey: (body) => request("POST", "/keys", apiKeySchema.extend({ key: z.string() }), body),
    revokeKey: (keyId) => request("DELETE", `/keys/${id(keyId)}`, apiKeySchema),
    crmConnections: async () => (await request("GET", "/crm/connections", z.object({ items: z.array(crmConnectionSchema) }))).items,
    connectCrm: (input) => request("POST", "/crm/connections", crmConnectionSchema, input),
    updateCrmConnection: (connId, patch) =>
      request("PATCH", `/crm/connections/${id(connId)}`, crmConnectionSchema.extend({ test: crmTestSchema.nullable() }), patch),
    testCrmConnection: (connId) => request("POST", `/crm/connections/${id(connId)}/test`, crmTestSchema),
    deleteCrmConnection: async (connId) => void (await request("DELETE", `/crm/connections/${id(connId)}`, anything)),
    previewCrmSync: (connId) => request("GET", `/crm/connections/${id(connId)}/preview?limit=20`, crmPreviewSchema),
    startCrmBackfill: (connId) => request("POST", `/crm/connections/${id(connId)}/backfill`, z.object({ jobId: z.string() }), {}),
    crmBackfill: (jobId) => request("GET", `/crm/backfills/${id(jobId)}`, crmBackfillSchema),
  };
}
