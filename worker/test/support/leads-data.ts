import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "@sillage/shared/api-key";
import type { Firmographics } from "@sillage/shared/firmographics/record";
import { applyEvent } from "@sillage/shared/scoring/apply-event";
import { DEFAULT_MODEL } from "@sillage/shared/scoring/default-model";
import type { ScoringEvent } from "@sillage/shared/scoring/events";
import { emptyState, type ScoreState } from "@sillage/shared/scoring/state";
import { saveCompany } from "../../src/identify/company-store";
import { worker, type TestSite } from "./fixtures";

/**
 * Leads, companies, contacts and hits written straight to D1, as the leads pipeline would leave them, so the
 * leads API can be tested on its own.
 */

export const DAY = 86_400_000;
const uid = (prefix: string) => `${prefix}_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;

/** A register record (Danone by default: real SIREN and head-office SIRET). */
export function firmographics(overrides: Partial<Firmographics> = {}): Firmographics {
  return {
    source: "recherche-entreprises",
    siren: "552032534",
    headOfficeSiret: "55203253400646",
    name: "DANONE",
    aliases: [],
    legalFormCode: "5599",
    legalFormLabel: "SA à conseil d'administration (s.a.i.)",
    nafCode: "70.10Z",
    nafLabel: "Activités des sièges sociaux",
    nafSection: "M",
    nafSectionLabel: "Activités spécialisées, scientifiques et techniques",
    headcountCode: "42",
    headcountMin: 1000,
    headcountMax: 1999,
    headcountLabel: "1 000 à 1 999 salariés",
    headcountYear: 2022,
    revenue: 27376000000,
    netIncome: 881000000,
    financesYear: 2024,
    category: "GE",
    categoryYear: 2022,
    address: "17 BOULEVARD HAUSSMANN 75009 PARIS",
    postalCode: "75009",
    city: "PARIS",
    departementCode: "75",
    departementName: "Paris",
    regionCode: "11",
    regionName: "Île-de-France",
    foreignCountry: null,
    createdOn: "1955-01-01",
    ceasedOn: null,
    active: true,
    vatNumber: "FR27552032534",
    establishmentCount: 10,
    openEstablishmentCount: 3,
    publicBody: false,
    association: false,
    diffusible: true,
    ...overrides,
  };
}

export async function seedCompany(record: Firmographics): Promise<void> {
  await saveCompany(env.DB, record, Date.now());
}

/** A score state built by the real engine with the default model, from the given events. */
export function scoreStateOf(events: ScoringEvent[], now = Date.now()): { state: ScoreState; score: number } {
  let state = emptyState(DEFAULT_MODEL.version);
  let score = 0;
  for (const e of events) ({ state, score } = applyEvent(DEFAULT_MODEL, state, e, now));
  return { state, score };
}

export interface LeadSeed {
  name: string;
  siren?: string | null;
  status?: "anonymous" | "identified" | "mql" | "sql" | "rejected" | "nurturing";
  score?: number;
  scoreState?: ScoreState | null;
  domain?: string | null;
  linkedinUrl?: string | null;
  contactId?: string | null;
  statusChangedAt?: number;
  slaDueAt?: number | null;
  firstSeenAt?: number;
  lastSeenAt?: number;
  mergedInto?: string | null;
}

export async function seedLead(site: TestSite, seed: LeadSeed): Promise<string> {
  const id = uid("lead");
  const now = Date.now();
  const key = seed.siren ? `siren:${seed.siren}` : `org:${seed.name.toLowerCase()}:${id}`;
  await env.DB.prepare(
    `INSERT INTO leads (id, workspace_id, key, siren, name, contact_id, domain, linkedin_url, status, status_changed_at, score, score_state,
       model_version, sla_due_at, merged_into, first_seen_at, last_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      site.workspaceId,
      key,
      seed.siren ?? null,
      seed.name,
      seed.contactId ?? null,
      seed.domain ?? null,
      seed.linkedinUrl ?? null,
      seed.status ?? "identified",
      seed.statusChangedAt ?? now - DAY,
      seed.score ?? 0,
      seed.scoreState ? JSON.stringify(seed.scoreState) : null,
      seed.scoreState ? DEFAULT_MODEL.version : null,
      seed.slaDueAt ?? null,
      seed.mergedInto ?? null,
      seed.firstSeenAt ?? now - 10 * DAY,
      seed.lastSeenAt ?? now - DAY,
    )
    .run();
  return id;
}

