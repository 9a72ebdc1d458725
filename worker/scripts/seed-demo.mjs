// Seeds the demo workspace into the LOCAL D1 (the one `wrangler dev` uses): workspace ws_demo, site
// site_demo (public key demo-site-key, the key of the demo site's snippet) and an admin API key.
// Idempotent: run it as often as you like.
//
//   node worker/scripts/seed-demo.mjs [--persist-to DIR]
//   SILLAGE_DEMO_KEY=slg_… node worker/scripts/seed-demo.mjs   # use a key you already know
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wrangler = path.join(root, "node_modules/.bin/wrangler");

export const DEMO_WORKSPACE_ID = "ws_demo";
export const DEMO_SITE_ID = "site_demo";
export const DEMO_SITE_KEY = "demo-site-key";
const API_KEY_PATTERN = /^slg_[0-9a-f]{40}$/;

/** SQL string literal. The values here are our own constants and hex digests, but quoting stays correct. */
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

/**
 * Runs SQL against the local D1 through the real `wrangler d1 execute` and returns the rows of the last
 * statement. Shared with test/support/dev-server.mjs so there is one way of reaching the local database.
 */
export async function d1Execute(sql, { persistTo } = {}) {
  const args = ["d1", "execute", "DB", "--local", "--json", "--command", sql];
  // wrangler runs from the repository root: a relative directory is the caller's.
  if (persistTo) args.push("--persist-to", path.resolve(persistTo));
  for (let attempt = 1; ; attempt++) {
    try {
      const { stdout } = await promisify(execFile)(wrangler, args, {
        cwd: root,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
        maxBuffer: 64 * 1024 * 1024,
      });
      return JSON.parse(stdout).at(-1)?.results ?? [];
    } catch (err) {
      // A running `wrangler dev` writing to the same SQLite file can hold its lock for a moment.
      const busy = /SQLITE_BUSY|database is locked/.test(`${err.stderr}${err.stdout}`);
      if (!busy || attempt === 10) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

const sha256Hex = (text) => createHash("sha256").update(text).digest("hex");

/** INSERT of an admin key of the demo workspace; a key that is already there is left alone. */
function insertKeySql(key, now) {
  const hash = sha256Hex(key);
  return `INSERT INTO api_keys (id, workspace_id, name, role, prefix, hash, created_at)
    VALUES (${q("key_" + hash.slice(0, 16))}, ${q(DEMO_WORKSPACE_ID)}, 'Démo (admin)', 'admin', ${q(key.slice(0, 12))}, ${q(hash)}, ${now})
    ON CONFLICT DO NOTHING;`;
}

/**
 * Creates or updates the demo workspace and site, and makes sure an admin key exists.
 * Returns the admin key when it is known (given, or generated now), null when an earlier key was kept.
 */
export async function seedDemo({ persistTo, apiKey = process.env.SILLAGE_DEMO_KEY } = {}) {
  if (apiKey && !API_KEY_PATTERN.test(apiKey)) throw new Error("the demo API key must look like slg_ followed by 40 lowercase hex characters");
  const now = Date.now();
  let sql = `
    INSERT INTO workspaces (id, name, created_at) VALUES (${q(DEMO_WORKSPACE_ID)}, 'Démo Sillage', ${now})
      ON CONFLICT(id) DO UPDATE SET name = excluded.name;
    INSERT INTO sites (id, workspace_id, name, public_key, allowed_hostnames, created_at)
      VALUES (${q(DEMO_SITE_ID)}, ${q(DEMO_WORKSPACE_ID)}, 'Site de démonstration', ${q(DEMO_SITE_KEY)}, '["127.0.0.1","localhost"]', ${now})
      ON CONFLICT(id) DO UPDATE SET workspace_id = excluded.workspace_id, public_key = excluded.public_key,
        allowed_hostnames = excluded.allowed_hostnames;`;
  if (apiKey) {
    await d1Execute(sql + insertKeySql(apiKey, now), { persistTo });
    return apiKey;
  }
  sql += `SELECT count(*) AS n FROM api_keys WHERE workspace_id = ${q(DEMO_WORKSPACE_ID)} AND role = 'admin' AND revoked_at IS NULL;`;
  const [{ n }] = await d1Execute(sql, { persistTo });
  // Only a hash is stored, so an existing key cannot be shown again: keep it rather than pile up new ones.
  if (n > 0) return null;
  const key = "slg_" + randomBytes(20).toString("hex");
  await d1Execute(insertKeySql(key, now), { persistTo });
  return key;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf("--persist-to");
  const persistTo = at > 0 ? process.argv[at + 1] : undefined;
  const given = process.env.SILLAGE_DEMO_KEY;
  const key = await seedDemo({ persistTo });
  console.log(`Demo workspace ${DEMO_WORKSPACE_ID}, site ${DEMO_SITE_ID} (snippet key ${DEMO_SITE_KEY}) are in place.`);
  if (key && !given) console.log(`New admin API key (shown once, store it):\n  ${key}`);
  else if (key) console.log("Admin API key from SILLAGE_DEMO_KEY is registered.");
  else console.log("The demo workspace already has an admin API key. To use a key you know, run again with SILLAGE_DEMO_KEY=slg_… set.");
}
