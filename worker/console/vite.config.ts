import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The console is served by the worker under /app/ (worker/scripts/build-console.mjs packs this build).
// No inline script or style may come out of it: /app/ has a strict CSP.
export default defineConfig({
  root: path.dirname(fileURLToPath(import.meta.url)),
  base: "/app/",
  plugins: [react()],
  build: {
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      // zod's sources carry esbuild-style annotations Rollup cannot place; it drops them, harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== "INVALID_ANNOTATION") warn(warning);
      },
    },
  },
});
