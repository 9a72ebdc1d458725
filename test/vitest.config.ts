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
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
