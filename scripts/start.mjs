#!/usr/bin/env node
// `npm start`: the whole product on this machine, offline. Idempotent: run it as often as you like.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startDevServer } from "../test/support/dev-server.mjs";
import { demoKeyFile, NEW_KEY_COMMAND } from "../worker/scripts/seed-demo.mjs";
import { configuredCrons, startCronDriver } from "./cron-driver.mjs";
import { DEMO_VISITS, sendDemoVisits } from "./demo-visits.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const persistTo = path.join(root, ".wrangler", "state");
const PORT = Number(process.env.PORT ?? 8787);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const quietEnv = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: quietEnv });
  if (res.status !== 0) {
    console.error(`✖ ${title} failed (exit ${res.status}). See the messages above.`);
    process.exit(1);
  }
}

step("Local database: applying migrations", bin("wrangler"), ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
step("IP → network table (@ip-location-db/asn; first run only, ~500k ranges)", bin("tsx"), [
  "worker/scripts/import-ip-ranges.ts",
  "--persist-to",
  persistTo,
  "--if-empty",
]);
step("French company register sample (sirene-local provider; first run only)", bin("tsx"), [
  "worker/scripts/import-sirene.ts",
  "--persist-to",
  persistTo,
  "--if-empty",
]);
step("Tracker, demo site and console", process.execPath, ["worker/scripts/build-tracker.mjs"]);
step("Browser extension (WXT build)", "npm", ["run", "build", "-w", "extension", "--silent"]);

console.log("\n▶ Starting the worker (wrangler dev)");
const vars = process.env.RECHERCHE_ENTREPRISES_URL ? { RECHERCHE_ENTREPRISES_URL: process.env.RECHERCHE_ENTREPRISES_URL } : {};
const server = await startDevServer({ port: PORT, persistTo, vars });
// wrangler dev never fires Cron Triggers: run the scheduled handler now (hits left pending by an earlier run
// are re-queued at once) and then on wrangler.toml's schedule, as Cloudflare would.
const crons = configuredCrons(path.join(root, "wrangler.toml"));
const cron = startCronDriver({
  baseUrl: server.url,
  crons,
  onError: (expr, err) => console.error(`  cron ${expr} failed: ${err instanceof Error ? err.message : err}`),
});
let stopping = false;
const stop = async () => {
  stopping = true;
  cron.stop();
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// wrangler stopped from outside (or crashed): nothing is left to serve, so npm start ends too.
server.exited.then((code) => {
  if (stopping) return;
  cron.stop();
  console.log(`\nwrangler dev ended (${code}); npm start stops.`);
  process.exit(code === 0 ? 0 : 1);
});

const [{ n: leads }] = await server.d1("SELECT count(*) AS n FROM leads WHERE workspace_id = 'ws_demo'");
if (leads === 0) {
  console.log("\n▶ Simulating visits from real networks");
  const sent = await sendDemoVisits(server.url);
  for (const v of DEMO_VISITS) console.log(`  · ${v.who} (${v.ip})`);
  // The queue consumers identify, enrich and score asynchronously.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [{ n }] = await server.d1("SELECT count(*) AS n FROM hits WHERE site_id = 'site_demo' AND enrichment_status = 'pending'");
    if (n === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`  ${sent} hits collected.`);
}

const rows = await server.d1("SELECT name, siren, status, score FROM leads WHERE workspace_id = 'ws_demo' ORDER BY score DESC");
await cron.firstRuns;
const key = process.env.SILLAGE_DEMO_KEY || server.apiKey;
console.log(`
✔ Sillage is running on ${server.url}

  Console (sign in with the key below):   ${server.url}/app/
  Demo website (with the real snippet):  ${server.url}/demo/
  API description:                        ${server.url}/api/v1/openapi.json
  Demo admin API key:                     ${key ?? `(made outside npm start, cannot be shown again) — a new one: ${NEW_KEY_COMMAND}`}
${key && !process.env.SILLAGE_DEMO_KEY ? `    (kept in ${path.relative(root, demoKeyFile(persistTo))}, readable by you only)\n` : ""}    curl -H "Authorization: Bearer ${key ?? "$KEY"}" ${server.url}/api/v1/leads
  Extension: chrome://extensions → Developer mode → Load unpacked → ${path.join(root, "extension/.output/chrome-mv3")}
    then its options: API ${server.url} and the key above.

  Leads in the demo workspace:
${rows.map((r) => `    ${String(r.score).padStart(5)}  ${r.status.padEnd(10)} ${r.name}${r.siren ? ` (SIREN ${r.siren})` : ""}`).join("\n") || "    (none yet)"}

  Scheduled jobs (wrangler.toml crons ${crons.map((c) => `"${c}"`).join(", ")}): run at start-up and then on schedule by
    npm start itself, since wrangler dev does not — SLA flags, decay recheck, retention purge, re-queueing.
  Identify an address yourself:  npm run identify -- 81.252.173.10
  Stop with Ctrl-C. Data stays in .wrangler/state (delete it to start afresh).
`);
