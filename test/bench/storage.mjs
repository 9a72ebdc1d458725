// Bytes each stored hit takes in D1, measured rather than assumed: the figure behind the daily storage quota and
// the capacity arithmetic of the README. The real worker under `wrangler dev` stores and enriches a realistic mix
// of hits (page views with campaign links, time-on-page beacons, events with properties); the database's size
// (D1's own `size_after`, read through Miniflare on the same local files) is taken before and after.
// Also prints what the collector's estimate (worker/src/ingest/steps/quota.ts) counted for the same hits, and the
// largest hit the limits let through.
//
//   node test/bench/storage.mjs          (or `npm run bench`)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Miniflare } from "miniflare";
import { startDevServer } from "../support/dev-server.mjs";

const N = Number(process.env.BENCH_STORAGE_HITS ?? 3000);
const SITE = "demo-site-key";
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
// wrangler.toml's local database id: Miniflare opens the file `wrangler dev` wrote.
const DATABASE_ID = "00000000-0000-0000-0000-000000000000";

/** The database's size in bytes, as D1 reports it. */
async function databaseBytes(persistTo) {
  const mf = new Miniflare({
    modules: true,
    script: "export default { fetch: () => new Response('') }",
    d1Databases: { DB: DATABASE_ID },
    d1Persist: path.join(persistTo, "v3", "d1"),
  });
  try {
    const db = await mf.getD1Database("DB");
    const r = await db.prepare("SELECT 1").run();
    return r.meta.size_after;
  } finally {
    await mf.dispose();
  }
}

const PAGES = ["/", "/solutions/gestion-de-production", "/tarifs", "/blog/industrie-4-0-par-ou-commencer", "/etudes-de-cas/fonderie-du-centre", "/contact"];
const TITLES = ["Exemple Industrie — Logiciel de gestion de production", "Tarifs | Exemple Industrie", "Industrie 4.0 : par où commencer ? | Blog"];

/** A realistic mix: 60 % page views (a third with campaign parameters), 30 % time on page, 10 % events. */
function body(i) {
  const vid = `bench${Math.floor(i / 6)}visitor`;
  const page = PAGES[i % PAGES.length];
  const campaign = i % 3 === 0 ? "?utm_source=linkedin&utm_medium=social&utm_campaign=automne-2026" : "";
  const url = `http://localhost${page}${campaign}`;
  const kind = i % 10;
  if (kind < 6)
    return { site: SITE, type: "pageview", url, title: TITLES[i % TITLES.length], ref: i % 2 ? "https://www.google.com/" : undefined, vid, pid: `pv${i}x` };
  if (kind < 9) return { site: SITE, type: "engagement", url, vid, pid: `pv${i - 6}x`, ms: 12_000 + i };
  return { site: SITE, type: "event", name: "download", url, vid, props: { asset: "livre-blanc-industrie", format: "pdf" } };
}

async function send(url, b, i) {
  const res = await fetch(url + "/collect", {
    method: "POST",
    body: JSON.stringify(b),
    headers: { "Content-Type": "text/plain", "User-Agent": CHROME, "X-Sillage-Client-IP": `90.${(i >> 8) & 255}.${i & 255}.7` },
  });
  await res.arrayBuffer();
}

async function settled(server, want) {
  for (let still = 0; still < 120; still++) {
    const [row] = await server.d1("SELECT (SELECT count(*) FROM hits) AS n, (SELECT count(*) FROM hits WHERE enrichment_status = 'pending') AS pending");
    if (row.n >= want && row.pending === 0) return row.n;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error("hits were not stored and enriched in time");
}

export async function run() {
  const persistTo = mkdtempSync(path.join(tmpdir(), "sillage-storage-"));
  try {
    let server = await startDevServer({ persistTo, args: ["--log-level", "warn"] });
    let before, after, stored, estimated;
    try {
      await server.stop();
      before = await databaseBytes(persistTo);
      server = await startDevServer({ persistTo, args: ["--log-level", "warn"] });
      for (let i = 0; i < N; i += 16) await Promise.all(Array.from({ length: Math.min(16, N - i) }, (_, k) => send(server.url, body(i + k), i + k)));
      stored = await settled(server, N);
      [{ estimated }] = await server.d1("SELECT coalesce(sum(bytes), 0) AS estimated FROM site_usage");
    } finally {
      await server.stop();
    }
    after = await databaseBytes(persistTo);
    const perHit = (after - before) / stored;
    const estimatePerHit = estimated / stored;
    console.log(`\nD1 storage: ${stored} hits (60 % page views, 30 % time on page, 10 % events), stored and enriched`);
    console.log(`  database grew ${((after - before) / 1e6).toFixed(2)} MB: ${perHit.toFixed(0)} bytes per hit, indexes, sessions and visitors included`);
    console.log(`  the collector's estimate (site quota) counted ${estimatePerHit.toFixed(0)} bytes per hit`);
    console.log(
      `  1 GB holds ${Math.round(1e9 / perHit).toLocaleString("en")} such hits; one 10 GB database ${Math.round(1e10 / perHit).toLocaleString("en")}`,
    );
    console.log(`  kept 395 days, one database sustains ${Math.round(1e10 / perHit / 395).toLocaleString("en")} hits a day in all`);
    return { stored, perHit, estimatePerHit };
  } finally {
    rmSync(persistTo, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
