import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import type { CollectEnvelope } from "../src/ingest/envelope";
import { collectEnvelope, createTestSite, deliverBatch, type TestSite } from "./support/fixtures";

const envelope = collectEnvelope;
const deliver = (bodies: CollectEnvelope[], attempts = 1) => deliverBatch("sillage-hits", bodies, attempts);

const hitsOf = (site: TestSite) =>
  env.DB.prepare("SELECT * FROM hits WHERE site_id = ? ORDER BY received_at, rowid")
    .bind(site.siteId)
    .all<Record<string, any>>()
    .then((r) => r.results);
const dropsOf = (siteKey: string) =>
  env.DB.prepare("SELECT reason, sum(count) AS n FROM drop_counters WHERE site_key = ? GROUP BY reason")
    .bind(siteKey)
    .all<{ reason: string; n: number }>()
    .then((r) => Object.fromEntries(r.results.map((x) => [x.reason, x.n])));

describe("hits queue consumer, one batch at a time", () => {
  it("stores a batch as if its messages had come one by one: sessions, identify, time on page, drops", async () => {
    const site = await createTestSite();
    const t0 = Date.now();
    const vid = "visitor-batch-1";
    const base = { site: site.siteKey, vid };
    const batch = [
      envelope({ ...base, type: "pageview", url: "https://www.exemple.fr/", pid: "page-1" }, { at: t0 }),
      envelope({ ...base, type: "pageview", url: "https://www.exemple.fr/tarifs", pid: "page-2" }, { at: t0 + 1000 }),
      envelope({ ...base, type: "engagement", url: "https://www.exemple.fr/tarifs", pid: "page-2", ms: 31000 }, { at: t0 + 2000 }),
      envelope(
        { ...base, type: "identify", url: "https://www.exemple.fr/livre-blanc", traits: { email: "Jeanne@Exemple.fr", jobTitle: "DSI" } },
        { at: t0 + 3000 },
      ),
      envelope({ ...base, type: "pageview", url: "https://www.exemple.fr/cas-client", pid: "page-3" }, { at: t0 + 4000 }),
      envelope('{"site":', { at: t0 }),
      envelope(
        { ...base, type: "pageview", url: "https://www.exemple.fr/" },
        { at: t0, ua: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" },
      ),
      envelope(
        { ...base, type: "pageview", url: "https://www.exemple.fr/" },
        { at: t0, ua: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" },
      ),
      envelope({ site: site.siteKey, vid: "visitor-batch-2", type: "pageview", url: "https://www.exemple.fr/" }, { at: t0 }),
    ];
    const result = await deliver(batch);
    expect(result.outcome).toBe("ok");
    expect(result.retryBatch.retry).toBe(false);
    expect(result.retryMessages).toEqual([]);

    const hits = await hitsOf(site);
    const visitorId = hits.find((h) => h.type === "identify")!.visitor_id;
    const mine = hits.filter((h) => h.visitor_id === visitorId);
    expect(mine.map((h) => [h.type, h.path])).toEqual([
      ["pageview", "/"],
      ["pageview", "/tarifs"],
      ["engagement", "/tarifs"],
      ["identify", "/livre-blanc"],
      ["pageview", "/cas-client"],
    ]);
    expect(new Set(mine.map((h) => h.session_id)).size).toBe(1);
    // The anonymous hits before identify and the one after it all belong to the contact.
    expect(new Set(mine.map((h) => h.contact_id)).size).toBe(1);
    expect(mine[0]!.contact_id).toMatch(/^ct_/);
    expect(mine[1]!.engaged_ms).toBe(31000);
    const session = await env.DB.prepare("SELECT * FROM sessions WHERE id = ?").bind(mine[0]!.session_id).first<Record<string, any>>();
    expect(session).toMatchObject({ hit_count: 5, pageview_count: 3, landing_path: "/" });
    expect(hits.filter((h) => h.visitor_id !== mine[0]!.visitor_id)).toHaveLength(1);

    // One upsert per reason, counting every drop of the batch.
    expect(await dropsOf(site.siteKey)).toEqual({ bot: 2 });
    expect((await dropsOf(""))["malformed_json"]).toBeGreaterThanOrEqual(1);

    // A redelivery of messages already stored changes nothing.
    await deliver(batch.slice(0, 3), 2);
    expect(await hitsOf(site)).toHaveLength(6);
    const again = await env.DB.prepare("SELECT hit_count FROM sessions WHERE id = ?").bind(mine[0]!.session_id).first<{ hit_count: number }>();
    expect(again!.hit_count).toBe(5);
  });

  it("one message that cannot be stored does not hold back the rest of its batch", async () => {
    const doomed = await createTestSite();
    const fine = await createTestSite();
    // The consumer caches sites; a site deleted meanwhile passes validation but its hits can no longer be stored.
    const first = await deliver([envelope({ site: doomed.siteKey, vid: "visitor-doomed", type: "pageview", url: "https://www.exemple.fr/" })]);
    expect(first.outcome).toBe("ok");
    await env.DB.prepare("DELETE FROM sites WHERE id = ?").bind(doomed.siteId).run();

    const bad = envelope({ site: doomed.siteKey, vid: "visitor-doomed-2", type: "pageview", url: "https://www.exemple.fr/tarifs" });
    const good = envelope({ site: fine.siteKey, vid: "visitor-fine", type: "pageview", url: "https://www.exemple.fr/tarifs" });
    const result = await deliver([bad, good]);
    expect(result.retryMessages.map((m) => m.msgId)).toHaveLength(1);
    expect((await hitsOf(fine)).map((h) => h.path)).toEqual(["/tarifs"]);
  });
});
