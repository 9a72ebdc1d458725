import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { ingestBatch } from "../src/ingest/pipeline";
import { collectEnvelope, createTestSite, deliverBatch, eventually, overrideCidr, type TestSite } from "./support/fixtures";
import { seedWebhookEndpoint } from "./support/leads-data";

/** One stored pricing-page hit from Danone's network, its enrichment not queued: the test delivers it. */
async function storedDanoneHit(site: TestSite): Promise<string> {
  await overrideCidr(site, "203.0.113.0/24", "552032534");
  const [outcome] = await ingestBatch(env.DB, [
    collectEnvelope({ site: site.siteKey, vid: "visitor-unit", type: "pageview", url: "https://www.exemple.fr/tarifs" }, { ip: "203.0.113.40" }),
  ]);
  if (!outcome?.stored) throw new Error("hit not stored");
  return outcome.hitId;
}

/** A fault injected into D1 itself: any score write on this workspace's leads aborts its transaction. */
async function failScoreWrites(site: TestSite, on: boolean) {
  const name = `fail_score_${site.workspaceId.replace(/\W/g, "_")}`;
  await env.DB.prepare(
    on
      ? `CREATE TRIGGER ${name} BEFORE UPDATE OF score_state ON leads WHEN NEW.workspace_id = '${site.workspaceId}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`
      : `DROP TRIGGER ${name}`,
  ).run();
}

const state = async (site: TestSite, hitId: string) => {
  const hit = await env.DB.prepare("SELECT lead_id AS leadId, enrichment_status AS status FROM hits WHERE id = ?")
    .bind(hitId)
    .first<{ leadId: string | null; status: string }>();
  const lead = await env.DB.prepare("SELECT id, score, status FROM leads WHERE workspace_id = ?")
    .bind(site.workspaceId)
    .first<{ id: string; score: number; status: string }>();
  const count = async (sql: string) => (await env.DB.prepare(sql).bind(site.workspaceId).first<{ n: number }>())!.n;
  return {
    hit,
    lead,
    transitions: await count("SELECT count(*) AS n FROM lead_transitions WHERE workspace_id = ?"),
    outbox: await count("SELECT count(*) AS n FROM lead_event_outbox WHERE workspace_id = ?"),
    deliveries: await count("SELECT count(*) AS n FROM webhook_deliveries WHERE workspace_id = ?"),
  };
};

describe("attribution, score and announcement are one unit, idempotent per hit", () => {
  it("leaves nothing claimed when the score write fails, then scores and announces exactly once on redelivery", async () => {
    const site = await createTestSite();
    await seedWebhookEndpoint(site, ["lead.identified"]);
    const hitId = await storedDanoneHit(site);

    await failScoreWrites(site, true);
    const failed = await deliverBatch("sillage-enrich", [{ hitId }]);
    expect(failed.retryMessages).toHaveLength(1); // the queue will deliver it again
    const afterFault = await state(site, hitId);
    // Today the claim committed before the score: the hit stayed attributed, so no redelivery could ever score it.
    expect(afterFault.hit).toEqual({ leadId: null, status: "pending" });
    expect(afterFault.transitions).toBe(0);
    expect(afterFault.outbox).toBe(0);
    await failScoreWrites(site, false);

    // Redelivered (twice, as at-least-once queues may): scored once, announced once.
    await deliverBatch("sillage-enrich", [{ hitId }], 2);
    await deliverBatch("sillage-enrich", [{ hitId }], 3);
    const done = await state(site, hitId);
    expect(done.hit).toEqual({ leadId: done.lead!.id, status: "done" });
    expect(done.lead).toMatchObject({ score: 30, status: "identified" }); // 20 pricing + 10 company over 100 employees
    expect(done.transitions).toBe(1);
    expect(done.outbox).toBe(1);
    await eventually(async () => (await state(site, hitId)).deliveries === 1);
  });

  it("scores a hit once when two deliveries race, and announces the lead once", async () => {
    const site = await createTestSite();
    await seedWebhookEndpoint(site, ["lead.identified"]);
    const hitId = await storedDanoneHit(site);
    await Promise.all([deliverBatch("sillage-enrich", [{ hitId }]), deliverBatch("sillage-enrich", [{ hitId }])]);
    const done = await state(site, hitId);
    expect(done.lead).toMatchObject({ score: 30, status: "identified" });
    expect(done.transitions).toBe(1);
    expect(done.outbox).toBe(1);
    await eventually(async () => (await state(site, hitId)).deliveries === 1);
  });
});
