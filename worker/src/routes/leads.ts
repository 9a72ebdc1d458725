import { createRoute, z } from "@hono/zod-openapi";
import {
  leadDetailSchema,
  leadLinkBodySchema,
  leadLinkResultSchema,
  leadListQuerySchema,
  leadListSchema,
  leadLookupQuerySchema,
  leadLookupResultSchema,
  leadNoteBodySchema,
  leadNoteResultSchema,
  leadTransitionBodySchema,
  leadTransitionResultSchema,
} from "@sillage/shared/api/leads";
import type { AuthContext } from "../auth/auth-context";
import { newApp } from "../http/app-factory";
import { ApiError } from "../http/errors";
import { errorResponses, json, jsonBody } from "../http/openapi";
import { actorDisplayName, resolveActor } from "../leads/actor";
import { announceDecision } from "../leads/announce-decision";
import { leadDetail } from "../leads/detail/lead-detail";
import { findLead } from "../leads/find-lead";
import { linkLead } from "../leads/links";
import { linkUrl, normalizeLinkValue } from "../leads/link-value";
import { listLeads } from "../leads/list/list-leads";
import { planList } from "../leads/list/plan";
import { lookupLead } from "../leads/lookup/lookup-lead";
import { addNote } from "../leads/notes";
import { workspaceRejectionReasons } from "../leads/rejection-reasons";
import { transitionLead } from "../leads/transition-lead";

const leadParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, example: "lead_3k9x…" }),
});
const errors = { ...errorResponses(400, 401) };
const withLead = { ...errors, ...errorResponses(404) };

const LINK_HINTS = {
  "linkedin-company": "a LinkedIn company page URL such as https://www.linkedin.com/company/danone/, or its slug",
  "linkedin-profile": "a LinkedIn profile URL such as https://www.linkedin.com/in/jeanne-martin/, or its slug",
  domain: "a web domain such as danone.com, or a URL of the site",
  "crm-record":
    "the URL of a HubSpot company or contact, a Salesforce account, contact or lead, or a Pipedrive organisation or person, or its id such as hubspot:4415263/9876543210",
  crm: "an http(s) URL of the CRM record",
} as const;

/** The lead of the key's workspace; any other id — another workspace's lead included — is the same 404. */
async function requireLead(db: D1Database, auth: AuthContext, id: string) {
  const lead = await findLead(db, auth.workspaceId, id);
  if (!lead) throw new ApiError("not_found", `No lead ${id} in this workspace.`);
  return lead;
}

const listRoute = createRoute({
  method: "get",
  path: "/leads",
  summary: "The workspace's leads, filtered and sorted, one page at a time",
  description:
    "Keyset pagination: pass `nextCursor` back as `cursor` with the same sort and order. `q` searches names regardless of case, accents and legal forms. The score shown and sorted by is the one stored at the lead's last scoring.",
  request: { query: leadListQuerySchema },
  responses: { 200: json(leadListSchema, "One page of leads"), ...errors },
});

const lookupRoute = createRoute({
  method: "get",
  path: "/leads/lookup",
  summary: "Find the lead behind a LinkedIn page or profile, a web domain, a SIREN/SIRET, a company name or a CRM record",
  description:
    "Give exactly one key. `crm` is a CRM record's URL or its id (`hubspot:<portal>/<id>`, `salesforce:<My Domain>/<id>`, `pipedrive:<subdomain>/<id>`), found through `crm-record` links. When nothing matches the answer is still 200, with `lead: null` and why in `matchedBy`.",
  request: { query: leadLookupQuerySchema },
  responses: { 200: json(leadLookupResultSchema, "The lead, or null, and how it was matched"), ...errors },
});

const detailRoute = createRoute({
  method: "get",
  path: "/leads/{id}",
  summary: "One lead: company, contacts, score and its explanation, SLA, history, pages visited, notes, signals",
  request: { params: leadParams },
  responses: { 200: json(leadDetailSchema, "The lead"), ...withLead },
});

const linkRoute = createRoute({
  method: "post",
  path: "/leads/{id}/links",
  summary: "Link a LinkedIn company page or profile, a web domain or a CRM record to the lead",
  description: "Idempotent. A value already linked to another lead moves to this one (`movedFrom`). The next look-up by that value finds this lead.",
  request: { params: leadParams, body: jsonBody(leadLinkBodySchema) },
  responses: { 200: json(leadLinkResultSchema, "Already linked, or moved"), 201: json(leadLinkResultSchema, "Linked"), ...withLead },
});

