import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { pipedriveRateLimited } from "../../test/fakes/pipedrive";
import { createTestSite } from "./support/fixtures";
import { api, connect, fakeCrmAccount, leadEvent, seedMql, syncNow, type FakeCrmAccount } from "./support/crm";

async function setup() {
  const site = await createTestSite();
  const account = await fakeCrmAccount("pipedrive");
  const connectionId = await connect(site, account);
  return { site, account, connectionId, sub: `acme${account.id}` };
}

/** The key Pipedrive gave a custom field the connection created, by its label. */
async function fieldKey(account: FakeCrmAccount, label: string): Promise<string> {
  const f = (await account.state()).customFields.find((x) => x.name === label);
  if (!f) throw new Error(`no field ${label}`);
  return String(f.key);
}

describe("Pipedrive sync", () => {
  it("the connection test creates the SIREN organization field (and the other Sillage fields) with Pipedrive's generated keys", async () => {
    const { account } = await setup();
    const fields = (await account.state()).customFields as { name: string; key: string; field_type: string }[];
    expect(fields.find((f) => f.name === "SIREN")).toMatchObject({ field_type: "varchar", key: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(fields.find((f) => f.name === "Score Sillage")?.field_type).toBe("double");
  });

  it("finds the organization by SIREN, updates it, and creates the MQL activity for its owner", async () => {
    const { site, account, connectionId, sub } = await setup();
    const lead = await seedMql(site);
    const id = await account.seed({ name: "Danone SA", SIREN: lead.siren, owner_id: 4242 });
    await account.seed({ name: "Leurre", SIREN: "999999999", "Code NAF": lead.siren }); // the SIREN in another field is no match
    await leadEvent(site, connectionId, lead.leadId);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "updated", matchedBy: "siren", recordId: `pipedrive:${sub}/${id}` });
    const state = await account.state();
    expect(state.companies).toHaveLength(2);
    const org = state.companies.find((c) => String(c.id) === id)!;
    expect(org.name).toBe("Danone SA");
    expect(org[await fieldKey(account, "Score Sillage")]).toBe(10);
    expect(org[await fieldKey(account, "Statut Sillage")]).toBe("mql");
    expect(state.tasks).toHaveLength(1);
    expect(state.tasks[0]).toMatchObject({ type: "task", org_id: Number(id), user_id: 4242, due_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it("matches by domain then exact name, and creates an organization only when nothing matches", async () => {
    const { site, account, connectionId } = await setup();
    const byDomain = await seedMql(site, { domain: "duval.fr" });
    const domainId = await account.seed({ name: "Duval", "Domaine web": "duval.fr" });
    const byName = await seedMql(site, { name: "CONSERVERIE MARTIN" });
    const nameId = await account.seed({ name: "Conserverie Martin" });
    const fresh = await seedMql(site, { name: "ATELIER NEUF" });
    for (const l of [byDomain, byName, fresh]) await leadEvent(site, connectionId, l.leadId);
    expect(await syncNow(connectionId, byDomain.leadId)).toMatchObject({
      outcome: "updated",
      matchedBy: "domain",
      recordId: expect.stringMatching(new RegExp(`/${domainId}$`)),
    });
    expect(await syncNow(connectionId, byName.leadId)).toMatchObject({
      outcome: "updated",
      matchedBy: "name",
      recordId: expect.stringMatching(new RegExp(`/${nameId}$`)),
    });
    expect(await syncNow(connectionId, fresh.leadId)).toMatchObject({ outcome: "created" });
    const companies = (await account.state()).companies;
    expect(companies).toHaveLength(3);
    const created = companies.find((c) => c.name === "ATELIER NEUF")!;
    expect(created[await fieldKey(account, "SIREN")]).toBe(fresh.siren);
    expect(created.address).toBe("17 BOULEVARD HAUSSMANN 75009 PARIS");
  });

  it("a 429 with x-ratelimit headers is retried, and a revoked token breaks the connection without losing the event", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await account.script([{ ...pipedriveRateLimited(1), match: "/search" }]);
    await leadEvent(site, connectionId, lead.leadId);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "created" });
    expect((await account.state()).requests.filter((r) => r.path.endsWith("/search")).map((r) => r.status)[0]).toBe(429);

    await account.control("POST", "/tokens", { revoke: account.token });
    await env.DB.prepare("UPDATE leads SET status = 'rejected' WHERE id = ?").bind(lead.leadId).run();
    await leadEvent(site, connectionId, lead.leadId, "lead.rejected");
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "auth_failed" });
    const conn = (await (await api(site, "GET", `/crm/connections/${connectionId}`)).json()) as { state: string; brokenReason: string; pendingEvents: number };
    expect(conn).toMatchObject({ state: "broken", pendingEvents: 1 });
    expect(conn.brokenReason).toContain("unauthorized access");
  });

  it("an activity whose answer was lost after Pipedrive made it is found on the next try, not made twice", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    await account.script([{ status: 502, body: { success: false, error: "Bad Gateway" }, path: "/v1/activities", method: "POST", afterWrite: true }]);
    await leadEvent(site, connectionId, lead.leadId);
    expect(await syncNow(connectionId, lead.leadId)).toMatchObject({ outcome: "retry" });
    expect((await account.state()).tasks).toHaveLength(1);
    const again = await syncNow(connectionId, lead.leadId);
    const tasks = (await account.state()).tasks as { id: number }[];
    expect(tasks).toHaveLength(1);
    expect(again).toMatchObject({ taskId: String(tasks[0]!.id) });
  });

  it("the same event twice changes nothing the second time", async () => {
    const { site, account, connectionId } = await setup();
    const lead = await seedMql(site);
    const eventId = await leadEvent(site, connectionId, lead.leadId);
    await syncNow(connectionId, lead.leadId);
    const calls = (await account.state()).requests.length;
    await leadEvent(site, connectionId, lead.leadId, "lead.mql", eventId);
    expect(await syncNow(connectionId, lead.leadId)).toEqual({ outcome: "nothing_to_do" });
    expect((await account.state()).requests.length).toBe(calls);
    expect((await account.state()).companies).toHaveLength(1);
    expect((await account.state()).tasks).toHaveLength(1);
  });
});
