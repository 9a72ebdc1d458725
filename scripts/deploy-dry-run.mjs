#!/usr/bin/env node
// Proves the production bundle builds (no account needed) and reports its size.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";

const out = path.join(".wrangler", "dry-run");
rmSync(out, { recursive: true, force: true });
const res = spawnSync(path.join("node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", out], {
  stdio: "inherit",
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});
if (res.status !== 0) process.exit(res.status ?? 1);
let raw = 0;
let gz = 0;
for (const f of readdirSync(out)) {
  const p = path.join(out, f);
  if (!statSync(p).isFile() || f.endsWith(".map")) continue;
  const buf = readFileSync(p);
  raw += buf.length;
  gz += gzipSync(buf).length;
}
console.log(`worker bundle: ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip (Workers free plan limit: 3 MiB gzip)`);
