// Benchmark of POST /collect, printed rather than asserted (numbers depend on the machine):
//  1. throughput: the worker vs a bare worker that only answers 204, same runtime, same load; target: ≥ 0.7 × bare
//     in requests per second for the collector endpoint ("edge": the worker as configured, its queues'
//     consumers off — in production they run in other invocations, never on the request's path). Locally the
//     consumers share workerd's one thread with the fetch handler, so the whole worker, consumers storing and
//     enriching every hit as it comes, is measured too ("everything in one thread"): the local ingestion capacity.
//  2. loss check: exactly N requests of a known mix of valid and invalid hits; once the queue has drained,
//     stored hits + counted drops must equal N, reason by reason. A mismatch sets a non-zero exit code.
//     The consumer logs its time per pipeline step for each batch (`{"msg":"ingest.steps",…}`): summed over the
//     run, they are printed step by step, per 100 requests.
//
//   node test/bench/collect.mjs          (or `npm run bench`, which runs every benchmark)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { spawnWranglerDev, startDevServer } from "../support/dev-server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 32;
const LOSS_N = 2000;
const TARGET_RATIO = 0.7;

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const SITE = "demo-site-key";
// wrangler prints a line per request at the default level: that would measure the logging, not the worker.
const QUIET = ["--log-level", "warn"];

/** A distinct visitor IP per request number, so the worker cannot benefit from one hot visitor. */
const ipFor = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
// The load is spread over several customer sites, as on a real deployment: each site stays under its rate
// limit (6,000 hits a minute), so that every request of the load takes the full path to storage.
const LOAD_SITES = Array.from({ length: 16 }, (_, n) => `bench-site-${String(n).padStart(2, "0")}`);
const seedLoadSites = (server) =>
  server.d1(
    LOAD_SITES.map(
      (key) => `INSERT OR IGNORE INTO sites (id, workspace_id, name, public_key, allowed_hostnames, created_at)
        VALUES ('site_${key}', 'ws_demo', 'Bench ${key}', '${key}', '["localhost"]', 0);`,
    ).join("\n"),
  );
const pageview = (i, extra = {}) =>
  JSON.stringify({
    site: SITE,
    type: "pageview",
    url: `http://localhost/demo/page-${i % 50}`,
    title: "Bench",
    vid: `bench${i}visitor`,
    pid: `page${i}`,
    ...extra,
  });

async function load(url) {
  let i = 0;
  const result = await autocannon({
    url: url + "/collect",
    method: "POST",
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        setupRequest: (req) => {
          i++;
          return {
            ...req,
            body: pageview(i, { site: LOAD_SITES[i % LOAD_SITES.length] }),
            headers: { "Content-Type": "text/plain;charset=UTF-8", "User-Agent": CHROME, "X-Sillage-Client-IP": ipFor(i) },
          };
        },
      },
    ],
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, bad };
}

/** Runs the load against a bare worker; `extra` are more wrangler dev arguments. */
async function loadBare(extra = []) {
  const bare = await spawnWranglerDev({ args: ["-c", path.join(here, "bare-wrangler.toml"), ...QUIET, ...extra] });
  try {
    return await load(bare.url);
  } finally {
    await bare.stop();
  }
}

/**
 * The repository's wrangler.toml without its queue consumers, in a temporary file: the worker answers and
 * enqueues as usual, nothing consumes. That is the edge path alone, as in production where consumers run
 * on other machines; locally they share workerd's thread with the fetch handler.
 */
