#!/usr/bin/env node
// `npm run deploy`: puts Sillage on your Cloudflare account. Needs `npx wrangler login` (or CLOUDFLARE_API_TOKEN).
// Idempotent: creates the D1 database and the queues only when missing, applies pending migrations remotely,
// then deploys the worker.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const wrangler = path.join("node_modules", ".bin", "wrangler");
const PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

function sh(args, { capture = false, allowFail = false } = {}) {
  console.log(`$ wrangler ${args.join(" ")}`);
  const res = spawnSync(wrangler, args, { stdio: capture ? ["inherit", "pipe", "inherit"] : "inherit", encoding: "utf8" });
  if (res.status !== 0 && !allowFail) {
    console.error(`✖ wrangler ${args[0]} failed — see above. Are you logged in? Try: npx wrangler login`);
    process.exit(res.status ?? 1);
  }
  return res.stdout ?? "";
}

sh(["whoami"]);

// 1. D1 database: reuse it if it exists, otherwise create it; write its id into wrangler.toml.
const toml = readFileSync("wrangler.toml", "utf8");
if (toml.includes(PLACEHOLDER)) {
  const list = JSON.parse(sh(["d1", "list", "--json"], { capture: true }) || "[]");
  let db = list.find((d) => d.name === "sillage");
  if (!db) {
    sh(["d1", "create", "sillage"]);
    db = JSON.parse(sh(["d1", "list", "--json"], { capture: true })).find((d) => d.name === "sillage");
  }
  writeFileSync("wrangler.toml", toml.replace(PLACEHOLDER, db.uuid));
  console.log(`wrangler.toml now points at D1 database ${db.uuid} (commit this change).`);
}

// 2. Queues (an existing queue makes `create` fail harmlessly).
for (const q of [
  "sillage-hits",
  "sillage-hits-dlq",
  "sillage-enrich",
  "sillage-enrich-dlq",
  "sillage-webhooks",
  "sillage-webhooks-dlq",
  "sillage-crm",
  "sillage-crm-dlq",
])
  sh(["queues", "create", q], { allowFail: true });

// 3. Schema, tracker, worker.
sh(["d1", "migrations", "apply", "DB", "--remote"]);
const build = spawnSync("node", ["worker/scripts/build-tracker.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(1);
sh(["deploy"]);
console.log("\n✔ Deployed. Create your workspace, site and API key with: npm run admin -- --remote …");
