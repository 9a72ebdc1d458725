import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { collectEnvelope, createTestSite, deliverBatch, overrideCidr, worker, hitsSettled } from "./support/fixtures";
import { api, seedContact, seedHit, seedLead, seedVisitor } from "./support/leads-data";

const HOUR = 3_600_000;

describe("a lead's times are its visitors' times", () => {
  it("first and last seen are the earliest and latest hit, not when enrichment processed them", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "203.0.113.0/24", "552032534");
    const now = Date.now();
    const visit = (path: string, at: number) =>
      collectEnvelope({ site: site.siteKey, vid: "visitor-times-1", url: `https://www.exemple.fr${path}` }, { ip: "203.0.113.30", at });
    // Collected three and two hours ago; processed now (a queue backlog, a provider outage).
    await deliverBatch("sillage-hits", [visit("/", now - 3 * HOUR), visit("/tarifs", now - 2 * HOUR)]);
    await hitsSettled(site, 2);
    const lead = await env.DB.prepare("SELECT id, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt FROM leads WHERE workspace_id = ?")
      .bind(site.workspaceId)
      .first<{ id: string; firstSeenAt: number; lastSeenAt: number }>();
    expect(lead).toMatchObject({ firstSeenAt: now - 3 * HOUR, lastSeenAt: now - 2 * HOUR });

    // A later visit moves lastSeenAt only; a straggler from before the first one moves firstSeenAt only.
    await deliverBatch("sillage-hits", [visit("/contact", now - HOUR)]);
    await hitsSettled(site, 3);
    await deliverBatch("sillage-hits", [visit("/blog", now - 5 * HOUR)]);
    await hitsSettled(site, 4);
    const { status, body } = await api(site.apiKey, "GET", `/leads/${lead!.id}`);
    expect(status).toBe(200);
    expect(body.firstSeenAt).toBe(new Date(now - 5 * HOUR).toISOString());
    expect(body.lastSeenAt).toBe(new Date(now - HOUR).toISOString());
  });
});

describe("a lead's web domain", () => {
  it("is its contacts' work e-mail domain when the register gives none, in the detail and in deliveries", async () => {
    const site = await createTestSite();
    const claire = await seedContact(site, { email: "claire.martin@groupe-atlantique.fr", name: "Claire Martin" });
    const paul = await seedContact(site, { email: "Paul.Durand@Groupe-Atlantique.fr", name: "Paul Durand" });
    const gmail = await seedContact(site, { email: "jeanne.dupont@gmail.com", name: "Jeanne Dupont" });
    const leadId = await seedLead(site, { name: "Groupe Atlantique", contactId: claire });
    for (const contactId of [paul, gmail]) {
      await seedHit(site, { leadId, visitor: await seedVisitor(site, contactId), contactId, occurredAt: Date.now() - HOUR });
    }
    const detail = await api(site.apiKey, "GET", `/leads/${leadId}`);
    expect(detail.body.company.domain).toBe("groupe-atlantique.fr");
    const csv = await worker.fetch(new Request("https://api.sillage.test/api/v1/leads/export.csv", { headers: { Authorization: `Bearer ${site.apiKey}` } }));
    expect(csv.status).toBe(200);
    const line = (await csv.text()).split("\n").find((l) => l.includes("Groupe Atlantique"));
    expect(line).toContain(";groupe-atlantique.fr;");
  });

  it("stays empty when the contacts' work domains disagree (none rather than a wrong one)", async () => {
    const site = await createTestSite();
    const a = await seedContact(site, { email: "a.martin@groupe-atlantique.fr" });
    const b = await seedContact(site, { email: "b.durand@atlantique-industries.fr" });
    const leadId = await seedLead(site, { name: "Atlantique", contactId: a });
    await seedHit(site, { leadId, visitor: await seedVisitor(site, b), contactId: b, occurredAt: Date.now() - HOUR });
    const detail = await api(site.apiKey, "GET", `/leads/${leadId}`);
    expect(detail.body.company.domain).toBeNull();
  });
});