function edgeOnlyConfig() {
  const lines = readFileSync(path.join(root, "wrangler.toml"), "utf8").split("\n");
  let inConsumer = false;
  const kept = lines.filter((line) => {
    if (/^\s*\[/.test(line)) inConsumer = line.trim() === "[[queues.consumers]]";
    return !inConsumer;
  });
  // Relative paths would now resolve from the temporary directory.
  const toml = kept.join("\n").replace(/^(main|migrations_dir) = "(.*)"$/gm, (_, key, p) => `${key} = ${JSON.stringify(path.join(root, p))}`);
  const dir = mkdtempSync(path.join(tmpdir(), "sillage-bench-"));
  writeFileSync(path.join(dir, "wrangler.toml"), toml);
  return dir;
}

/** Load on the real worker; also reports how many hits were stored by the time the load stopped. */
async function loadReal(options = {}) {
  const real = await startDevServer({ args: QUIET, ...options });
  try {
    await seedLoadSites(real);
    const result = await load(real.url);
    const [{ n, dropped }] = await real.d1("SELECT (SELECT count(*) FROM hits) AS n, (SELECT coalesce(sum(count), 0) FROM drop_counters) AS dropped");
    return { ...result, storedDuringRun: n, droppedDuringRun: dropped };
  } finally {
    await real.stop();
  }
}

async function throughput() {
  const realRun = await loadReal();
  const edgeDir = edgeOnlyConfig();
  let edgeRun;
  try {
    edgeRun = await loadReal({ config: path.join(edgeDir, "wrangler.toml") });
  } finally {
    rmSync(edgeDir, { recursive: true, force: true });
  }
  const bareRun = await loadBare();

  const row = (name, r) =>
    `${name.padEnd(15)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests, ${r.bad} errors/non-2xx)`;
  const verdict = (r) => `${r.toFixed(2)} (target ≥ ${TARGET_RATIO}: ${r >= TARGET_RATIO ? "ok" : "BELOW TARGET"})`;
  const ratio = realRun.rps / bareRun.rps;
  const edgeRatio = edgeRun.rps / bareRun.rps;
  console.log(`\nPOST /collect, ${CONNECTIONS} connections, ${DURATION_S} s each`);
  console.log(row("one thread", realRun));
  console.log(row("edge", edgeRun));
  console.log(row("bare 204", bareRun));
  console.log(
    `one thread: the consumers had stored ${realRun.storedDuringRun} hits and counted ${realRun.droppedDuringRun} drops when the load stopped (${realRun.total} responses counted)`,
  );
  console.log(`ratio edge / bare ${verdict(edgeRatio)}: /collect as a browser gets it`);
  console.log(`ratio everything in one thread / bare ${ratio.toFixed(2)}: collector, ingestion and enrichment sharing workerd's single thread (local only)`);
  return { real: realRun, edgeOnly: edgeRun, bare: bareRun, ratio, edgeRatio };
}

/** The loss-check mix: how many requests of each kind, and what the pipeline must make of them. */
function lossMix() {
  const kinds = [
    { expect: "stored", count: 1300, body: (i) => pageview(i) },
    { expect: "malformed_json", count: 100, body: () => '{"site":"demo-site-key",' },
    { expect: "invalid_payload", count: 100, body: () => JSON.stringify({ site: SITE, type: "teleport", url: "http://localhost/" }) },
    { expect: "unknown_site", count: 100, body: (i) => pageview(i, { site: "no-such-site" }) },
    { expect: "bot", count: 100, body: (i) => pageview(i), ua: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" },
    { expect: "headless", count: 100, body: (i) => pageview(i), ua: CHROME.replace("Chrome/", "HeadlessChrome/") },
    { expect: "url_too_long", count: 100, body: (i) => pageview(i, { url: "http://localhost/" + "a".repeat(2100) }) },
    { expect: "body_too_large", count: 100, body: (i) => pageview(i, { title: "x".repeat(9000) }) },
  ];
  const requests = kinds.flatMap((k) => Array.from({ length: k.count }, () => k));
  if (requests.length !== LOSS_N) throw new Error(`the mix has ${requests.length} requests, not ${LOSS_N}`);
  // Interleaved, as real traffic would be.
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }
  return { kinds, requests };
}

/**
 * One POST on its own connection: a reused keep-alive connection that the server closes at the same moment
 * would fail the request without telling whether it arrived, and the loss check must know. Resolves with
 * the status and body.
 */
function post(url, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent: false, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Sums the consumer's per-step timings from the worker's log lines, as they come. */
function stepTimings() {
  const totals = {};
  let requests = 0;
  let pending = "";
  return {
    onOutput(chunk) {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const at = line.indexOf('{"msg":"ingest.steps"');
        if (at < 0) continue;
        const { hits, ms } = JSON.parse(line.slice(at));
        requests += hits;
        for (const [step, t] of Object.entries(ms)) totals[step] = (totals[step] ?? 0) + t;
      }
    },
    print() {
      const all = Object.values(totals).reduce((a, b) => a + b, 0);
      console.log(`\nIngestion pipeline, time per step over ${requests} requests in queue batches (local workerd, ms per 100 requests):`);
      for (const [step, t] of Object.entries(totals))
        console.log(`  ${step.padEnd(13)} ${((t / requests) * 100).toFixed(2).padStart(8)} ms   ${((t / all) * 100).toFixed(1).padStart(5)} %`);
      console.log(`  ${"all".padEnd(13)} ${((all / requests) * 100).toFixed(2).padStart(8)} ms`);
      return { requests, totals };
    },
  };
}

async function lossCheck() {
  const steps = stepTimings();
  // Log level "log" so that the consumer's step timings reach us (this run measures correctness, not speed).
  const server = await startDevServer({ args: ["--log-level", "log"], onOutput: steps.onOutput });
  try {
    const { kinds, requests } = lossMix();
    let next = 0;
    const other = {}; // status → { n, sample body }, for answers other than 204
    let failed = 0;
    const worker = async () => {
      while (next < requests.length) {
        const i = next++;
        const k = requests[i];
        const headers = { "Content-Type": "text/plain;charset=UTF-8", "User-Agent": k.ua ?? CHROME, "X-Sillage-Client-IP": ipFor(i) };
        try {
          const { status, text } = await post(server.url + "/collect", k.body(i), headers);
          if (status !== 204) (other[status] ??= { n: 0, text }).n++;
        } catch {
          failed++;
        }
      }
    };
    const sentAt = Date.now();
    await Promise.all(Array.from({ length: 16 }, worker));
    const others =
      Object.entries(other)
        .map(([status, o]) => `${o.n} × HTTP ${status} (${JSON.stringify(o.text.slice(0, 120))})`)
        .join(", ") || "none";
    console.log(`\nLoss check: ${LOSS_N} requests sent in ${Date.now() - sentAt} ms; answers other than 204: ${others}; ${failed} failed`);

    // The queue consumer runs after the 204s: wait until every request is accounted for. A message whose
    // storage failed comes back after a backoff (2 s, 4 s, … 64 s), so only 3 minutes without progress
    // mean something is lost. Reads are spaced out: each one briefly locks the worker's SQLite file.
    const count = async () => {
      const [row] = await server.d1("SELECT (SELECT count(*) FROM hits) AS stored, (SELECT coalesce(sum(count), 0) FROM drop_counters) AS dropped");
      return row.stored + row.dropped;
    };
    let seen = -1;
    let stillSince = Date.now();
    for (let total = await count(); total < LOSS_N && Date.now() - stillSince < 180_000; total = await count()) {
      if (total !== seen) [seen, stillSince] = [total, Date.now()];
      await new Promise((r) => setTimeout(r, 3_000));
    }
    console.log(`queue drained ${((Date.now() - sentAt) / 1000).toFixed(1)} s after the first request`);

    const [{ stored }] = await server.d1("SELECT count(*) AS stored FROM hits");
    const drops = Object.fromEntries((await server.d1("SELECT reason, sum(count) AS n FROM drop_counters GROUP BY reason")).map((r) => [r.reason, r.n]));
    const actual = { stored, ...drops };
    let ok = true;
    for (const reason of new Set([...kinds.map((k) => k.expect), ...Object.keys(drops)])) {
      const want = kinds.find((k) => k.expect === reason)?.count ?? 0;
      const got = actual[reason] ?? 0;
      ok &&= want === got;
      console.log(`  ${reason.padEnd(16)} expected ${String(want).padStart(5)}   got ${String(got).padStart(5)}${want === got ? "" : "   MISMATCH"}`);
    }
    const accounted = Object.values(actual).reduce((a, b) => a + b, 0);
    ok &&= accounted === LOSS_N && failed === 0;
    console.log(`stored + dropped = ${accounted} of ${LOSS_N}: ${ok ? "nothing lost" : "LOSS OR MISCLASSIFICATION"}`);
    return { ok, actual, steps: steps.print() };
  } finally {
    await server.stop();
  }
}

export async function run() {
  const result = { throughput: await throughput(), loss: await lossCheck() };
  if (!result.loss.ok) process.exitCode = 1;
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
