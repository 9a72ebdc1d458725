import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { sireneSearchKey } from "@sillage/shared/providers/sirene-stock";
import { asnStatsFor, refreshAsnStats } from "../src/identify/asn-stats";
import { parseAsnCsvLine } from "../src/identify/ip-range-rows";
import { ingestBatch } from "../src/ingest/pipeline";
import { collectEnvelope, createTestSite, deliverBatch, worker, type TestSite } from "./support/fixtures";
import { providerRequests } from "./support/fake-provider";

/**
 * Registry evidence end to end: networks no list knows, named like plain French companies, decided by the legal
 * entity the register holds for their name. The register here is the local INSEE copy (`sirene_units`), filled
 * with units of our own making (valid SIRENs, real NAF codes); the ranges and ASNs are ours too.
 */
const RANGES = [
  "185.22.49.0,185.22.49.255,199991,AUTOROUTES EXEMPLE SA",
  "185.22.50.0,185.22.50.255,199992,NEOVIA EXEMPLE SAS",
  "185.22.51.0,185.22.51.255,199993,Exemple Holdings Inc",
  "185.22.52.0,185.22.52.255,199994,BOULANGERIE EXEMPLE",
  // Operator-sized: 2^21 IPv4 addresses in two ranges (above OPERATOR_SCALE_V4, 2^20).
  "44.0.0.0,44.15.255.255,199995,GRANITS EXEMPLE SA",
  "44.16.0.0,44.31.255.255,199995,GRANITS EXEMPLE SA",
];
const UNITS = [
  // siren, name, legal form, NAF, headcount code, category, active
  ["812345676", "AUTOROUTES EXEMPLE", "5599", "52.21Z", "42", "GE", 1],
  ["812345684", "NEOVIA EXEMPLE", "5710", "61.10Z", "32", "ETI", 1],
  ["812345692", "EXEMPLE HOLDINGS", "5710", "70.10Z", "42", "GE", 1], // a French namesake of a foreign AS owner
  ["812345700", "BOULANGERIE EXEMPLE", "1000", "10.71C", "01", "PME", 1], // a sole trader
  ["812345718", "GRANITS EXEMPLE", "5599", "08.12Z", "42", "GE", 1],
] as const;

beforeAll(async () => {
  await env.DB.batch([
    ...RANGES.map((line) => {
      const r = parseAsnCsvLine(line, 4)!;
      return env.DB.prepare(`INSERT OR REPLACE INTO ip_ranges (family, start, "end", asn, organization) VALUES (?, ?, ?, ?, ?)`).bind(
        r.family,
        r.start,
        r.end,
        r.asn,
        r.organization,
      );
    }),
    ...UNITS.map(([siren, name, form, naf, headcount, category, active]) =>
      env.DB.prepare(
        `INSERT OR REPLACE INTO sirene_units (siren, name, search_name, legal_form_code, naf_code, headcount_code, category, head_office_nic, active)
         VALUES (?, ?, ?, ?, ?, ?, ?, '00011', ?)`,
      ).bind(siren, name, sireneSearchKey(name), form, naf, headcount, category, active),
    ),
  ]);
  await refreshAsnStats(env.DB); // as the importer does after loading the IP table
});

async function identify(site: TestSite, ip: string) {
  const res = await worker.fetch(new Request(`https://api.sillage.test/api/v1/identify?ip=${ip}`, { headers: { Authorization: `Bearer ${site.apiKey}` } }));
  expect(res.status).toBe(200);
  return (await res.json()) as { network: { kind: string; reason: string }; company: { siren: string } | null; reason: string };
}

const useChain = (site: TestSite, chain: string[]) =>
  env.DB.prepare("UPDATE workspaces SET provider_chain = ? WHERE id = ?").bind(JSON.stringify(chain), site.workspaceId).run();

