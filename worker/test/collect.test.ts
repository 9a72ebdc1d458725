import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { CHROME_UA, createTestSite, eventually, type TestSite, worker } from "./support/fixtures";

function collect(body: string, headers: Record<string, string> = {}) {
  return worker.fetch(
    new Request("https://api.sillage.test/collect", {
      method: "POST",
      headers: { "Content-Type": "text/plain", "User-Agent": CHROME_UA, "X-Sillage-Client-IP": "203.0.113.7", ...headers },
      body,
    }),
  );
}

const hitsOf = (site: TestSite) =>
  env.DB.prepare("SELECT * FROM hits WHERE site_id = ? ORDER BY received_at, rowid")
    .bind(site.siteId)
    .all<Record<string, any>>()
    .then((r) => r.results);

const dropsOf = (site: TestSite | null) =>
  env.DB.prepare("SELECT reason, sum(count) AS n FROM drop_counters WHERE site_key = ? GROUP BY reason")
    .bind(site ? site.siteKey : "")
    .all<{ reason: string; n: number }>()
    .then((r) => Object.fromEntries(r.results.map((x) => [x.reason, x.n])));

describe("POST /collect", () => {
  it("stores page views and events with the right visitor and session", async () => {
    const site = await createTestSite();
    const base = { site: site.siteKey, vid: "visitor-aaaa-1" };
    for (const body of [
      { ...base, type: "pageview", url: "https://www.exemple.fr/?utm_source=linkedin&utm_campaign=automne", title: "Accueil", pid: "page-1" },
      { ...base, type: "pageview", url: "https://www.exemple.fr/tarifs", title: "Tarifs", ref: "https://www.exemple.fr/", pid: "page-2" },
      { ...base, type: "event", url: "https://www.exemple.fr/livre-blanc", name: "download", props: { asset: "livre-blanc" } },
      { ...base, type: "engagement", url: "https://www.exemple.fr/tarifs", pid: "page-2", ms: 42000 },
    ]) {
      const res = await collect(JSON.stringify(body));
      expect(res.status).toBe(204);
    }
    const other = await collect(JSON.stringify({ site: site.siteKey, vid: "visitor-bbbb-2", url: "https://www.exemple.fr/" }));
    expect(other.status).toBe(204);

    const hits = await eventually(async () => ((await hitsOf(site)).length === 5 ? hitsOf(site) : null));
    const mine = hits.filter((h) => h.type !== "engagement" && h.visitor_id === hits[0]!.visitor_id);
    expect(mine.map((h) => [h.type, h.path])).toEqual([
      ["pageview", "/"],
      ["pageview", "/tarifs"],
      ["event", "/livre-blanc"],
    ]);
    expect(new Set(mine.map((h) => h.session_id)).size).toBe(1);
    expect(mine[0]!.utm_source).toBe("linkedin");
    expect(mine[0]!.utm_campaign).toBe("automne");
    expect(JSON.parse(mine[2]!.props)).toEqual({ asset: "livre-blanc" });
    expect(mine[1]!.engaged_ms).toBe(42000);
    const otherVisitor = hits.find((h) => h.visitor_id !== hits[0]!.visitor_id)!;
    expect(otherVisitor.session_id).not.toBe(mine[0]!.session_id);

    const session = await env.DB.prepare("SELECT * FROM sessions WHERE id = ?").bind(mine[0]!.session_id).first<Record<string, any>>();
    expect(session).toMatchObject({ pageview_count: 2, hit_count: 4, landing_path: "/", utm_source: "linkedin" });
  });

  it("starts a new session after 30 minutes of inactivity", async () => {
    const site = await createTestSite();
    await collect(JSON.stringify({ site: site.siteKey, vid: "visitor-cccc-3", url: "https://www.exemple.fr/" }));
    const [first] = await eventually(async () => ((await hitsOf(site)).length === 1 ? hitsOf(site) : null));
    // Age the visit by 31 minutes, as if the visitor had left.
    await env.DB.prepare("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60000 WHERE id = ?").bind(first!.session_id).run();
    await collect(JSON.stringify({ site: site.siteKey, vid: "visitor-cccc-3", url: "https://www.exemple.fr/tarifs" }));
    const hits = await eventually(async () => ((await hitsOf(site)).length === 2 ? hitsOf(site) : null));
    expect(hits[1]!.visitor_id).toBe(hits[0]!.visitor_id);
    expect(hits[1]!.session_id).not.toBe(hits[0]!.session_id);
  });

  it("merges a visitor's anonymous history into the contact on identify", async () => {
    const site = await createTestSite();
    const vid = "visitor-dddd-4";
    await collect(JSON.stringify({ site: site.siteKey, vid, url: "https://www.exemple.fr/tarifs" }));
    await collect(JSON.stringify({ site: site.siteKey, vid, url: "https://www.exemple.fr/cas-client" }));
    await eventually(async () => (await hitsOf(site)).length === 2);
    await collect(
      JSON.stringify({
        site: site.siteKey,
        vid,
        type: "identify",
        url: "https://www.exemple.fr/livre-blanc",
        traits: { email: "Claire.Martin@Danone.com", name: "Claire Martin", jobTitle: "Directrice des systèmes d'information", phone: "+33 1 23 45 67 89" },
      }),
    );
    const contact = await eventually(() => env.DB.prepare("SELECT * FROM contacts WHERE workspace_id = ?").bind(site.workspaceId).first<Record<string, any>>());
    expect(contact).toMatchObject({ email: "claire.martin@danone.com", name: "Claire Martin", job_title: "Directrice des systèmes d'information" });
    const hits = await eventually(async () => ((await hitsOf(site)).length === 3 ? hitsOf(site) : null));
    expect(hits.map((h) => h.contact_id)).toEqual([contact.id, contact.id, contact.id]);
    // Later hits of the same browser are the contact's too.
    await collect(JSON.stringify({ site: site.siteKey, vid, url: "https://www.exemple.fr/" }));
    const later = await eventually(async () => ((await hitsOf(site)).length === 4 ? hitsOf(site) : null));
    expect(later[3]!.contact_id).toBe(contact.id);
  });

  it("answers 204 to every bad input and counts each drop with its reason", async () => {
    const site = await createTestSite({ respectDnt: true });
    const ok = { site: site.siteKey, url: "https://www.exemple.fr/" };
    const cases: Array<[string, string, Record<string, string>?]> = [
      ["malformed_json", "{not json"],
      ["invalid_payload", JSON.stringify({ ...ok, type: "teleport" })],
      ["invalid_payload", JSON.stringify({ ...ok, vid: 42 })],
      ["invalid_payload", JSON.stringify([1, 2])],
      ["url_too_long", JSON.stringify({ ...ok, url: "https://www.exemple.fr/" + "a".repeat(2000) })],
      ["referrer_too_long", JSON.stringify({ ...ok, ref: "https://google.fr/" + "r".repeat(2000) })],
      ["body_too_large", JSON.stringify({ ...ok, title: "x".repeat(9000) })],
      ["hostname_not_allowed", JSON.stringify({ ...ok, url: "https://copie-du-site.example/" })],
      ["bot", JSON.stringify(ok), { "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }],
      ["headless", JSON.stringify(ok), { "User-Agent": CHROME_UA.replace("Chrome/", "HeadlessChrome/") }],
      ["prefetch", JSON.stringify(ok), { "Sec-Purpose": "prefetch;prerender" }],
      ["do_not_track", JSON.stringify(ok), { DNT: "1" }],
    ];
    for (const [, body, headers] of cases) expect((await collect(body, headers)).status).toBe(204);

    const expected: Record<string, number> = {};
    for (const [reason] of cases) expected[reason] = (expected[reason] ?? 0) + 1;
    // Drops before the site is known are counted under "" (no site).
    const early = new Set(["malformed_json", "invalid_payload", "url_too_long", "referrer_too_long", "body_too_large"]);
    const siteExpected = Object.fromEntries(Object.entries(expected).filter(([r]) => !early.has(r)));
    const bySite = await eventually(async () => {
      const d = await dropsOf(site);
      return Object.values(d).reduce((a, b) => a + b, 0) === cases.filter(([r]) => !early.has(r)).length ? d : null;
    });
    expect(bySite).toEqual(siteExpected);
    const noSite = await dropsOf(null);
    for (const reason of early) expect(noSite[reason] ?? 0).toBeGreaterThanOrEqual(expected[reason]!);
    expect(await hitsOf(site)).toEqual([]);
  });

  it("drops hits for an unknown site key", async () => {
    const before = (await dropsOf(null)).unknown_site ?? 0;
    expect((await collect(JSON.stringify({ site: "no-such-site", url: "https://www.exemple.fr/" }))).status).toBe(204);
    await eventually(async () => ((await dropsOf(null)).unknown_site ?? 0) === before + 1);
  });

  it("lets pre-flight-free cross-origin beacons through", async () => {
    const site = await createTestSite();
    const res = await collect(JSON.stringify({ site: site.siteKey, url: "https://www.exemple.fr/" }), { Origin: "https://www.exemple.fr" });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("GET /p.gif", () => {
  const pixel = (qs: string, headers: Record<string, string> = {}) =>
    worker.fetch(
      new Request(`https://api.sillage.test/p.gif?${qs}`, { headers: { "User-Agent": CHROME_UA, "X-Sillage-Client-IP": "198.51.100.4", ...headers } }),
    );

  it("stores the same hit as /collect and always answers a GIF", async () => {
    const site = await createTestSite();
    const res = await pixel(`site=${site.siteKey}`, { Referer: "https://www.exemple.fr/tarifs?utm_medium=email" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/gif");
    expect(new Uint8Array(await res.arrayBuffer()).slice(0, 6)).toEqual(new TextEncoder().encode("GIF89a"));

    await pixel(`site=${site.siteKey}&type=event&name=email_open&p.campaign=relance-novembre`);
    const hits = await eventually(async () => ((await hitsOf(site)).length === 2 ? hitsOf(site) : null));
    expect(hits[0]).toMatchObject({ type: "pageview", source: "pixel", path: "/tarifs", utm_medium: "email", ip: "198.51.100.4" });
    expect(hits[1]).toMatchObject({ type: "event", source: "pixel", name: "email_open" });
    expect(JSON.parse(hits[1]!.props)).toEqual({ campaign: "relance-novembre" });
    // No tracker id: the pixel's visitor is the daily hash of IP and user agent, the same for both.
    expect(hits[1]!.visitor_id).toBe(hits[0]!.visitor_id);
  });

  it("answers a link checker's HEAD without counting it as a visit", async () => {
    const site = await createTestSite();
    const res = await worker.fetch(
      new Request(`https://api.sillage.test/p.gif?site=${site.siteKey}`, { method: "HEAD", headers: { "User-Agent": CHROME_UA } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/gif");
    expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    // A real visit after it is stored alone.
    await pixel(`site=${site.siteKey}`, { Referer: "https://www.exemple.fr/" });
    await eventually(async () => (await hitsOf(site)).length === 1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await hitsOf(site)).toHaveLength(1);
    expect(await dropsOf(site)).toEqual({});
  });

  it("answers a GIF to garbage too, and counts it", async () => {
    const site = await createTestSite();
    for (const qs of ["", "site=", `site=${site.siteKey}&type=nope&url=x`, `site=${site.siteKey}&url=${"a".repeat(9000)}`]) {
      const res = await pixel(qs);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("image/gif");
    }
  });
});