const noteRoute = createRoute({
  method: "post",
  path: "/leads/{id}/notes",
  summary: "Add a note to the lead, signed by the key's member (or the key's name)",
  request: { params: leadParams, body: jsonBody(leadNoteBodySchema) },
  responses: { 201: json(leadNoteResultSchema, "The note"), ...withLead },
});

const transitionRoute = createRoute({
  method: "post",
  path: "/leads/{id}/transitions",
  summary: "Accept an MQL as SQL, reject it with a reason, or send it back to nurturing",
  description:
    "`reject` needs a `reasonCode` from the lead's `rejectionReasons` (some also need a `note`). An action the lead's status does not allow is a 409 `conflict`.",
  request: { params: leadParams, body: jsonBody(leadTransitionBodySchema) },
  responses: { 200: json(leadTransitionResultSchema, "The decision, recorded"), ...withLead, ...errorResponses(409) },
});

// The look-up is registered before `/leads/{id}`, which would otherwise take "lookup" for an id.
export const leadsRoutes = newApp()
  .openapi(listRoute, async (c) => {
    const planned = planList(c.req.valid("query"));
    if (!planned.ok) throw new ApiError("bad_request", `Invalid query: ${planned.message}`);
    return c.json(await listLeads(c.env.DB, c.get("auth").workspaceId, planned.plan, Date.now()), 200);
  })
  .openapi(lookupRoute, async (c) => {
    const { workspaceId } = c.get("auth");
    const now = Date.now();
    const hit = await lookupLead(c.env.DB, workspaceId, c.req.valid("query"));
    const lead = hit.leadId ? await findLead(c.env.DB, workspaceId, hit.leadId) : null;
    if (!lead) return c.json({ lead: null, matchedBy: hit.matchedBy }, 200);
    return c.json({ lead: await leadDetail(c.env.DB, lead, now), matchedBy: hit.matchedBy }, 200);
  })
  .openapi(detailRoute, async (c) => {
    const lead = await requireLead(c.env.DB, c.get("auth"), c.req.valid("param").id);
    return c.json(await leadDetail(c.env.DB, lead, Date.now()), 200);
  })
  .openapi(linkRoute, async (c) => {
    const auth = c.get("auth");
    const lead = await requireLead(c.env.DB, auth, c.req.valid("param").id);
    const { kind, value } = c.req.valid("json");
    const normalized = normalizeLinkValue(kind, value);
    if (!normalized) throw new ApiError("bad_request", `value: not a ${kind} (${LINK_HINTS[kind]})`);
    const now = Date.now();
    const actor = await resolveActor(c.env.DB, auth);
    const outcome = await linkLead(c.env.DB, lead, kind, normalized.value, actor, now);
    const detail = await leadDetail(c.env.DB, lead, now);
    const link = detail.links.find((l) => l.id === outcome.linkId) ?? {
      id: outcome.linkId,
      kind,
      value: normalized.value,
      url: linkUrl(kind, normalized.value),
      createdBy: actorDisplayName(`${actor.id}:${actor.name}`),
      at: new Date(now).toISOString(),
    };
    return c.json({ link, movedFrom: outcome.movedFrom, lead: detail }, outcome.created ? 201 : 200);
  })
  .openapi(noteRoute, async (c) => {
    const auth = c.get("auth");
    const lead = await requireLead(c.env.DB, auth, c.req.valid("param").id);
    const now = Date.now();
    const note = await addNote(c.env.DB, lead, c.req.valid("json").body, await resolveActor(c.env.DB, auth), now);
    return c.json({ note, lead: await leadDetail(c.env.DB, lead, now) }, 201);
  })
  .openapi(transitionRoute, async (c) => {
    const auth = c.get("auth");
    const db = c.env.DB;
    const lead = await requireLead(db, auth, c.req.valid("param").id);
    const now = Date.now();
    const [actor, reasons] = await Promise.all([resolveActor(db, auth), workspaceRejectionReasons(db, auth.workspaceId)]);
    const done = await transitionLead(db, lead, c.req.valid("json"), actor, reasons, now);
    await announceDecision(c.env, done.lead, done.entries, now);
    return c.json(
      {
        transitions: done.entries.map((e) => ({
          from: e.from,
          to: e.to,
          actor: e.actor.type === "system" ? "system" : (e.actor.name ?? e.actor.id),
          reasonCode: e.reason ?? null,
          note: e.note ?? null,
          at: new Date(e.at).toISOString(),
        })),
        lead: await leadDetail(db, done.lead, now),
      },
      200,
    );
  });
