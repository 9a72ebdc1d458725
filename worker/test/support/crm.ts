import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { recordSyncEvents } from "../../src/crm/sync-events";
import { syncLead, type SyncResult } from "../../src/crm/sync-lead";
import { worker, type TestSite } from "./fixtures";
import { DAY, firmographics, scoreStateOf, seedCompany, seedLead } from "./leads-data";

/**
 * CRM test helpers: an account of their own on the HubSpot or Pipedrive fake for each test (test/fakes/), a
 * connection made through the admin API, MQL leads with their company, and a sync driven the way the queue
 * consumer drives it.
 */

export type Crm = "hubspot" | "pipedrive";
let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export interface FakeCrmAccount {
  crm: Crm;
  id: string;
  token: string;
  control(method: string, path: string, body?: unknown): Promise<Response>;
  state(): Promise<{
    companies: FakeCompanyView[];
    tasks: Record<string, unknown>[];
    customFields: Record<string, unknown>[];
    requests: { method: string; path: string; status: number }[];
  }>;
  /** A company that already exists in the CRM (Pipedrive: custom fields by label, e.g. { SIREN: "…" }). */
  seed(props: Record<string, unknown>): Promise<string>;
  /** A salesperson edits a company in the CRM. */
  edit(id: string, props: Record<string, unknown>): Promise<void>;
  script(steps: unknown[]): Promise<void>;
  config(c: { latencyMs?: number; searchLagMs?: number }): Promise<void>;
}

/** HubSpot: `{ id, properties }`; Pipedrive: the organization object. */
export type FakeCompanyView = Record<string, unknown> & { id: string | number; properties?: Record<string, string | null> };

export async function fakeCrmAccount(crm: Crm, init: Record<string, unknown> = {}): Promise<FakeCrmAccount> {
  const base = crm === "hubspot" ? inject("hubspotUrl") : inject("pipedriveUrl");
  const id = `acct${unique()}`;
  const token = `${crm === "hubspot" ? "pat-eu1-" : ""}tok-${id}-0123456789`;
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${base}/_fake/accounts/${id}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  await control("POST", "", { token, companyDomain: `acme${id}`, ...init });
  return {
    crm,
    id,
    token,
    control,
    state: async () => (await (await control("GET", "")).json()) as Awaited<ReturnType<FakeCrmAccount["state"]>>,
    seed: async (props) => ((await (await control("POST", "/companies", props)).json()) as { id: string }).id,
    edit: async (cid, props) => void (await control("PATCH", `/companies/${cid}`, props)),
    script: async (steps) => void (await control("POST", "/script", { steps })),
    config: async (c) => void (await control("POST", "/config", c)),
  };
}

export function api(site: { apiKey: string }, method: string, path: string, body?: unknown) {
  return worker.fetch(
    new Request(`https://api.sillage.test/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${site.apiKey}`, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    }),
  );
}

/** A connection to the fake account, tested and enabled through the admin API, as an admin would. */
export async function connect(site: TestSite, account: FakeCrmAccount, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api(site, "POST", "/crm/connections", {
    crm: account.crm,
    token: account.token,
    ...(account.crm === "pipedrive" ? { companyDomain: `acme${account.id}` } : {}),
    ...extra,
  });
  if (res.status !== 201) throw new Error(`connection not created: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const test = (await (await api(site, "POST", `/crm/connections/${id}/test`)).json()) as { ok: boolean; reason: string | null };
  if (!test.ok) throw new Error(`connection test failed: ${test.reason}`);
  const patch = await api(site, "PATCH", `/crm/connections/${id}`, { enabled: true });
  if (patch.status !== 200) throw new Error(`connection not enabled: ${patch.status}`);
  return id;
}

/** A random 9-digit SIREN, different for each lead (the companies table is shared by the tests of a file). */
export const newSiren = () => String(100_000_000 + Math.floor(Math.random() * 899_999_999));

/** An MQL lead with its company in the register (Danone's record, under the given SIREN and name). */
export async function seedMql(site: TestSite, o: { siren?: string | null; name?: string; domain?: string | null; city?: string; slaDueAt?: number } = {}) {
  const siren = o.siren === undefined ? newSiren() : o.siren;
  const name = o.name ?? `SOCIETE ${unique().toUpperCase()}`;
  if (siren) await seedCompany(firmographics({ siren, name, headOfficeSiret: `${siren}00017`, ...(o.city ? { city: o.city } : {}) }));
  const now = Date.now();
  // A real score state from the default model: "+10 Entreprise de plus de 100 salariés".
  const { state, score } = scoreStateOf([{ kind: "company", at: now - DAY, company: { siren: siren ?? undefined, headcountBracket: "42" } }], now);
  const leadId = await seedLead(site, {
    name,
    siren,
    status: "mql",
    score,
    scoreState: state,
    domain: o.domain ?? null,
    slaDueAt: o.slaDueAt ?? now + 2 * DAY,
    statusChangedAt: now - 3_600_000,
  });
  await env.DB.prepare("UPDATE leads SET mql_at = ? WHERE id = ?")
    .bind(now - 3_600_000, leadId)
    .run();
  return { leadId, siren, name };
}

let eventCounter = 0;
/**
 * A pending lead event for one connection, recorded without a queue message, so that the test runs the sync
 * itself (syncNow) and the queue consumer does not race it. Returns the event id.
 */
export async function leadEvent(
  site: TestSite,
  connectionId: string,
  leadId: string,
  kind = "lead.mql",
  eventId = `evt_${unique()}_${eventCounter++}`,
): Promise<string> {
  await recordSyncEvents(env.DB, [{ connectionId, eventId, workspaceId: site.workspaceId, leadId, kind, at: Date.now() }], Date.now());
  return eventId;
}

/** Runs the sync as the consumer would, retrying while another sync holds the lead or its company. */
export async function syncNow(connectionId: string, leadId: string): Promise<SyncResult> {
  for (let i = 0; i < 100; i++) {
    const r = await syncLead(env, connectionId, leadId);
    if (r.outcome !== "busy") return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("still busy after 100 tries");
}

/** HubSpot companies of the fake account, by their properties. */
export async function hubspotCompanies(account: FakeCrmAccount): Promise<(Record<string, string | null> & { id: string })[]> {
  return (await account.state()).companies.map((c) => ({ ...(c.properties as Record<string, string | null>), id: String(c.id) }));
}
