// Packs the demo marketing site (worker/public/demo/) into worker/src/generated/demo-site.ts, which the worker
// serves under /demo/. Served by the worker itself rather than as static assets: locally, the assets router
// sits in front of every request, including the collector's, and costs it a third of its throughput.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { filesUnder, packStatic } from "./pack-static.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_DIR = path.join(root, "worker/public/demo");
export const DEMO_MODULE = path.join(root, "worker/src/generated/demo-site.ts");

/** Every file under the demo folder, as [path relative to it, absolute path]. */
export const demoFiles = () => filesUnder(DEMO_DIR);

export function buildDemoSite() {
  const n = packStatic({
    dir: DEMO_DIR,
    urlPrefix: "/demo/",
    module: DEMO_MODULE,
    exportName: "DEMO_FILES",
    generatedBy: "worker/scripts/build-demo-site.mjs from worker/public/demo/",
  });
  console.log(`demo site: ${n} files`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) buildDemoSite();
