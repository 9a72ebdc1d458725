import { defineConfig } from "wxt";
import { OVERLAID_SITES } from "./src/sites";

const PREACT_FOR_REACT = [
  { find: /^react$/, replacement: "preact/compat" },
  { find: /^react-dom$/, replacement: "preact/compat" },
  { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
  { find: /^react\/jsx-runtime$/, replacement: "preact/jsx-runtime" },
  { find: /^react\/jsx-dev-runtime$/, replacement: "preact/jsx-dev-runtime" },
];

export default defineConfig({
  modules: ["@wxt-dev/module-react"],
  // A build started from a test runner inherits NODE_ENV=test: WXT keeps it, Vite then compiles JSX to
  // `jsxDEV` calls while WXT's content-script builds bundle React's production runtime, where `jsxDEV` does
  // not exist — the overlay crashed on mount. A production build is made production whatever the caller's env.
  vite: (env) => ({
    // The components are written against React's API and unit-tested with React; the built extension runs them
    // on Preact's compatibility layer: the lead panel is a page of its own, loaded in its frame on every page
    // load, and carries a quarter of the script (64 KB instead of 263 KB).
    resolve: { alias: PREACT_FOR_REACT },
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
    // No host permission on the overlaid sites: the content scripts are declared for them (which is what the
    // browser asks at install), and nothing else touches those sites.
    permissions: ["storage", "activeTab"],
    // The Sillage API's address is the user's choice (a local worker, their own workers.dev): the options
    // page asks for exactly that origin when saving, so installing asks for nothing more than the sites above.
    optional_host_permissions: ["https://*/*", "http://127.0.0.1/*", "http://localhost/*"],
    action: { default_title: "Sillage" },
    // The lead panel is an extension page shown in an iframe on the overlaid sites only, under a per-session
    // URL (a page cannot probe for it to learn the extension is installed).
    web_accessible_resources: [{ resources: ["panel.html"], matches: OVERLAID_SITES, use_dynamic_url: true }],
  },
});
