/**
 * Funnel KPIs (`GET /api/v1/scoring/kpis`) of a workspace with BENCH_LEADS leads (50,000 by default), in local
 * workerd (wrangler dev, local D1). The KPIs are aggregates computed by D1 (worker/src/scoring/kpi-store.ts): the
 * answer is a few rows whatever the number of leads. Prints the time per call (median of RUNS) and the rows D1
 * read (the worker logs `{"msg":"kpis.read","rowsRead":…}`), for a month, a quarter and a year, next to what
 * loading every lead and its history (the previous implementation) would return.
 *
 *   node_modules/.bin/tsx test/bench/kpis.bench.ts          BENCH_LEADS=5000 … for a quick run
 */
import { startDevServer } from "../support/dev-server.mjs";

const LEADS = Number(process.env.BENCH_LEADS ?? 50_000);
const RUNS = 9;
const DAY = 86_400_000;
const WS = "ws_demo";
const fmt = (n: number) => n.toLocaleString("en");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Leads over the last 365 days, from a hash of their number: 60 % identified only, the others MQL; of the MQLs,
 * 35 % accepted after 1–96 h, 15 % rejected (then nurtured), 10 % withdrawn by the score, the rest waiting.
 */
function seedSql(n: number, now: number): string {
  return `
    CREATE TABLE bench_kpi AS
      WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})
      SELECT i, printf('%07d', i) AS n, h, ${now} - (h % 365) * ${DAY} - (h >> 9) % ${DAY} AS t0, (h >> 4) % 100 AS fate, 3600000 * (1 + (h >> 12) % 96) AS dt
        FROM (SELECT i, (i * 2654435761 + 40503) % 4294967296 AS h FROM seq);
    INSERT INTO leads (id, workspace_id, key, name, status, status_changed_at, first_seen_at, last_seen_at)
      SELECT 'lead_k' || n, '${WS}', 'org:k' || n, 'ENTREPRISE ' || n,
             CASE WHEN fate < 60 THEN 'identified' WHEN fate < 74 THEN 'sql' WHEN fate < 80 THEN 'nurturing' WHEN fate < 84 THEN 'nurturing' ELSE 'mql' END,
             t0, t0, t0 + ${DAY} FROM bench_kpi;
    INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, at)
      SELECT 'tr_k' || n || '_1', 'lead_k' || n, '${WS}', 'anonymous', 'identified', 'system', NULL, t0 FROM bench_kpi;
    INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, at)
      SELECT 'tr_k' || n || '_2', 'lead_k' || n, '${WS}', 'identified', 'mql', 'system', NULL, t0 + ${DAY} FROM bench_kpi WHERE fate >= 60;
    INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, at)
      SELECT 'tr_k' || n || '_3', 'lead_k' || n, '${WS}', 'mql', CASE WHEN fate < 74 THEN 'sql' WHEN fate < 80 THEN 'rejected' ELSE 'nurturing' END,
             CASE WHEN fate < 80 THEN 'key_bench' ELSE 'system' END,
             CASE WHEN fate < 74 THEN NULL WHEN fate < 80 THEN (CASE fate % 3 WHEN 0 THEN 'no_budget' WHEN 1 THEN 'no_need' ELSE 'bad_timing' END) ELSE 'score_below_mql' END,
             t0 + ${DAY} + dt FROM bench_kpi WHERE fate >= 60 AND fate < 84;
    INSERT INTO lead_transitions (id, lead_id, workspace_id, from_status, to_status, actor, reason_code, at)
      SELECT 'tr_k' || n || '_4', 'lead_k' || n, '${WS}', 'rejected', 'nurturing', 'system', NULL, t0 + ${DAY} + dt FROM bench_kpi WHERE fate >= 74 AND fate < 80;
    DROP TABLE bench_kpi;`;
}

async function main(): Promise<number> {
  console.log(`Funnel KPIs of ${fmt(LEADS)} leads, local workerd (wrangler dev), Node ${process.version}`);
  const reads: number[] = [];
  const server = await startDevServer({
    args: ["--log-level", "log"],
    onOutput(chunk: string) {
      for (const m of chunk.matchAll(/\{"msg":"kpis\.read","rowsRead":(\d+)/g)) reads.push(Number(m[1]));
    },
  });
  try {
    const now = Date.now();
    const t = Date.now();
    await server.d1(seedSql(LEADS, now));
    const [seeded] = await server.d1<{ leads: number; transitions: number }>(
      `SELECT (SELECT count(*) FROM leads WHERE workspace_id = '${WS}') AS leads, (SELECT count(*) FROM lead_transitions WHERE workspace_id = '${WS}') AS transitions`,
    );
    console.log(`seed: ${fmt(seeded!.leads)} leads, ${fmt(seeded!.transitions)} transitions in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    let failed = 0;
    for (const [label, days] of [
      ["30 days", 30],
      ["90 days", 90],
      ["365 days", 365],
    ] as const) {
      const path = `/api/v1/scoring/kpis?from=${day(now - days * DAY)}&to=${day(now)}`;
      const times: number[] = [];
      let body: { leads: number; mqls: number; sqls: number; medianMqlToSqlMs: number | null } | null = null;
      const before = reads.length;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${server.apiKey}` } });
        body = (await res.json()) as typeof body;
        times.push(performance.now() - t0);
        if (!res.ok) {
          console.error(`✖ ${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
          failed++;
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 300)); // the last log line
      const rowsRead = reads.slice(before);
      const [loaded] = await server.d1<{ rows: number }>(
        `SELECT count(*) AS rows FROM leads l LEFT JOIN lead_transitions t ON t.lead_id = l.id WHERE l.workspace_id = '${WS}' AND l.first_seen_at < ${Date.parse(`${day(now)}T00:00:00Z`) + DAY}`,
      );
      console.log(
        `${label.padEnd(9)} ${fmt(body!.leads).padStart(6)} leads, ${fmt(body!.mqls).padStart(6)} MQLs, ${fmt(body!.sqls).padStart(6)} SQLs: ` +
          `p50 ${median(times).toFixed(0)} ms per call (${RUNS} calls), D1 rows read ${rowsRead.length ? fmt(median(rowsRead)) : "n/a"}, ` +
          `answer ${fmt(JSON.stringify(body).length)} bytes; loading every lead would return ${fmt(loaded!.rows)} rows`,
      );
    }
    return failed ? 1 : 0;
  } finally {
    await server.stop();
  }
}

process.exitCode = await main();
