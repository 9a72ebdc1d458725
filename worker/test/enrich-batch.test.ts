import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { ingestBatch } from "../src/ingest/pipeline";
import { collectEnvelope, createTestSite, deliverBatch, overrideCidr } from "./support/fixtures";
import { loadRealRanges } from "./support/ip-data";

beforeAll(loadRealRanges);

const envelope = (siteKey: string, ip: string, path: string) =>
  collectEnvelope({ site: siteKey, vid: `visitor-${ip.replace(/\W/g, "")}`, type: "pageview", url: `https://www.exemple.fr${path}` }, { ip });

describe("enrichment queue consumer, one batch at a time", () => {
  it("enriches a batch of hits from different networks, each with its own answer", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "203.0.113.0/24", "552032534");
    const ips = ["2.3.4.5", "2.26.132.9", "203.0.113.77", "10.1.2.3", "62.147.10.20", "81.194.1.1"];
    // Stored by the ingestion step itself, without queueing their enrichment: this test delivers it.
    const outcomes = await ingestBatch(
      env.DB,
      ips.map((ip, i) => envelope(site.siteKey, ip, `/page-${i}`)),
    );
    const hitIds = outcomes.map((o) => (o.stored ? o.hitId : "not stored"));
    const result = await deliverBatch("sillage-enrich", [...hitIds.map((hitId) => ({ hitId })), { hitId: "hit_does_not_exist" }]);
    expect(result.outcome).toBe("ok");
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(ips.length + 1);

    const { results } = await env.DB.prepare(
      "SELECT path, enrichment_status AS status, network_kind AS kind, asn, siren, lead_id AS leadId, ip FROM hits WHERE site_id = ? ORDER BY path",
    )
      .bind(site.siteId)
      .all<Record<string, any>>();
    expect(results.map((r) => [r.path, r.status, r.kind, r.asn, r.siren])).toEqual([
      ["/page-0", "done", "isp", 3215, null],
      ["/page-1", "done", "hosting", 16276, null],
      ["/page-2", "done", "unknown", null, "552032534"],
      ["/page-3", "done", "unknown", null, null],
      ["/page-4", "done", "isp", 12322, null],
      ["/page-5", "done", "education", 2200, null],
    ]);
    // The company visit makes a lead; consumer ISPs, a host and a private address never do. No raw IP is left.
    expect(results.find((r) => r.path === "/page-2")!.leadId).toMatch(/^lead_/);
    expect(results.filter((r) => ["isp", "hosting"].includes(r.kind) || r.path === "/page-3").every((r) => r.leadId === null)).toBe(true);
    expect(results.every((r) => r.ip === null)).toBe(true);
  });
});