export async function seedContact(
  site: TestSite,
  c: { email: string; name?: string; jobTitle?: string; phone?: string; linkedinUrl?: string; siren?: string | null },
): Promise<string> {
  const id = uid("ct");
  const now = Date.now();
  await env.DB.prepare(
    "INSERT INTO contacts (id, workspace_id, email, name, job_title, phone, linkedin_url, siren, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  )
    .bind(id, site.workspaceId, c.email, c.name ?? null, c.jobTitle ?? null, c.phone ?? null, c.linkedinUrl ?? null, c.siren ?? null, now, now)
    .run();
  return id;
}

/** A browser (with one session) of the site; optionally known as a contact. */
export async function seedVisitor(site: TestSite, contactId: string | null = null): Promise<{ visitorId: string; sessionId: string }> {
  const visitorId = uid("vis");
  const sessionId = uid("ses");
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO visitors (id, site_id, workspace_id, visitor_key, contact_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)").bind(
      visitorId,
      site.siteId,
      site.workspaceId,
      uid("vk"),
      contactId,
      now,
      now,
    ),
    env.DB.prepare("INSERT INTO sessions (id, visitor_id, site_id, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?)").bind(
      sessionId,
      visitorId,
      site.siteId,
      now,
      now,
    ),
  ]);
  return { visitorId, sessionId };
}

export interface HitSeed {
  leadId: string | null;
  visitor: { visitorId: string; sessionId: string };
  type?: "pageview" | "event" | "identify" | "engagement";
  path?: string;
  title?: string;
  name?: string;
  occurredAt: number;
  engagedMs?: number;
  contactId?: string;
  networkKind?: string;
}

export async function seedHit(site: TestSite, h: HitSeed): Promise<string> {
  const id = uid("hit");
  const path = h.path ?? "/";
  await env.DB.prepare(
    `INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, contact_id, type, source, name, url, hostname, path, title,
       engaged_ms, enrichment_status, network_kind, lead_id, occurred_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'collect', ?, ?, 'www.exemple.fr', ?, ?, ?, 'done', ?, ?, ?, ?)`,
  )
    .bind(
      id,
      site.siteId,
      site.workspaceId,
      h.visitor.visitorId,
      h.visitor.sessionId,
      h.contactId ?? null,
      h.type ?? "pageview",
      h.name ?? null,
      `https://www.exemple.fr${path}`,
      path,
      h.title ?? null,
      h.engagedMs ?? null,
      h.networkKind ?? "corporate",
      h.leadId,
      h.occurredAt,
      h.occurredAt,
    )
    .run();
  return id;
}

export async function seedTransition(site: TestSite, leadId: string, t: { from: string; to: string; actor?: string; reasonCode?: string; at: number }) {
  await env.DB.prepare(
    "INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)",
  )
    .bind(uid("tr"), leadId, site.workspaceId, t.from, t.to, t.actor ?? "system", t.reasonCode ?? null, t.at)
    .run();
}

/** A member of the workspace and an API key acting for them. */
export async function seedMemberKey(site: TestSite, name: string): Promise<{ memberId: string; apiKey: string }> {
  const memberId = uid("mem");
  const apiKey = generateApiKey();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO members (id, workspace_id, email, name, role, created_at) VALUES (?, ?, ?, ?, 'member', ?)").bind(
      memberId,
      site.workspaceId,
      `${memberId}@exemple.fr`,
      name,
      now,
    ),
    env.DB.prepare("INSERT INTO api_keys (id, workspace_id, member_id, name, role, prefix, hash, created_at) VALUES (?, ?, ?, ?, 'member', ?, ?, ?)").bind(
      uid("key"),
      site.workspaceId,
      memberId,
      `clé de ${name}`,
      apiKeyPrefix(apiKey),
      await hashApiKey(apiKey),
      now,
    ),
  ]);
  return { memberId, apiKey };
}

/** A webhook endpoint of the workspace, on the local test receiver (worker/test/setup/webhook-receiver.ts), which answers 200. */
export async function seedWebhookEndpoint(site: TestSite, events: string[]): Promise<string> {
  const id = uid("whe");
  await env.DB.prepare("INSERT INTO webhook_endpoints (id, workspace_id, url, format, events, secret, created_at) VALUES (?, ?, ?, 'json', ?, ?, ?)")
    .bind(id, site.workspaceId, `${inject("webhookReceiverUrl")}/hooks/${id}`, JSON.stringify(events), "whsec_test", Date.now())
    .run();
  return id;
}

/** Calls the API with a key; answers the status and the parsed JSON body. */
export async function api(apiKey: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await worker.fetch(
    new Request(`https://api.sillage.test/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${apiKey}`, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    }),
  );
  return { status: res.status, body: await res.json() };
}
