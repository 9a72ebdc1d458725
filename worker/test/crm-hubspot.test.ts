import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { hubspotRateLimited } from "../../test/fakes/hubspot";
import { queueCrmSyncs } from "../src/crm/queue-syncs";
import { emitLeadEvent } from "../src/webhooks/emit";
import { createTestSite, eventually } from "./support/fixtures";
import { api, connect, fakeCrmAccount, hubspotCompanies, leadEvent, newSiren, seedMql, syncNow } from "./support/crm";

async function setup(extra: Record<string, unknown> = {}) {
  const site = await createTestSite();
  const account = await fakeCrmAccount("hubspot", { portalId: 26541873 });
  const connectionId = await connect(site, account, extra);
  return { site, account, connectionId };
}

async function leadLinks(leadId: string) {
  const { results } = await env.DB.prepare("SELECT value FROM lead_links WHERE lead_id = ? AND kind = 'crm-record'").bind(leadId).all<{ value: string }>();
  return results.map((r) => r.value);
}

describe("HubSpot sync: matching", () => {
  it("the connection test creates the siren property and the other Sillage properties", async () => {
    const { account } = await setup();
    const names = (await account.state()).customFields.map((f) => f.name);
    expect(names).toContain("siren");
    expect(names).toEqual(expect.arrayContaining(["sillage_score", "sillage_status", "sillage_mql_date", "sillage_last_pages"]));
  });

  it("finds the company by SIREN even under another name and domain, and updates it", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site, { domain: "danone.fr" });
    const id = await account.seed({ name: "Danone (siège)", siren: lead.siren, domain: "other.example" });
    await leadEvent(site, connectionId, lead.leadId);
    const r = await syncNow(connectionId, lead.leadId);
    expect(r).toMatchObject({ outcome: "updated", matchedBy: "siren", recordId: `hubspot:26541873/${id}` });
    const companies = await hubspotCompanies(account);
    expect(companies).toHaveLength(1);
    expect(companies[0]).toMatchObject({
      sillage_status: "mql",
      sillage_score: "10",
      sillage_siret: `${lead.siren}00017`,
      sillage_naf: "70.10Z Activités des sièges sociaux",
    });
    // The salesperson's name and domain stay; the lead is found on this record from the extension.
    expect(companies[0]).toMatchObject({ name: "Danone (siège)", domain: "other.example" });
    expect(companies[0]!.sillage_score_explanation).toMatch(/^\+10 Entreprise de plus de 100 salariés — \d{4}-\d{2}-\d{2}$/);
    expect(await leadLinks(lead.leadId)).toEqual([`hubspot:26541873/${id}`]);
    const lookup = await api(site, "GET", `/leads/lookup?crm=${encodeURIComponent(`hubspot:26541873/${id}`)}`);
    expect(((await lookup.json()) as { lead: { id: string } | null }).lead?.id).toBe(lead.leadId);
  });

  it("then by web domain, then by exact legal name", async () => {
    const { site, account, connectionId } = await setup();
    const byDomain = await seedMql(site, { domain: "fromagerie-eclair.fr" });
    const domainId = await account.seed({ name: "Fromagerie", domain: "fromagerie-eclair.fr" });
    const byName = await seedMql(site, { name: "BISCUITERIE DU PORT" });
    const nameId = await account.seed({ name: "Biscuiterie du Port" });
    await account.seed({ name: "Biscuiterie du Port Nord" }); // not the same name
    await leadEvent(site, connectionId, byDomain.leadId);
    await leadEvent(site, connectionId, byName.leadId);
    expect(await syncNow(connectionId, byDomain.leadId)).toMatchObject({ outcome: "updated", matchedBy: "domain", recordId: `hubspot:26541873/${domainId}` });
    expect(await syncNow(connectionId, byName.leadId)).toMatchObject({ outcome: "updated", matchedBy: "name", recordId: `hubspot:26541873/${nameId}` });
    const companies = await hubspotCompanies(account);
    expect(companies).toHaveLength(3);
    // The SIREN is written on the matched company, so the next match is by SIREN.
    expect(companies.find((c) => c.id === domainId)?.siren).toBe(byDomain.siren);
  });

  it("creates the company only when nothing matches, with the firmographics, and a task due at the SLA deadline", async () => {
    const { site, account, connectionId } = await setup();
    await account.seed({ name: "Autre société", siren: newSiren(), domain: "autre.fr" });
    const due = Date.now() + 36 * 3_600_000;
    const lead = await seedMql(site, { domain: "nouvelle.fr", slaDueAt: due });
    await leadEvent(site, connectionId, lead.leadId);
    const r = await syncNow(connectionId, lead.leadId);
    expect(r).toMatchObject({ outcome: "created", matchedBy: null });
    const state = await account.state();
    const created = (await hubspotCompanies(account)).find((c) => c.siren === lead.siren)!;
    expect(created).toMatchObject({
      name: lead.name,
      domain: "nouvelle.fr",
      city: "PARIS",
      zip: "75009",
      annualrevenue: "27376000000",
      sillage_revenue_year: "2024",
      sillage_headcount: "1 000 à 1 999 salariés",
    });
    expect(created.sillage_mql_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(state.tasks).toHaveLength(1);
    const task = state.tasks[0] as { properties: Record<string, string>; associations: { to: { id: string } }[] };
    expect(task.properties.hs_timestamp).toBe(new Date(due).toISOString());
    expect(task.properties.hs_task_subject).toContain(lead.name);
    expect(task.associations[0]!.to.id).toBe(created.id);
  });

  it("gives the MQL task to the company's owner, or to the connection's chosen user", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await account.seed({ name: "Owned", siren: lead.siren, hubspot_owner_id: "555" });
    await leadEvent(site, connectionId, lead.leadId);
    await syncNow(connectionId, lead.leadId);
    expect(((await account.state()).tasks[0] as { properties: Record<string, string> }).properties.hubspot_owner_id).toBe("555");

    const other = await setup({ taskOwnerId: "777" });
    const lead2 = await seedMql(other.site);
    await other.account.seed({ name: "Owned", siren: lead2.siren, hubspot_owner_id: "555" });
    await leadEvent(other.site, other.connectionId, lead2.leadId);
    await syncNow(other.connectionId, lead2.leadId);
    expect(((await other.account.state()).tasks[0] as { properties: Record<string, string> }).properties.hubspot_owner_id).toBe("777");
  });
});

