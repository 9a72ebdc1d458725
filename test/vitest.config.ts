import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// End-to-end tests: real `wrangler dev` and real Chromium, driven from Node. Slow, so long timeouts, and one
// file at a time (each file starts its own worker; two cores are not enough for several at once).
export default defineConfig({
  test: {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    // One retry, reported as such by the reporter: a browser test that failed once in ~6 full runs of
    // extension.test.ts (the no-lead page's panel, never reproduced alone) must not sink a run; a real
    // regression fails both tries.
    retry: 1,
    // What the user sees comes from a real worker and a real browser on two shared cores: a search or an action
    // answered in 1.5 s is still right. Vitest's default poll (1 s) made such waits fail under load; a state
    // that never comes still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
