// Builds the web console (worker/console/, React + Vite) and packs it into worker/src/generated/console.ts,
// which the worker serves under /app/. Run by build-tracker.mjs, so `npm test`, `npm start` and `npm run deploy`
// all build it.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { filesUnder, packStatic } from "./pack-static.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CONSOLE_DIR = path.join(root, "worker/console");
export const CONSOLE_MODULE = path.join(root, "worker/src/generated/console.ts");
/** What the console's build reads besides its own folder: a change there needs a rebuild too. */
const SHARED_SOURCES = ["shared/src/api-client.ts", "shared/src/console-api.ts", "shared/src/api/leads.ts"].map((f) => path.join(root, f));

/** Console sources (for freshness checks). */
export const consoleSources = () => [...filesUnder(CONSOLE_DIR).map(([, abs]) => abs), ...SHARED_SOURCES];

/** Gzipped size of each built JS and CSS file: the console's weight on a first visit. */
export function measure(dir) {
  return filesUnder(dir)
    .filter(([rel]) => /\.(js|css)$/.test(rel))
    .map(([rel, abs]) => ({ file: rel, raw: statSync(abs).size, gzip: gzipSync(readFileSync(abs), { level: 9 }).length }));
}

export async function buildConsole() {
  const { build } = await import("vite");
  const outDir = mkdtempSync(path.join(tmpdir(), "sillage-console-"));
  try {
    await build({ configFile: path.join(CONSOLE_DIR, "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const n = packStatic({
      dir: outDir,
      urlPrefix: "/app/",
      module: CONSOLE_MODULE,
      exportName: "CONSOLE_FILES",
      generatedBy: "worker/scripts/build-console.mjs from worker/console/",
    });
    const sizes = measure(outDir);
    const js = sizes.filter((s) => s.file.endsWith(".js")).reduce((t, s) => t + s.gzip, 0);
    const css = sizes.filter((s) => s.file.endsWith(".css")).reduce((t, s) => t + s.gzip, 0);
    console.log(`console: ${n} files, JS ${(js / 1024).toFixed(1)} KiB gzip, CSS ${(css / 1024).toFixed(1)} KiB gzip`);
    return { files: n, jsGzip: js, cssGzip: css };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await buildConsole();
