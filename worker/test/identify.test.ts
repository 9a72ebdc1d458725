import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { CHROME_UA, createTestSite, eventually, worker, type TestSite, overrideCidr } from "./support/fixtures";
import { loadRealRanges } from "./support/ip-data";
import { providerRequests, setProviderMode } from "./support/fake-provider";
import { runScheduled } from "../src/cron/scheduled";

beforeAll(loadRealRanges);

const identify = (site: TestSite, ip: string) =>
  worker.fetch(new Request(`https://api.sillage.test/api/v1/identify?ip=${encodeURIComponent(ip)}`, { headers: { Authorization: `Bearer ${site.apiKey}` } }));

function visit(site: TestSite, ip: string, path = "/tarifs", extra: Record<string, unknown> = {}) {
  return worker.fetch(
    new Request("https://api.sillage.test/collect", {
      method: "POST",
      headers: { "User-Agent": CHROME_UA, "X-Sillage-Client-IP": ip },
      body: JSON.stringify({ site: site.siteKey, vid: `v-${ip.replace(/\W/g, "")}-x`, url: `https://www.exemple.fr${path}`, ...extra }),
    }),
  );
}

const hitsOf = (site: TestSite) =>
  env.DB.prepare("SELECT * FROM hits WHERE site_id = ? ORDER BY received_at, rowid")
    .bind(site.siteId)
    .all<Record<string, any>>()
    .then((r) => r.results);

describe("GET /api/v1/identify", () => {
  it("never names a consumer ISP or a host as the visiting company", async () => {
    const site = await createTestSite();
    const before = (await providerRequests()).requests;
    for (const [ip, kind] of [
      ["2.3.4.5", "isp"], // Orange
      ["62.147.10.20", "isp"], // Free
      ["2.26.132.9", "hosting"], // OVH
    ] as const) {
      const res = await identify(site, ip);
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body.network.kind).toBe(kind);
      expect(body.company).toBeNull();
      expect(body.network.reason.length).toBeGreaterThan(3);
    }
    // Not even a register search was made for them.
    expect((await providerRequests()).requests).toBe(before);
  });

  it("answers range boundaries right", async () => {
    const site = await createTestSite();
    const first = (await (await identify(site, "2.3.0.0")).json()) as any;
    const last = (await (await identify(site, "2.15.255.255")).json()) as any;
    const outside = (await (await identify(site, "2.16.0.0")).json()) as any;
    expect(first.network.asn).toBe(3215);
    expect(last.network.asn).toBe(3215);
    expect(outside.network.asn).toBeNull();
    expect(outside.network.kind).toBe("unknown");
  });

  it("names the company of a workspace's CIDR override, with firmographics from the register", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "203.0.113.0/24", "552032534");
    const res = await identify(site, "203.0.113.50");
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.company).toMatchObject({ siren: "552032534", name: "DANONE", headcountCode: "42", vatNumber: "FR27552032534" });
    expect(body.company.revenue).toBeGreaterThan(1e10);
    expect(body.confidence).toBe(1);
  });

  it("refuses an invalid IP with a 400", async () => {
    const site = await createTestSite();
    for (const ip of ["999.1.1.1", "bonjour", "1.2.3"]) {
      const res = await identify(site, ip);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe("invalid_ip");
    }
  });
});

describe("enrichment of collected hits", () => {
  it("marks ISP visits anonymous and erases the raw IP once enriched", async () => {
    const site = await createTestSite();
    await visit(site, "2.3.4.5");
    const [hit] = await eventually(async () => {
      const h = await hitsOf(site);
      return h[0]?.enrichment_status === "done" ? h : null;
    });
    expect(hit).toMatchObject({ network_kind: "isp", asn: 3215, organization: "Orange S.A.", siren: null, ip: null });
  });

  it("keeps the raw IP when the workspace asks for it", async () => {
    const site = await createTestSite();
    await env.DB.prepare("UPDATE workspaces SET keep_raw_ip = 1 WHERE id = ?").bind(site.workspaceId).run();
    await visit(site, "62.147.10.20");
    const [hit] = await eventually(async () => {
      const h = await hitsOf(site);
      return h[0]?.enrichment_status === "done" ? h : null;
    });
    expect(hit!.ip).toBe("62.147.10.20");
  });

  it("asks the register once per organisation (cache), and identifies the company", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "198.51.100.0/24", "356000000");
    const before = (await providerRequests()).requests;
    await visit(site, "198.51.100.1");
    await visit(site, "198.51.100.2", "/cas-client");
    const hits = await eventually(async () => {
      const h = await hitsOf(site);
      return h.length === 2 && h.every((x) => x.enrichment_status === "done") ? h : null;
    });
    expect(hits.map((h) => h.siren)).toEqual(["356000000", "356000000"]);
    expect((await providerRequests()).requests - before).toBe(1);
  });

  it("keeps hits when the provider is down, and completes enrichment once it is back", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "192.0.2.0/24", "302474648");
    await setProviderMode("down");
    try {
      await visit(site, "192.0.2.10");
      const [waiting] = await eventually(async () => {
        const h = await hitsOf(site);
        return h[0]?.enrichment_attempts >= 1 ? h : null;
      });
      expect(waiting).toMatchObject({ enrichment_status: "pending", ip: "192.0.2.10" });
      expect(waiting!.enrichment_reason).toMatch(/unavailable/);
    } finally {
      await setProviderMode("ok");
    }
    // The cron job re-queues what is still pending once its retry time has passed.
    const report = await runScheduled(env, Date.now() + 2 * 3600_000);
    expect(report.requeuedEnrichment).toBeGreaterThanOrEqual(1);
    const [done] = await eventually(async () => {
      const h = await hitsOf(site);
      return h[0]?.enrichment_status === "done" ? h : null;
    });
    expect(done).toMatchObject({ siren: "302474648", ip: null });
  });

  it("records a rate limit as a delayed retry, not a failure", async () => {
    const site = await createTestSite();
    await overrideCidr(site, "192.0.3.0/24", "400461356");
    await setProviderMode("rate-limited", { retryAfter: 120 });
    try {
      await visit(site, "192.0.3.10");
      const [waiting] = await eventually(async () => {
        const h = await hitsOf(site);
        return h[0]?.enrichment_attempts >= 1 ? h : null;
      });
      expect(waiting!.enrichment_status).toBe("pending");
      expect(waiting!.enrichment_reason).toMatch(/rate_limited/);
      // Retry-After (120 s) is honoured: the next attempt is not before it.
      expect(waiting!.enrichment_retry_at - Date.now()).toBeGreaterThan(100_000);
    } finally {
      await setProviderMode("ok");
    }
  });

  it("never takes a free-mail address as a company", async () => {
    const site = await createTestSite();
    await visit(site, "2.3.4.6", "/livre-blanc", { type: "identify", traits: { email: "jean.dupont@orange.fr", jobTitle: "DSI" } });
    const contact = await eventually(async () => {
      const c = await env.DB.prepare("SELECT * FROM contacts WHERE workspace_id = ?").bind(site.workspaceId).first<Record<string, any>>();
      return c?.company_reason ? c : null;
    });
    expect(contact.siren).toBeNull();
    expect(contact.company_reason).toMatch(/isp|freemail/);
  });
});
