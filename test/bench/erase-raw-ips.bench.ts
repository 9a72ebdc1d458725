/**
 * The raw IP erasure job (worker/src/privacy/erase-raw-ips.ts) against a backlog: BENCH_IPS hits (200,000 by
 * default) whose enrichment is over still hold a raw IP in a workspace that does not keep them (as after turning
 * `keepRawIp` off), plus 50,000 in a workspace that keeps them. Fires the worker's scheduled handler in local
 * workerd (wrangler dev) run after run, and prints what each run erased and how long it took, until none is left.
 * Exits non-zero if an IP is left, or a kept one is erased.
 *
 *   node_modules/.bin/tsx test/bench/erase-raw-ips.bench.ts          BENCH_IPS=20000 … for a quick run
 */
import { fireScheduled } from "../../scripts/cron-driver.mjs";
import { startDevServer } from "../support/dev-server.mjs";

const IPS = Number(process.env.BENCH_IPS ?? 200_000);
const KEPT = 50_000;
const fmt = (n: number) => n.toLocaleString("en");

function seedSql(now: number): string {
  const hits = (ws: string, site: string, tag: string, n: number) => `
    INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, type, source, url, hostname, path, ip, enrichment_status, occurred_at, received_at)
      WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})
      SELECT 'hit_ip${tag}_' || i, '${site}', '${ws}', 'vis_ip${tag}', 'ses_ip${tag}', 'pageview', 'collect', 'https://www.exemple.fr/', 'www.exemple.fr', '/',
             '198.51.100.' || (i % 250), 'done', ${now} - i * 1000, ${now} - i * 1000 FROM seq;`;
  const browser = (ws: string, site: string, tag: string) => `
    INSERT INTO visitors (id, site_id, workspace_id, visitor_key, first_seen_at, last_seen_at) VALUES ('vis_ip${tag}', '${site}', '${ws}', 'ip-bench-${tag}', ${now}, ${now});
    INSERT INTO sessions (id, visitor_id, site_id, started_at, last_seen_at) VALUES ('ses_ip${tag}', 'vis_ip${tag}', '${site}', ${now}, ${now});`;
  return `
    UPDATE workspaces SET keep_raw_ip = 0 WHERE id = 'ws_demo';
    INSERT INTO workspaces (id, name, keep_raw_ip, created_at) VALUES ('ws_keeps', 'Keeps IPs', 1, ${now});
    INSERT INTO sites (id, workspace_id, name, public_key, allowed_hostnames, created_at) VALUES ('site_keeps', 'ws_keeps', 'Keeps', 'keeps-key', '[]', ${now});
    ${browser("ws_demo", "site_demo", "d")} ${browser("ws_keeps", "site_keeps", "k")}
    ${hits("ws_demo", "site_demo", "d", IPS)} ${hits("ws_keeps", "site_keeps", "k", KEPT)}`;
}

async function main(): Promise<number> {
  console.log(`Raw IP erasure: a backlog of ${fmt(IPS)} IPs (and ${fmt(KEPT)} kept by another workspace), local workerd, Node ${process.version}`);
  const runs: Array<Record<string, unknown>> = [];
  const server = await startDevServer({
    args: ["--log-level", "log"],
    onOutput(chunk: string) {
      for (const m of chunk.matchAll(/cron (\{.*\})/g)) runs.push(JSON.parse(m[1]!));
    },
  });
  try {
    const t = Date.now();
    await server.d1(seedSql(Date.now()));
    console.log(`seed: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const left = async () =>
      (
        await server.d1<{ d: number; k: number }>(
          "SELECT (SELECT count(*) FROM hits WHERE workspace_id = 'ws_demo' AND ip IS NOT NULL) AS d, (SELECT count(*) FROM hits WHERE workspace_id = 'ws_keeps' AND ip IS NOT NULL) AS k",
        )
      )[0]!;
    let at = Date.now();
    for (let run = 1; run <= 50; run++) {
      const before = runs.length;
      const t0 = performance.now();
      await fireScheduled(server.url, "*/5 * * * *", (at += 300_000));
      while (runs.length === before) await new Promise((r) => setTimeout(r, 50));
      const ms = performance.now() - t0;
      const erased = Number(runs.at(-1)!.erasedRawIps);
      const { d } = await left();
      console.log(`run ${String(run).padStart(2)}: erased ${fmt(erased).padStart(7)} IPs, whole cron run ${(ms / 1000).toFixed(1)} s, ${fmt(d)} left`);
      if (d === 0 || !(erased > 0)) break;
    }
    const { d, k } = await left();
    console.log(`left: ${fmt(d)} (expected 0); kept by the other workspace: ${fmt(k)} (expected ${fmt(KEPT)})`);
    return d === 0 && k === KEPT ? 0 : 1;
  } finally {
    await server.stop();
  }
}

process.exitCode = await main();