describe("HubSpot sync: never duplicate, never lose", () => {
  it("the same event delivered twice makes one company, one task, and no second write", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    const event = { workspaceId: site.workspaceId, leadId: lead.leadId, event: "lead.mql", eventId: "evt_twice_1", at: Date.now() };
    expect(await queueCrmSyncs(env, event)).toBe(1);
    expect(await queueCrmSyncs(env, event)).toBe(0);
    await eventually(async () => (await hubspotCompanies(account)).length === 1 && (await account.state()).tasks.length === 1);
    const before = (await account.state()).requests.length;
    expect(await syncNow(connectionId, lead.leadId)).toEqual({ outcome: "nothing_to_do" });
    expect((await account.state()).requests.length).toBe(before);
    expect(await hubspotCompanies(account)).toHaveLength(1);
  });

  it("a task whose answer was lost after HubSpot made it is found on the next try, not made twice", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    // A proxy's 502 after HubSpot created the task: the sync cannot tell whether it exists.
    await account.script([{ status: 502, body: { message: "Bad Gateway" }, path: "/crm/v3/objects/tasks", method: "POST", afterWrite: true }]);
    await leadEvent(site, connectionId, lead.leadId);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "retry" });
    expect((await account.state()).tasks).toHaveLength(1);
    const again = await syncNow(connectionId, lead.leadId);
    const tasks = (await account.state()).tasks as { id: string; properties: Record<string, string> }[];
    expect(tasks).toHaveLength(1);
    expect(again).toMatchObject({ taskId: tasks[0]!.id });
    expect(await hubspotCompanies(account)).toHaveLength(1);
  });

  it("a company whose creation answer was lost is found on the next try, not created twice", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await account.script([{ status: 504, body: { message: "Gateway Timeout" }, path: "/crm/v3/objects/companies", method: "POST", afterWrite: true }]);
    await leadEvent(site, connectionId, lead.leadId);
    const first = await syncNow(connectionId, lead.leadId);
    // Not sent again in place; the next try waits long enough for HubSpot's search index to show the company.
    expect(first).toMatchObject({ outcome: "retry" });
    expect((first as { delayMs: number }).delayMs).toBeGreaterThanOrEqual(30_000);
    expect(await hubspotCompanies(account)).toHaveLength(1);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ matchedBy: "siren" });
    expect(await hubspotCompanies(account)).toHaveLength(1);
    expect((await account.state()).tasks).toHaveLength(1);
  });

  it("two leads of the same company syncing at once make one company, despite the CRM's search lag", async () => {
    const { site, account, connectionId } = await setup();
    // Slow answers widen the race; new companies stay out of search results for 30 s, as HubSpot's index lags.
    await account.config({ latencyMs: 40, searchLagMs: 30_000 });
    const a = await seedMql(site, { name: "MANUFACTURE DUVAL", domain: "duval.fr" });
    const b = await seedMql(site, { siren: null, name: "Manufacture Duval", domain: "duval.fr" });
    await leadEvent(site, connectionId, a.leadId);
    await leadEvent(site, connectionId, b.leadId);
    const [ra, rb] = await Promise.all([syncNow(connectionId, a.leadId), syncNow(connectionId, b.leadId)]);
    expect([ra.outcome, rb.outcome].sort()).toEqual(["created", "updated"]);
    const companies = await hubspotCompanies(account);
    expect(companies).toHaveLength(1);
    expect(ra).toMatchObject({ recordId: `hubspot:26541873/${companies[0]!.id}` });
    expect(rb).toMatchObject({ recordId: `hubspot:26541873/${companies[0]!.id}` });
  });

  it("a 429 is retried after the Retry-After the CRM sent, and the sync goes through", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await account.script([{ ...hubspotRateLimited(2), match: "/search" }]);
    await leadEvent(site, connectionId, lead.leadId);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "created" });
    const searches = (await account.state()).requests.filter((r) => r.path.endsWith("/search")).map((r) => r.status);
    expect(searches).toEqual([429, 200]);
    expect(await hubspotCompanies(account)).toHaveLength(1);
  });

  it("a long Retry-After hands the sync back to the queue with that delay; the event stays pending until it succeeds", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await account.script([{ ...hubspotRateLimited(60), match: "/search" }]);
    await leadEvent(site, connectionId, lead.leadId);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "retry", delayMs: 60_000 });
    const pending = await env.DB.prepare("SELECT status, attempts FROM crm_sync_events WHERE connection_id = ?")
      .bind(connectionId)
      .first<{ status: string; attempts: number }>();
    expect(pending).toEqual({ status: "pending", attempts: 1 });
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "created" });
  });

  it("a revoked token marks the connection broken with the CRM's reason; nothing is lost and the sync resumes once the token is fixed", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await account.control("POST", "/tokens", { revoke: account.token });
    await leadEvent(site, connectionId, lead.leadId);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "auth_failed" });
    const broken = (await (await api(site, "GET", `/crm/connections/${connectionId}`)).json()) as {
      state: string;
      brokenReason: string;
      pendingEvents: number;
    };
    expect(broken.state).toBe("broken");
    expect(broken.brokenReason).toContain("Authentication credentials not found");
    expect(broken.pendingEvents).toBe(1);
    // Later events wait too, without a sync attempt.
    expect(await syncNow(connectionId, lead.leadId)).toEqual({ outcome: "paused" });

    const newToken = `pat-eu1-new-${account.id}-abcdef`;
    await account.control("POST", "/tokens", { add: newToken });
    const res = await api(site, "PATCH", `/crm/connections/${connectionId}`, { token: newToken });
    const fixed = (await res.json()) as { state: string; test: { ok: boolean; resumed: number } };
    expect(fixed).toMatchObject({ state: "ok", test: { ok: true, resumed: 1 } });
    // The resumed sync runs in the queue consumer.
    await eventually(
      async () => ((await (await api(site, "GET", `/crm/connections/${connectionId}`)).json()) as { pendingEvents: number }).pendingEvents === 0,
    );
    expect((await hubspotCompanies(account)).map((c) => c.siren)).toEqual([lead.siren]);
  });

  it("a value a salesperson edited in the CRM is kept; Sillage's own fields follow; `always` in the mapping overrides", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await leadEvent(site, connectionId, lead.leadId);
    await syncNow(connectionId, lead.leadId);
    const [company] = await hubspotCompanies(account);
    await account.edit(company!.id, { city: "Boulogne-Billancourt", sillage_status: "edited" });
    await env.DB.prepare("UPDATE leads SET status = 'sql' WHERE id = ?").bind(lead.leadId).run();
    await leadEvent(site, connectionId, lead.leadId, "lead.sql");
    const r = await syncNow(connectionId, lead.leadId);
    expect(r).toMatchObject({ outcome: "updated", matchedBy: "record" });
    const [after] = await hubspotCompanies(account);
    expect(after).toMatchObject({ city: "Boulogne-Billancourt", sillage_status: "sql" });
    const log = (await (await api(site, "GET", `/crm/leads/${lead.leadId}/log`)).json()) as {
      items: { outcome: string; kept: Record<string, string>; written: Record<string, string> }[];
    };
    expect(log.items[0]).toMatchObject({ outcome: "updated", kept: { city: "Boulogne-Billancourt" }, written: { status: "sql" } });

    await api(site, "PATCH", `/crm/connections/${connectionId}`, { mapping: { city: "always" } });
    await leadEvent(site, connectionId, lead.leadId, "lead.sql");
    await syncNow(connectionId, lead.leadId);
    expect((await hubspotCompanies(account))[0]!.city).toBe("PARIS");
  });

  it("a value the CRM had unchanged since Sillage wrote it follows the register", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site, { city: "LYON" });
    await leadEvent(site, connectionId, lead.leadId);
    await syncNow(connectionId, lead.leadId);
    await env.DB.prepare("UPDATE companies SET record = json_set(record, '$.city', 'VILLEURBANNE') WHERE siren = ?").bind(lead.siren).run();
    await leadEvent(site, connectionId, lead.leadId, "lead.identified");
    await syncNow(connectionId, lead.leadId);
    expect((await hubspotCompanies(account))[0]!.city).toBe("VILLEURBANNE");
  });

  it("a lead event emitted for webhooks reaches the CRM through the queue", async () => {
    const { site, account } = await setup();
    const lead = await seedMql(site);
    await emitLeadEvent(env, { workspaceId: site.workspaceId, leadId: lead.leadId, event: "lead.mql", at: Date.now() });
    await eventually(async () => (await hubspotCompanies(account)).some((c) => c.siren === lead.siren));
    await eventually(async () => (await account.state()).tasks.length === 1);
  });

  it("events the connection is not subscribed to are not synced", async () => {
    const { site, account } = await setup();
    const lead = await seedMql(site);
    expect(await queueCrmSyncs(env, { workspaceId: site.workspaceId, leadId: lead.leadId, event: "lead.rejected", eventId: "evt_rej", at: Date.now() })).toBe(
      0,
    );
    expect(await hubspotCompanies(account)).toHaveLength(0);
  });
});
