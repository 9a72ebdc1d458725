import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";

const root = path.dirname(fileURLToPath(import.meta.url));

// Worker tests run inside workerd against local D1 and Queues, configured from the real wrangler.toml.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        main: path.join(root, "src/index.ts"),
        wrangler: { configPath: path.join(root, "../wrangler.toml") },
        miniflare: {
          compatibilityFlags: ["service_binding_extra_handlers", "nodejs_compat"],
          bindings: {
            TEST_MIGRATIONS: migrations,
            SILLAGE_TRUST_CLIENT_IP: "1",
            // Third-party APIs are local fakes serving recorded responses: no test touches the network.
            RECHERCHE_ENTREPRISES_URL: inject("rechercheEntreprisesUrl"),
            // Webhook retries at once instead of after 30 s, 2 min… (the schedule itself is tested with a fake clock).
            WEBHOOK_BACKOFF_SCALE: "0",
            // CRMs: local fakes (test/fakes/hubspot.ts, pipedrive.ts); their Retry-After waits shortened 100×; a test-only key.
            HUBSPOT_API_URL: inject("hubspotUrl"),
            PIPEDRIVE_API_URL: inject("pipedriveUrl"),
            CRM_BACKOFF_SCALE: "0.01",
            SILLAGE_SECRETS_KEY: "c2lsbGFnZS10ZXN0LWtleS1ub3QtYS1zZWNyZXQtISE=",
          },
        },
      })),
    ],
    test: {
      include: ["worker/test/**/*.test.ts"],
      testTimeout: 30_000,
      setupFiles: ["worker/test/setup/apply-migrations.ts"],
      globalSetup: ["worker/test/setup/fake-providers.ts", "worker/test/setup/webhook-receiver.ts", "worker/test/setup/fake-crms.ts"],
      root: path.join(root, ".."),
    },
  };
});
