import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { CONTENT_FIT_MODEL_INPUT } from "@sillage/shared/scoring/default-model";
import { CHROME_UA, createTestSite, eventually, worker, type TestSite, overrideCidr, hitsSettled } from "./support/fixtures";
import { runScheduled } from "../src/cron/scheduled";

const DAY = 86_400_000;

function collect(site: TestSite, ip: string, vid: string, body: Record<string, unknown>) {
  return worker.fetch(
    new Request("https://api.sillage.test/collect", {
      method: "POST",
      headers: { "User-Agent": CHROME_UA, "X-Sillage-Client-IP": ip },
      body: JSON.stringify({ site: site.siteKey, vid, ...body }),
    }),
  );
}

const api = (site: TestSite, path: string, init: RequestInit = {}) =>
  worker.fetch(
    new Request(`https://api.sillage.test/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${site.apiKey}`, "Content-Type": "application/json" } }),
  );

const leadsOf = (site: TestSite) =>
  env.DB.prepare("SELECT * FROM leads WHERE workspace_id = ?")
    .bind(site.workspaceId)
    .all<Record<string, any>>()
    .then((r) => r.results);

/** The seed model, end to end from collected hits: Danone (1,000–1,999 employees) visits, downloads, identifies. */
async function danoneReachesMql(site: TestSite) {
  await overrideCidr(site, "203.0.113.0/24", "552032534");
  const ip = "203.0.113.20";
  const vid = "visitor-danone-1";
  await collect(site, ip, vid, { url: "https://www.exemple.fr/", title: "Accueil" });
  await collect(site, ip, vid, { url: "https://www.exemple.fr/tarifs", title: "Tarifs" });
  await collect(site, ip, vid, { type: "event", url: "https://www.exemple.fr/livre-blanc", name: "download", props: { asset: "livre-blanc" } });
  await hitsSettled(site, 3);
  const [before] = await leadsOf(site);
  expect(before).toMatchObject({ siren: "552032534", name: "DANONE", status: "identified" });
  expect(before!.score).toBe(45); // 20 pricing + 15 white paper + 10 company over 100 employees
  await collect(site, ip, vid, {
    type: "identify",
    url: "https://www.exemple.fr/livre-blanc",
    traits: { email: "claire.martin@danone.com", name: "Claire Martin", jobTitle: "Directrice informatique" },
  });
  await hitsSettled(site, 4);
  const [lead] = await leadsOf(site);
  return lead!;
}

