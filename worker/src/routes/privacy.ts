import { createRoute, z } from "@hono/zod-openapi";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { idParam } from "../members/api-schemas";
import { iso } from "../lib/iso";
import { requireAdmin } from "../auth/require-admin";
import { erasePerson, findContact } from "../privacy/erase-person";
import { eraseVisitor, visitorIdFromTrackerId } from "../privacy/erase-visitor";
import { emptyReport } from "../privacy/erasure-report";
import { purgeExpiredHits, retentionStatus } from "../privacy/purge-expired-hits";

/**
 * Personal data: GDPR erasure (admin keys only: it cannot be undone) and retention. Everything is scoped to
 * the key's workspace: another workspace's contact or visitor is "not found", and an e-mail address is only
 * looked for in this workspace.
 */

const counts = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>);

const erasureSchema = z
  .object({
    found: z.boolean().openapi({ description: "Whether anything about the person was held" }),
    contactId: z.string().nullable(),
    deleted: counts([
      "contacts",
      "visitors",
      "sessions",
      "hits",
      "leads",
      "leadNotes",
      "leadLinks",
      "leadTransitions",
      "webhookDeliveries",
      "leadEvents",
      "crmSyncRecords",
    ] as const),
    scrubbed: counts(["leadsUnlinked", "scoreStates", "leadNotes", "transitionNotes", "sessions"] as const),
  })
  .openapi("Erasure");
const visitorErasureSchema = erasureSchema.extend({
  linkedContactId: z.string().nullable().openapi({ description: "The contact this browser was identified as: erase it by e-mail if the person asked" }),
});

const ERASURE_DOC =
  "Deletes the person's contact, browsers (visitors), sessions and hits — hits are deleted, not anonymised — and " +
  "removes their identifiers from what is kept (company leads, scoring states, notes, pending webhooks). Their own lead goes " +
  "with its events and CRM sync records (the CRM's own record stays: erase it there). Opt-outs are kept.";

const eraseContactRoute = createRoute({
  method: "delete",
  path: "/contacts/{id}",
  summary: "Erase a contact and everything that identifies them (admin)",
  description: ERASURE_DOC,
  request: { params: idParam },
  responses: { 200: json(erasureSchema, "Erased"), ...errorResponses(401, 403, 404) },
});

const eraseVisitorRoute = createRoute({
  method: "delete",
  path: "/visitors/{id}",
  summary: "Erase one browser's data (admin)",
  description: "Deletes the visitor's hits, sessions and row. The contact it may be linked to is reported, not erased.",
  request: { params: idParam },
  responses: { 200: json(visitorErasureSchema, "Erased"), ...errorResponses(401, 403, 404) },
});

const eraseBody = z
  .object({
    email: z.string().trim().pipe(z.email().max(254)).optional(),
    visitorId: z.string().min(1).max(64).optional().openapi({ description: "Sillage's visitor id (vis_…)" }),
    site: z.string().min(1).max(64).optional().openapi({ description: "With vid: the site's public key" }),
    vid: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional()
      .openapi({ description: "With site: the tracker's browser id (localStorage sillage_vid)" }),
  })
  .strict()
  .refine(
    (b) =>
      [b.email !== undefined, b.visitorId !== undefined, b.site !== undefined || b.vid !== undefined].filter(Boolean).length === 1 &&
      (b.site === undefined) === (b.vid === undefined),
    "give exactly one of: email; visitorId; site with vid",
  );

const eraseRoute = createRoute({
  method: "post",
  path: "/privacy/erase",
  summary: "Erase a person by e-mail, or a browser by visitor id / tracker id (admin)",
  description:
    `${ERASURE_DOC} By e-mail, also deletes hits whose URL, referrer, title or properties quote the address. ` +
    "Answers 200 with found: false when nothing was held, so that a request can be answered either way.",
  request: { body: jsonBody(eraseBody) },
  responses: { 200: json(z.union([erasureSchema, visitorErasureSchema]), "Erasure report"), ...errorResponses(400, 401, 403) },
});

