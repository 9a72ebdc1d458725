import { defineConfig } from "vitest/config";

// Pure TypeScript (shared/, extension extractors, scripts): runs in Node. Worker code runs in workerd:
// see worker/vitest.config.ts.
export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "extension/**/*.test.ts",
      "extension/**/*.test.tsx",
      "worker/scripts/**/*.test.ts",
      "scripts/**/*.test.ts",
      "worker/console/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/.wxt/**", "**/.output/**"],
  },
});