describe("scoring and lifecycle from collected hits", () => {
  it("reaches MQL at 70 with the seed model, recording who moved the lead and when", async () => {
    const site = await createTestSite();
    const lead = await danoneReachesMql(site);
    expect(lead).toMatchObject({ status: "mql", score: 70 });
    expect(lead.sla_due_at - lead.mql_at).toBe(48 * 3600_000);
    const { results: history } = await env.DB.prepare("SELECT from_status, to_status, actor FROM lead_transitions WHERE lead_id = ? ORDER BY at, rowid")
      .bind(lead.id)
      .all();
    expect(history).toEqual([
      { from_status: "anonymous", to_status: "identified", actor: "system" },
      { from_status: "identified", to_status: "mql", actor: "system" },
    ]);
    // Every hit of the visit belongs to the lead, the identify hit included.
    const attributed = await env.DB.prepare("SELECT count(*) AS n FROM hits WHERE lead_id = ?").bind(lead.id).first<{ n: number }>();
    expect(attributed!.n).toBe(4);
  });

  it("sends a stale MQL back to nurturing when its points decay under the threshold", async () => {
    const site = await createTestSite();
    const lead = await danoneReachesMql(site);
    const report = await runScheduled(env, Date.now() + 100 * DAY); // behaviour points expire after 90 days
    expect(report.decayedMqls).toBeGreaterThanOrEqual(1);
    const after = await env.DB.prepare("SELECT status FROM leads WHERE id = ?").bind(lead.id).first<{ status: string }>();
    expect(after!.status).toBe("nurturing");
    const last = await env.DB.prepare("SELECT to_status, reason_code FROM lead_transitions WHERE lead_id = ? ORDER BY at DESC LIMIT 1").bind(lead.id).first();
    expect(last).toEqual({ to_status: "nurturing", reason_code: "score_below_mql" });
  });

  it("flags an MQL nobody handled within the SLA", async () => {
    const site = await createTestSite();
    const lead = await danoneReachesMql(site);
    await runScheduled(env, Date.now() + 47 * 3600_000);
    expect((await env.DB.prepare("SELECT sla_overdue_at FROM leads WHERE id = ?").bind(lead.id).first())!.sla_overdue_at).toBeNull();
    await runScheduled(env, Date.now() + 49 * 3600_000);
    expect((await env.DB.prepare("SELECT sla_overdue_at FROM leads WHERE id = ?").bind(lead.id).first())!.sla_overdue_at).not.toBeNull();
  });

  it("reads a model saved from another isolate at once, and numbers the next version after it", async () => {
    const site = await createTestSite();
    const { model } = (await (await api(site, "/scoring/model")).json()) as any; // now cached in this isolate
    const elsewhere = { ...model, version: 7, mql: { threshold: 90 } };
    // As another isolate's PUT would have written it: this isolate's cache knows nothing of it.
    await env.DB.prepare("INSERT INTO scoring_models (workspace_id, version, document, created_at, created_by) VALUES (?, 7, ?, ?, 'test')")
      .bind(site.workspaceId, JSON.stringify(elsewhere), Date.now())
      .run();
    const read = (await (await api(site, "/scoring/model")).json()) as any;
    expect(read.model).toMatchObject({ version: 7, mql: { threshold: 90 } });
    const next = { ...model, mql: { threshold: 85 } };
    delete next.version;
    const saved = await api(site, "/scoring/model", { method: "PUT", body: JSON.stringify(next) });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as any).model.version).toBe(8);
  });

  it("rejects an invalid model with a message naming the field", async () => {
    const site = await createTestSite();
    const res = await api(site, "/scoring/model", {
      method: "PUT",
      body: JSON.stringify({ name: "cassé", rules: [{ id: "x", label: "X", points: "vingt", when: { path: "/tarifs" } }], mql: { threshold: 70 } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.message).toMatch(/rules\[0\]\.points/);
  });

  it("refuses a regex that could backtrack catastrophically, naming the rule", async () => {
    const site = await createTestSite();
    const res = await api(site, "/scoring/model", {
      method: "PUT",
      body: JSON.stringify({ name: "piège", rules: [{ id: "bomb", label: "Bombe", points: 5, when: { path: "regex:(a|a)*$" } }], mql: { threshold: 70 } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.message).toMatch(/rules\[0\]\.when\.path: regex .*backtrack catastrophically/);
  });

  it("dry-runs then applies a model change, rescoring every lead in the background", async () => {
    const site = await createTestSite();
    const lead = await danoneReachesMql(site);
    const { model } = (await (await api(site, "/scoring/model")).json()) as any;
    const stricter = { ...model, mql: { threshold: 80 } };
    delete stricter.version;
    const dry = (await (await api(site, "/scoring/model?dryRun=true", { method: "PUT", body: JSON.stringify(stricter) })).json()) as any;
    expect(dry).toMatchObject({ dryRun: true, leadsEvaluated: 1, wouldChangeStatus: 1, wouldBecomeMql: 0, wouldFallBack: 1, rescoreJobId: null });
    expect((await leadsOf(site))[0]!.status).toBe("mql"); // nothing written

    const saved = (await (await api(site, "/scoring/model", { method: "PUT", body: JSON.stringify(stricter) })).json()) as any;
    expect(saved.model.version).toBe(2);
    const job = await eventually(async () => {
      const j = (await (await api(site, `/scoring/rescore-jobs/${saved.rescoreJobId}`)).json()) as any;
      return j.status === "done" ? j : null;
    }, 15_000);
    expect(job).toMatchObject({ total: 1, done: 1, changedStatus: 1, progress: 1 });
    const after = (await leadsOf(site))[0]!;
    expect(after).toMatchObject({ id: lead.id, status: "nurturing", model_version: 2, score: 70 });
  });

  it("expresses the seed's second model: 2+ content pieces AND 50+ employees AND tech sector", async () => {
    const site = await createTestSite();
    // A 50–99 employee software company (NAF 62.01Z, section J), from the local SIRENE table.
    await env.DB.prepare(
      `INSERT INTO sirene_units (siren, name, search_name, naf_code, headcount_code, category, active) VALUES ('812345676', 'LOGICIELS DU SUD', 'logiciels du sud', '62.01Z', '21', 'PME', 1)`,
    ).run();
    await overrideCidr(site, "198.18.0.0/24", "812345676");
    const { version: _v, ...model } = CONTENT_FIT_MODEL_INPUT;
    expect((await api(site, "/scoring/model", { method: "PUT", body: JSON.stringify(model) })).status).toBe(200);
    const vid = "visitor-tech-1";
    await collect(site, "198.18.0.5", vid, { type: "event", url: "https://www.exemple.fr/livres-blancs/cloud", name: "download", props: { asset: "cloud" } });
    await hitsSettled(site, 1);
    expect((await leadsOf(site))[0]).toMatchObject({ siren: "812345676", status: "identified" });
    await collect(site, "198.18.0.5", vid, { type: "event", url: "https://www.exemple.fr/livres-blancs/cloud", name: "download", props: { asset: "cloud" } });
    await hitsSettled(site, 2);
    expect((await leadsOf(site))[0]!.status).toBe("identified"); // the same content twice is one piece
    await collect(site, "198.18.0.5", vid, { url: "https://www.exemple.fr/etudes-de-cas/banque" });
    await hitsSettled(site, 3);
    expect((await leadsOf(site))[0]!.status).toBe("mql");
  });

  it("computes funnel KPIs over a period", async () => {
    const site = await createTestSite();
    await danoneReachesMql(site);
    const today = new Date().toISOString().slice(0, 10);
    const kpis = (await (await api(site, `/scoring/kpis?from=${today}&to=${today}`)).json()) as any;
    expect(kpis).toMatchObject({ leads: 1, mqls: 1, sqls: 0, leadToMqlRate: 1 });
  });
});
