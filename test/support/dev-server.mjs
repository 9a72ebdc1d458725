// Runs the real worker under `wrangler dev` (workerd, local D1 and Queues) for end-to-end tests and
// benchmarks. Plain JS so that both vitest (TypeScript, via dev-server.d.mts) and `node test/bench/*.mjs`
// use this one implementation.
import { spawn, execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { d1Execute, seedDemo } from "../../worker/scripts/seed-demo.mjs";
import { DEMO_MODULE, demoFiles } from "../../worker/scripts/build-demo-site.mjs";
import { CONSOLE_MODULE, consoleSources } from "../../worker/scripts/build-console.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wrangler = path.join(root, "node_modules/.bin/wrangler");
const run = promisify(execFile);

// No telemetry and no fetch of request.cf data from Cloudflare: the tests run offline.
const WRANGLER_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

/** A TCP port that is free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `wrangler dev` with the given extra arguments in its own process group and resolves once
 * `readyPath` answers. `stop()` ends the whole group, so workerd (wrangler's child) goes with it.
 */
export async function spawnWranglerDev(options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(options);
    } catch (err) {
      // A port found free can be taken by another process before workerd binds it: try again on new ports.
      if (!(err instanceof EarlyExit) || options.port || attempt === 3) throw err;
    }
  }
}

class EarlyExit extends Error {}

async function spawnOnce({ args = [], port, readyPath = "/", timeoutMs = 90_000, onOutput }) {
  port ??= await freePort();
  // Each instance needs its own inspector port: the default 9229 may belong to another running wrangler.
  const inspectorPort = await freePort();
  const child = spawn(
    wrangler,
    ["dev", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspectorPort), "--show-interactive-dev-session=false", ...args],
    { cwd: root, env: WRANGLER_ENV, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  // Keep the tail of the output for error messages; reading it also keeps the pipes from filling up.
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
    onOutput?.(String(chunk));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));

  let stopped = false;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {} // already gone
  };
  // Never leave workerd behind, even when the test process ends without calling stop().
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", onExit);
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    // wrangler may exit before workerd does; make sure nothing of the group survives.
    killGroup("SIGKILL");
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exitCode;
  exited.then((code) => (exitCode = code ?? "signal"));
  for (;;) {
    if (exitCode !== undefined) {
      await stop();
      throw new EarlyExit(`wrangler dev exited (${exitCode}) before it was ready:\n${output}`);
    }
    // wrangler keeps running after a failed build, waiting for a fix: waiting longer would not help.
    if (output.includes("Build failed")) {
      await stop();
      throw new Error(`the worker does not build:\n${output}`);
    }
    try {
      const res = await fetch(url + readyPath, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {} // not listening yet
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer ${readyPath} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, stop, output: () => output, exited };
}

/** Builds the tracker, the demo site and the console modules when missing or older than their sources. */
async function ensureTracker() {
  const fresh = (generated, sources) => existsSync(generated) && sources.every((s) => statSync(generated).mtimeMs >= statSync(s).mtimeMs);
  const tracker = fresh(path.join(root, "worker/src/generated/tracker.ts"), [path.join(root, "worker/tracker/tracker.ts")]);
  const demo = fresh(
    DEMO_MODULE,
    demoFiles().map(([, abs]) => abs),
  );
  const console_ = fresh(CONSOLE_MODULE, consoleSources());
  if (tracker && demo && console_) return;
  await run(process.execPath, [path.join(root, "worker/scripts/build-tracker.mjs")], { cwd: root });
}

/**
 * Bundles the worker once, exactly as `wrangler deploy` would. wrangler dev then serves this snapshot: it
 * would otherwise rebuild and reload on every edit under worker/src, which drops requests and the local
 * queue's pending messages in the middle of a test.
 */
async function bundleWorker() {
  const outdir = mkdtempSync(path.join(tmpdir(), "sillage-bundle-"));
  try {
    await run(wrangler, ["deploy", "--dry-run", "--outdir", outdir], { cwd: root, env: WRANGLER_ENV, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    rmSync(outdir, { recursive: true, force: true });
    throw new Error(`the worker does not build:\n${err.stdout}\n${err.stderr}`);
  }
  return outdir;
}

/**
 * The Sillage worker on a fresh (or given) local database with migrations applied and the demo workspace
 * seeded. It serves a bundle of the sources as they are now, unless `watch` asks wrangler dev to rebuild
 * and reload on every change (for working on the worker, not for tests). `config` is the wrangler
 * configuration to run it with (the repository's by default; migrations always come from the repository's).
 * `args` are extra `wrangler dev` arguments. `apiKey` is the demo workspace's admin key; `d1(sql)` returns the rows of the last statement.
 */
/** Encrypts CRM tokens at rest in local runs (npm start, e2e tests, benchmarks); never a production key. */
export const LOCAL_SECRETS_KEY = process.env.SILLAGE_SECRETS_KEY ?? "bG9jYWwtZGV2LWtleS1zaWxsYWdlLW5vdC1zZWNyZXQ=";

export async function startDevServer({ port, persistTo, vars = {}, args = [], watch = false, config = path.join(root, "wrangler.toml"), onOutput } = {}) {
  const ownDir = !persistTo;
  persistTo = ownDir ? mkdtempSync(path.join(tmpdir(), "sillage-dev-")) : path.resolve(persistTo);
  let bundle;
  const cleanUp = () => {
    if (ownDir) rmSync(persistTo, { recursive: true, force: true });
    if (bundle) rmSync(bundle, { recursive: true, force: true });
  };
  let server, apiKey;
  try {
    // Database and bundle are independent: prepare both at once, and let every step finish before cleaning up.
    const prepared = await Promise.allSettled([
      (async () => {
        await run(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { cwd: root, env: WRANGLER_ENV });
        apiKey = await seedDemo({ persistTo });
      })(),
      (async () => {
        await ensureTracker();
        if (!watch) bundle = await bundleWorker();
      })(),
    ]);
    const failure = prepared.find((p) => p.status === "rejected");
    if (failure) throw failure.reason;
    const worker = ["-c", config, ...(bundle ? [path.join(bundle, "index.js"), "--no-bundle"] : [])];
    // SILLAGE_SECRETS_KEY: a local-only key for CRM tokens (production sets its own with `wrangler secret put`).
    const varArgs = Object.entries({ SILLAGE_TRUST_CLIENT_IP: "1", SILLAGE_SECRETS_KEY: LOCAL_SECRETS_KEY, ...vars }).flatMap(([k, v]) => [
      "--var",
      `${k}:${v}`,
    ]);
    server = await spawnWranglerDev({ port, args: [...worker, "--persist-to", persistTo, ...varArgs, ...args], readyPath: "/t.js", onOutput });
  } catch (err) {
    cleanUp();
    throw err;
  }
  return {
    url: server.url,
    persistTo,
    apiKey,
    output: server.output,
    /** Resolves with wrangler's exit code (or "signal") when it ends, whoever ended it. */
    exited: server.exited,
    d1: (sql) => d1Execute(sql, { persistTo }),
    stop: async () => {
      await server.stop();
      cleanUp();
    },
  };
}