describe("registry evidence decides the kind of a network no list knows", () => {
  it("names a company from its legal entity, keeping the evidence in the reason", async () => {
    const site = await createTestSite();
    await useChain(site, ["sirene-local"]);
    const r = await identify(site, "185.22.49.10");
    expect(r.network.kind).toBe("corporate");
    expect(r.network.reason).toBe("company in the register: NAF 52.21Z, SIREN 812345676, name similarity 1.00");
    expect(r.company?.siren).toBe("812345676");
  });

  it("calls a telecom operator isp, never a company", async () => {
    const site = await createTestSite();
    await useChain(site, ["sirene-local"]);
    const r = await identify(site, "185.22.50.10");
    expect(r.network.kind).toBe("isp");
    expect(r.network.reason).toContain("NAF 61.10Z");
    expect(r.company).toBeNull();
  });

  it("does not ask the French register about a foreign owner, nor name a sole trader", async () => {
    const site = await createTestSite();
    await useChain(site, ["sirene-local", "recherche-entreprises"]);
    const before = (await providerRequests()).requests;
    const foreign = await identify(site, "185.22.51.10");
    expect(foreign).toMatchObject({ network: { kind: "unknown" }, company: null });
    expect(foreign.network.reason).toContain("register not asked (legal form foreign, 256 IPv4 addresses)");
    expect((await providerRequests()).requests).toBe(before); // the government API was not called either
    const soleTrader = await identify(site, "185.22.52.10");
    expect(soleTrader).toMatchObject({ network: { kind: "unknown" }, company: null });
  });

  it("does not trust a register 'company' for a network announcing operator-sized space (asn_stats)", async () => {
    expect(await asnStatsFor(env.DB, 199995)).toEqual({ asn: 199995, ipv4Addresses: 2 ** 21, ipv4Ranges: 2, ipv6Ranges: 0 });
    expect(await asnStatsFor(env.DB, 199991)).toMatchObject({ ipv4Addresses: 256, ipv4Ranges: 1 });
    const site = await createTestSite();
    await useChain(site, ["sirene-local"]);
    const r = await identify(site, "44.20.1.1");
    expect(r).toMatchObject({ network: { kind: "unknown" }, company: null });
    expect(r.network.reason).toContain("company in the register: NAF 08.12Z, SIREN 812345718");
    expect(r.network.reason).toContain("not trusted (legal form french, 2,097,152 IPv4 addresses (operator-sized))");
  });

  it("reads the network's space from asn_stats in a queue batch too (the enrichment path)", async () => {
    const site = await createTestSite();
    await useChain(site, ["sirene-local"]);
    const ips = ["44.1.2.3", "44.30.0.9"]; // two visitors of the same operator-sized network in one batch
    const outcomes = await ingestBatch(
      env.DB,
      ips.map((ip, i) => collectEnvelope({ site: site.siteKey, vid: `visitor-${i}`, type: "pageview", url: `https://www.exemple.fr/p${i}` }, { ip })),
    );
    const result = await deliverBatch(
      "sillage-enrich",
      outcomes.map((o) => ({ hitId: o.stored ? o.hitId : "not stored" })),
    );
    expect(result.retryMessages).toEqual([]);
    const { results } = await env.DB.prepare("SELECT network_kind AS kind, siren, enrichment_reason AS reason FROM hits WHERE site_id = ?")
      .bind(site.siteId)
      .all<{ kind: string; siren: string | null; reason: string }>();
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(r).toMatchObject({ kind: "unknown", siren: null });
      expect(r.reason).toContain("operator-sized");
    }
  });

  it("keys the organisation cache by provider chain: one workspace's answer does not decide for another's chain", async () => {
    const local = await createTestSite();
    await useChain(local, ["sirene-local"]);
    expect((await identify(local, "185.22.49.20")).company?.siren).toBe("812345676");
    const apiOnly = await createTestSite();
    await useChain(apiOnly, ["recherche-entreprises"]); // the fake register has no such company
    const other = await identify(apiOnly, "185.22.49.20");
    expect(other).toMatchObject({ network: { kind: "unknown" }, company: null });
  });
});
