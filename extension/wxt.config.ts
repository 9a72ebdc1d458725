import { defineConfig } from "wxt";

/** The sites the overlay reads; the content scripts' `matches` are the same list. */
const OVERLAID_SITES = [
  "https://www.linkedin.com/*",
  "https://app.hubspot.com/*",
  "https://app-eu1.hubspot.com/*",
  "https://*.lightning.force.com/*",
  "https://*.pipedrive.com/*",
];

export default defineConfig({
  modules: ["@wxt-dev/module-react"],
  // A build started from a test runner inherits NODE_ENV=test: WXT keeps it, Vite then compiles JSX to
  // `jsxDEV` calls while WXT's content-script builds bundle React's production runtime, where `jsxDEV` does
  // not exist — the overlay crashed on mount. A production build is made production whatever the caller's env.
  vite: (env) => ({
    ...(env.mode === "production" ? { esbuild: { jsxDev: false }, define: { "process.env.NODE_ENV": JSON.stringify("production") } } : {}),
    build: {
      rollupOptions: {
        // zod's sources carry /* @__PURE__ */ comments in places Rollup cannot use; it says so for every build.
        // Harmless (the comment is dropped), and a newcomer's first `npm start` should not look broken.
        onwarn(warning, warn) {
          if (warning.code === "INVALID_ANNOTATION" && /node_modules[\\/]zod[\\/]/.test(warning.id ?? "")) return;
          warn(warning);
        },
      },
    },
  }),
  manifest: {
    name: "Sillage",
    description: "Sillage : score, statut MQL et firmographie des entreprises qui visitent votre site, sur LinkedIn et dans votre CRM.",
    // storage: settings and the look-up cache. activeTab: the popup shows the lead of the site in the current
    // tab when the user clicks the toolbar button — access to that one tab, on that click, instead of a
    // standing permission on every site ("tabs" or <all_urls> would read the whole browsing history).
    permissions: ["storage", "activeTab"],
    host_permissions: OVERLAID_SITES,
    // The Sillage API's address is the user's choice (a local worker, their own workers.dev): the options
    // page asks for exactly that origin when saving, so installing asks for nothing more than the sites above.
    optional_host_permissions: ["https://*/*", "http://127.0.0.1/*", "http://localhost/*"],
    action: { default_title: "Sillage" },
  },
});
