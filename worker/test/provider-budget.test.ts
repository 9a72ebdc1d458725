import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { CHROME_UA, collectEnvelope, createTestSite, deliverBatch, eventually, overrideCidr, worker, type TestSite } from "./support/fixtures";
import { loadRealRanges } from "./support/ip-data";
import { providerRequests, setProviderMode } from "./support/fake-provider";
import { ingestBatch } from "../src/ingest/pipeline";
import { MAX_ENRICH_ATTEMPTS } from "../src/enrich/backoff";
import { MAX_REVIVALS, REVIVAL_DELAY_MS } from "../src/enrich/second-life";
import { reviveFailedEnrichment } from "../src/cron/revive-failed-enrichment";

beforeAll(loadRealRanges);

/** A form on the site identifies a visitor (the public tracker call anyone can make with the site key). */
function identifyVisitor(site: TestSite, email: string) {
  return worker.fetch(
    new Request("https://api.sillage.test/collect", {
      method: "POST",
      headers: { "User-Agent": CHROME_UA, "X-Sillage-Client-IP": "2.3.4.7" },
      body: JSON.stringify({ site: site.siteKey, vid: `v-${crypto.randomUUID()}`, url: "https://www.exemple.fr/contact", type: "identify", traits: { email } }),
    }),
  );
}

const contactReason = (site: TestSite, email: string) =>
  eventually(async () => {
    const c = await env.DB.prepare("SELECT siren, company_reason AS reason FROM contacts WHERE workspace_id = ? AND email = ?")
      .bind(site.workspaceId, email)
      .first<{ siren: string | null; reason: string | null }>();
    return c?.reason ? c : null;
  });

/** Register searches made so far whose query contains `needle`. */
const searchesFor = async (needle: string) => (await providerRequests()).queries.filter((q) => q?.includes(needle)).length;

describe("negative answers per e-mail domain", () => {
  it("a company-looking domain the register does not know costs one search, then none, in any workspace", async () => {
    const word = `zq${crypto.randomUUID().slice(0, 6)}`;
    const [a, b] = [await createTestSite(), await createTestSite()];

    await identifyVisitor(a, `jean@${word}-conseil.fr`);
    const first = await contactReason(a, `jean@${word}-conseil.fr`);
    expect(first.siren).toBeNull();
    expect(await searchesFor(word)).toBe(1);

    // Same domain again (another person, another workspace): answered from the cache.
    await identifyVisitor(a, `marie@${word}-conseil.fr`);
    await identifyVisitor(b, `paul@${word}-conseil.fr`);
    const [again, other] = [await contactReason(a, `marie@${word}-conseil.fr`), await contactReason(b, `paul@${word}-conseil.fr`)];
    expect(again).toEqual(first);
    expect(other).toEqual(first);
    expect(await searchesFor(word)).toBe(1);
  });
});

describe("a failed enrichment's second life", () => {
  const HOUR = 3_600_000;

  /** A stored hit from a network the workspace maps to `siren` (so enriching it needs the register). */
  async function storedHit(site: TestSite, ip: string, siren: string) {
    await overrideCidr(site, `${ip.split(".").slice(0, 3).join(".")}.0/24`, siren);
    const [outcome] = await ingestBatch(env.DB, [
      collectEnvelope({ site: site.siteKey, vid: `v-${crypto.randomUUID()}`, url: "https://www.exemple.fr/tarifs" }, { ip }),
    ]);
    if (!outcome?.stored) throw new Error("hit not stored");
    return outcome.hitId;
  }
  const hitRow = (id: string) =>
    env.DB.prepare("SELECT enrichment_status AS status, enrichment_retry_at AS retryAt, enrichment_revivals AS revivals, ip, siren FROM hits WHERE id = ?")
      .bind(id)
      .first<{ status: string; retryAt: number | null; revivals: number; ip: string | null; siren: string | null }>();

  /** The queue's last attempt, while the register is down. */
  async function lastAttemptWhileDown(hitId: string) {
    await setProviderMode("down");
    try {
      await deliverBatch("sillage-enrich", [{ hitId }], MAX_ENRICH_ATTEMPTS);
    } finally {
      await setProviderMode("ok");
    }
  }

  it("is queued again once the register answers, and then enriched", async () => {
    const site = await createTestSite();
    const hitId = await storedHit(site, "203.0.113.40", "784410607");
    const failedAt = Date.now();
    await lastAttemptWhileDown(hitId);
    const failed = await hitRow(hitId);
    expect(failed).toMatchObject({ status: "failed", revivals: 0, ip: "203.0.113.40" }); // the IP waits for the second life
    expect(failed!.retryAt! - failedAt).toBeGreaterThanOrEqual(REVIVAL_DELAY_MS - 60_000);

    // Not before its time, and not while the register is still down.
    expect(await reviveFailedEnrichment(env, Date.now() + HOUR)).toBe(0);
    await setProviderMode("down");
    try {
      expect(await reviveFailedEnrichment(env, Date.now() + 7 * HOUR)).toBe(0);
    } finally {
      await setProviderMode("ok");
    }
    expect((await hitRow(hitId))!.status).toBe("failed");

    expect(await reviveFailedEnrichment(env, Date.now() + 7 * HOUR)).toBeGreaterThanOrEqual(1);
    const done = await eventually(async () => {
      const row = await hitRow(hitId);
      return row?.status === "done" ? row : null;
    });
    expect(done).toMatchObject({ siren: "784410607", revivals: 1, ip: null });
  });

  it("is bounded: after the last revival, or past the age limit, the hit is given up and its IP erased", async () => {
    const site = await createTestSite();
    const spent = await storedHit(site, "203.0.114.41", "839517323");
    await env.DB.prepare("UPDATE hits SET enrichment_revivals = ? WHERE id = ?").bind(MAX_REVIVALS, spent).run();
    await lastAttemptWhileDown(spent);
    expect(await hitRow(spent)).toMatchObject({ status: "failed", retryAt: null, ip: null, revivals: MAX_REVIVALS });

    const old = await storedHit(site, "203.0.115.42", "839517323");
    await lastAttemptWhileDown(old);
    expect((await hitRow(old))!.retryAt).not.toBeNull();
    // Eight days later the hit is past the age limit: given up, not queued.
    await reviveFailedEnrichment(env, Date.now() + 8 * 24 * HOUR);
    expect(await hitRow(old)).toMatchObject({ status: "failed", retryAt: null, ip: null, revivals: 0 });
  });
});
