import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { decryptSecret } from "../src/crm/secrets";
import { createTestSite, eventually, type TestSite } from "./support/fixtures";
import { api, connect, fakeCrmAccount, hubspotCompanies, leadEvent, seedMql, syncNow } from "./support/crm";

/** A key of the member role, through the admin API. */
async function memberKey(site: TestSite): Promise<{ apiKey: string }> {
  const member = (await (
    await api(site, "POST", "/members", { email: `m.${crypto.randomUUID().slice(0, 8)}@exemple.fr`, name: "Commercial", role: "member" })
  ).json()) as { id: string };
  const key = (await (await api(site, "POST", "/keys", { memberId: member.id, name: "clé" })).json()) as { key: string };
  return { apiKey: key.key };
}

describe("CRM connections API", () => {
  it("stores the token encrypted, bound to its connection, and never returns it", async () => {
    const site = await createTestSite();
    const token = "pat-eu1-0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    const res = await api(site, "POST", "/crm/connections", { crm: "hubspot", token });
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain(token);
    const conn = JSON.parse(text) as { id: string; tokenHint: string; enabled: boolean; state: string; events: string[]; mapping: Record<string, string> };
    expect(conn).toMatchObject({ tokenHint: "…6789", enabled: false, state: "untested", events: ["lead.mql"] });
    expect(conn.mapping).toMatchObject({ city: "if_unchanged", score: "always" });

    const row = await env.DB.prepare("SELECT secret FROM crm_connections WHERE id = ?").bind(conn.id).first<{ secret: string }>();
    expect(row!.secret).not.toContain(token);
    expect(row!.secret).toMatch(/^v1\./);
    expect(await decryptSecret(env.SILLAGE_SECRETS_KEY, row!.secret, conn.id)).toBe(token);
    await expect(decryptSecret(env.SILLAGE_SECRETS_KEY, row!.secret, "crm_another")).rejects.toThrow();

    const list = await (await api(site, "GET", "/crm/connections")).text();
    expect(list).not.toContain(token);
    expect(JSON.parse(list).items).toHaveLength(1);
  });

  it("refuses bad input with a clear 400, member keys with 403, and another workspace's connection with 404", async () => {
    const site = await createTestSite();
    const noDomain = await api(site, "POST", "/crm/connections", { crm: "pipedrive", token: "0123456789abcdef" });
    expect(noDomain.status).toBe(400);
    expect(((await noDomain.json()) as { error: { message: string } }).error.message).toContain("companyDomain");
    const badMapping = await api(site, "POST", "/crm/connections", { crm: "hubspot", token: "0123456789abcdef", mapping: { city: "sometimes" } });
    expect(badMapping.status).toBe(400);
    const badCrm = await api(site, "POST", "/crm/connections", { crm: "salesforce", token: "0123456789abcdef" });
    expect(badCrm.status).toBe(400);

    const member = await memberKey(site);
    expect((await api(member, "POST", "/crm/connections", { crm: "hubspot", token: "0123456789abcdef" })).status).toBe(403);

    const created = (await (await api(site, "POST", "/crm/connections", { crm: "hubspot", token: "0123456789abcdef" })).json()) as { id: string };
    const other = await createTestSite();
    expect((await api(other, "GET", `/crm/connections/${created.id}`)).status).toBe(404);
    expect((await api(other, "DELETE", `/crm/connections/${created.id}`)).status).toBe(404);
  });

  it("the connection test reports a refused token and marks the connection broken", async () => {
    const site = await createTestSite();
    const created = (await (await api(site, "POST", "/crm/connections", { crm: "hubspot", token: "pat-eu1-not-a-real-token" })).json()) as { id: string };
    const test = (await (await api(site, "POST", `/crm/connections/${created.id}/test`)).json()) as { ok: boolean; reason: string };
    expect(test.ok).toBe(false);
    expect(test.reason).toContain("401");
    const conn = (await (await api(site, "GET", `/crm/connections/${created.id}`)).json()) as { state: string };
    expect(conn.state).toBe("broken");
  });

  it("previews, field by field, what a sync of the current MQLs would create or update, writing nothing", async () => {
    const site = await createTestSite();
    const account = await fakeCrmAccount("hubspot", { portalId: 4711 });
    const known = await seedMql(site, { city: "LYON" });
    const fresh = await seedMql(site);
    const res0 = await api(site, "POST", "/crm/connections", { crm: "hubspot", token: account.token });
    const { id } = (await res0.json()) as { id: string };
    await api(site, "POST", `/crm/connections/${id}/test`);
    const existing = await account.seed({ name: "Connue", siren: known.siren, city: "Villeurbanne" });
    const writesBefore = (await account.state()).requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/search")).length;

    const res = await api(site, "GET", `/crm/connections/${id}/preview`);
    expect(res.status).toBe(200);
    const preview = (await res.json()) as {
      items: {
        leadId: string;
        action: string;
        matchedBy: string | null;
        recordId: string | null;
        fields: { field: string; crm: string | null; sillage: string | null; action: string }[];
      }[];
    };
    const update = preview.items.find((i) => i.leadId === known.leadId)!;
    expect(update).toMatchObject({ action: "update", matchedBy: "siren", recordId: `hubspot:4711/${existing}` });
    expect(update.fields.find((f) => f.field === "city")).toEqual({ field: "city", crm: "Villeurbanne", sillage: "LYON", action: "kept" });
    expect(update.fields.find((f) => f.field === "name")).toMatchObject({ crm: "Connue", action: "kept" });
    expect(update.fields.find((f) => f.field === "status")).toEqual({ field: "status", crm: null, sillage: "mql", action: "write" });
    const create = preview.items.find((i) => i.leadId === fresh.leadId)!;
    expect(create).toMatchObject({ action: "create", matchedBy: null, recordId: null });
    expect(create.fields.find((f) => f.field === "siren")).toMatchObject({ sillage: fresh.siren, action: "write" });

    const writesAfter = (await account.state()).requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/search")).length;
    expect(writesAfter).toBe(writesBefore);
    expect(await hubspotCompanies(account)).toHaveLength(1);
  });

  it("backfills existing MQLs once the connection is enabled, with progress", async () => {
    const site = await createTestSite();
    const account = await fakeCrmAccount("hubspot");
    const created = (await (await api(site, "POST", "/crm/connections", { crm: "hubspot", token: account.token })).json()) as { id: string };
    const leads = await Promise.all([seedMql(site), seedMql(site), seedMql(site)]);
    expect((await api(site, "POST", `/crm/connections/${created.id}/backfill`, {})).status).toBe(409);
    await api(site, "PATCH", `/crm/connections/${created.id}`, { enabled: true });
    await api(site, "POST", `/crm/connections/${created.id}/test`);
    const start = await api(site, "POST", `/crm/connections/${created.id}/backfill`, {});
    expect(start.status).toBe(202);
    const { jobId } = (await start.json()) as { jobId: string };
    const done = await eventually(async () => {
      const p = (await (await api(site, "GET", `/crm/backfills/${jobId}`)).json()) as { finished: boolean; total: number; synced: number; failed: number };
      return p.finished ? p : null;
    }, 15_000);
    expect(done).toMatchObject({ total: 3, synced: 3, failed: 0 });
    expect((await hubspotCompanies(account)).map((c) => c.siren).sort()).toEqual(leads.map((l) => l.siren).sort());
    // Old MQLs get no task: the backfill is not the moment they became MQLs.
    expect((await account.state()).tasks).toHaveLength(0);
    expect((await api(await createTestSite(), "GET", `/crm/backfills/${jobId}`)).status).toBe(404);
  });

  it("serves a lead's sync log with the CRM's answer, to its workspace only; deleting a connection keeps the lead's link", async () => {
    const site = await createTestSite();
    const account = await fakeCrmAccount("hubspot");
    const connectionId = await connect(site, account);
    const lead = await seedMql(site);
    await leadEvent(site, connectionId, lead.leadId);
    await syncNow(connectionId, lead.leadId);
    const log = (await (await api(site, "GET", `/crm/leads/${lead.leadId}/log`)).json()) as {
      items: { outcome: string; calls: number; httpStatus: number; response: string; recordId: string }[];
    };
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ outcome: "created", httpStatus: 201, calls: expect.any(Number) });
    expect(JSON.parse(log.items[0]!.response).id).toBe(log.items[0]!.recordId.split("/")[1]);
    const other = await createTestSite();
    expect((await api(other, "GET", `/crm/leads/${lead.leadId}/log`)).status).toBe(404); // another workspace's lead, as everywhere

    expect((await api(site, "DELETE", `/crm/connections/${connectionId}`)).status).toBe(204);
    expect((await api(site, "GET", `/crm/connections/${connectionId}`)).status).toBe(404);
    const links = await env.DB.prepare("SELECT COUNT(*) AS n FROM lead_links WHERE lead_id = ? AND kind = 'crm-record'")
      .bind(lead.leadId)
      .first<{ n: number }>();
    expect(links!.n).toBe(1);
  });
});
