import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import app from "../src/app";
import { ingestBatch } from "../src/ingest/pipeline";
import { collectEnvelope, createTestSite, deliverBatch, worker } from "./support/fixtures";
import { providerRequests } from "./support/fake-provider";
import { loadRanges } from "./support/ip-data";

/** Corporate networks (a sector word in the name) nobody has looked up yet: each needs the register. */
async function loadCorporateRanges(word: string, count: number, second: number): Promise<string[]> {
  const lines = [...Array(count).keys()].map(
    (i) => `185.${second}.${i}.0,185.${second}.${i}.255,${210_000 + second * 256 + i},Fonderie ${word}${i} Industrie SA`,
  );
  // The network of the reported 500 (Euro-Information, AS8255), as @ip-location-db/asn has it.
  lines.push("145.226.104.0,145.226.255.255,8255,Euro-Information-Europeenne de Traitement de l'Information SAS");
  await loadRanges(lines);
  return [...Array(count).keys()].map((i) => `185.${second}.${i}.20`);
}

describe("GET /identify while enrichment batches run", () => {
  it("many concurrent identify calls beside two enrichment batches: never a 5xx, one register search per name", async () => {
    const word = `zq${crypto.randomUUID().slice(0, 5)}`;
    const site = await createTestSite();
    const [target, ...visited] = await loadCorporateRanges(word, 31, 77);
    const outcomes = await ingestBatch(
      env.DB,
      visited.map((ip, i) => collectEnvelope({ site: site.siteKey, vid: `v-${word}-${i}`, type: "pageview", url: `https://www.exemple.fr/p${i}` }, { ip })),
    );
    const hitIds = outcomes.map((o) => (o.stored ? o.hitId : "not stored"));

    const identify = (ip: string) =>
      worker
        .fetch(new Request(`https://api.sillage.test/api/v1/identify?ip=${ip}`, { headers: { Authorization: `Bearer ${site.apiKey}` } }))
        .then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, any> }));
    const [batches, answers] = await Promise.all([
      Promise.all([
        deliverBatch(
          "sillage-enrich",
          hitIds.slice(0, 15).map((hitId) => ({ hitId })),
        ),
        deliverBatch(
          "sillage-enrich",
          hitIds.slice(15).map((hitId) => ({ hitId })),
        ),
      ]),
      Promise.all([...[...Array(45)].map(() => identify(target!)), ...[...Array(10)].map(() => identify("145.226.179.255"))]),
    ]);

    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s >= 500),
      JSON.stringify(answers.find((a) => a.status >= 500)?.body),
    ).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(answers[0]!.body.network).toMatchObject({ kind: "corporate", organization: `Fonderie ${word}0 Industrie SA` });
    // 45 callers, one search for their organisation: the others shared its answer.
    const searches = (await providerRequests()).queries.filter((q) => q?.toLowerCase().includes(`${word}0`));
    expect(searches).toHaveLength(1);

    for (const b of batches) expect(b.retryMessages).toEqual([]);
    const { results } = await env.DB.prepare("SELECT enrichment_status AS status, COUNT(*) AS n FROM hits WHERE site_id = ? GROUP BY 1")
      .bind(site.siteId)
      .all();
    expect(results).toEqual([{ status: "done", n: 30 }]);
  });
});

/** The D1 binding as it answers while another process holds the SQLite file: reads of `table` fail busy. */
function busyOn(table: string, db: D1Database): D1Database {
  const busy = () => Promise.reject(new Error("D1_ERROR: database is locked: SQLITE_BUSY"));
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== "prepare") return Reflect.get(target, prop).bind(target);
      return (sql: string) => {
        const stmt = target.prepare(sql);
        if (!sql.includes(table)) return stmt;
        return { bind: () => ({ first: busy, all: busy, run: busy, raw: busy }), first: busy, all: busy, run: busy, raw: busy };
      };
    },
  });
}

describe("a busy database", () => {
  it("answers 503 with Retry-After and the error body, not a 500", async () => {
    const site = await createTestSite();
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request("https://api.sillage.test/api/v1/identify?ip=145.226.179.255", { headers: { Authorization: `Bearer ${site.apiKey}` } }),
      { ...env, DB: busyOn("ip_ranges", env.DB) },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("1");
    expect(await res.json()).toEqual({ error: { code: "upstream_unavailable", message: expect.stringMatching(/busy/), requestId: expect.any(String) } });
  });
});