const retentionSchema = z
  .object({
    retentionDays: z.number().int(),
    keepRawIp: z.boolean(),
    cutoff: z.string().openapi({ description: "Hits that occurred before this are past retention" }),
    hitsPastRetention: z.number().int().openapi({ description: "Not purged yet (the purge runs every 5 minutes)" }),
    oldestHitAt: z.string().nullable(),
  })
  .openapi("Retention");

const retentionRoute = createRoute({
  method: "get",
  path: "/privacy/retention",
  summary: "Retention settings and what they mean now",
  description: "Change them with PATCH /workspace (retentionDays, keepRawIp).",
  responses: { 200: json(retentionSchema, "Retention"), ...errorResponses(401) },
});

const purgeRoute = createRoute({
  method: "post",
  path: "/privacy/purge",
  summary: "Apply retention now (admin)",
  description:
    "Deletes the workspace's hits older than retentionDays (sessions, visitors, leads and scores stay), site by site " +
    "within a bounded budget per call: when `complete` is false, call again to resume where this call stopped. The same " +
    "purge runs every 5 minutes for every workspace. Raw IPs are erased by their own background job (see keepRawIp).",
  responses: {
    200: json(
      retentionSchema.extend({
        purgedHits: z.number().int(),
        complete: z.boolean().openapi({ description: "Every site of the workspace was purged (in this call or the previous ones)" }),
        sitesRemaining: z.number().int().openapi({ description: "Sites this purge has not reached yet" }),
      }),
      "Purged",
    ),
    ...errorResponses(401, 403),
  },
});

/** D1 statements one on-demand purge call may run (a request has the same 1,000-query limit as the cron). */
const PURGE_STATEMENTS_PER_CALL = 100;

function retentionJson(r: NonNullable<Awaited<ReturnType<typeof retentionStatus>>>) {
  return { ...r, cutoff: iso(r.cutoff), oldestHitAt: r.oldestHitAt === null ? null : iso(r.oldestHitAt) };
}

async function currentRetention(db: D1Database, workspaceId: string) {
  const status = await retentionStatus(db, workspaceId, Date.now());
  if (!status) throw new ApiError("not_found", "This key's workspace no longer exists.");
  return status;
}

export const privacyRoutes = newApp()
  .openapi(eraseContactRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const { id } = c.req.valid("param");
    const contact = await findContact(c.env.DB, workspaceId, { id });
    if (!contact) throw new ApiError("not_found", `No contact ${id} in this workspace.`);
    return c.json(await erasePerson(c.env.DB, workspaceId, contact.email, contact), 200);
  })
  .openapi(eraseVisitorRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const { id } = c.req.valid("param");
    const report = await eraseVisitor(c.env.DB, workspaceId, id);
    if (!report) throw new ApiError("not_found", `No visitor ${id} in this workspace.`);
    return c.json(report, 200);
  })
  .openapi(eraseRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const body = c.req.valid("json");
    if (body.email !== undefined) {
      const contact = await findContact(c.env.DB, workspaceId, { email: body.email });
      return c.json(await erasePerson(c.env.DB, workspaceId, body.email, contact), 200);
    }
    const visitorId = body.visitorId ?? (await visitorIdFromTrackerId(c.env.DB, workspaceId, body.site!, body.vid!));
    const report = visitorId ? await eraseVisitor(c.env.DB, workspaceId, visitorId) : null;
    // Nothing held is an answer too (the person may never have visited, or was already erased).
    return c.json(report ?? { ...emptyReport(), linkedContactId: null }, 200);
  })
  .openapi(retentionRoute, async (c) => c.json(retentionJson(await currentRetention(c.env.DB, c.get("auth").workspaceId)), 200))
  .openapi(purgeRoute, async (c) => {
    const workspaceId = requireAdmin(c);
    const p = await purgeExpiredHits(c.env.DB, Date.now(), { workspaceId, maxStatements: PURGE_STATEMENTS_PER_CALL });
    return c.json(
      { ...retentionJson(await currentRetention(c.env.DB, workspaceId)), purgedHits: p.changed, complete: p.complete, sitesRemaining: p.sitesRemaining },
      200,
    );
  });
