import type { Env } from "./env";
import app from "./app";
import { collectEndpoint } from "./routes/collect";
import { consumeHits } from "./ingest/consumer";
import type { CollectEnvelope } from "./ingest/envelope";
import { consumeEnrichment } from "./enrich/consumer";
import type { EnrichMessage } from "./enrich/message";
import { runScheduled } from "./cron/scheduled";
import { consumeWebhooks } from "./webhooks/consumer";
import type { WebhookMessage } from "./webhooks/message";
import { consumeCrm } from "./crm/consumer";
import type { CrmMessage } from "./crm/message";
export { ProviderRateLimiter } from "./identify/provider-rate-limit-do";

export default {
  fetch: (req, env, ctx) => collectEndpoint(req, env, ctx) ?? app.fetch(req, env, ctx),
  async queue(batch, env) {
    // Queue names may carry an environment suffix in production (sillage-enrich-staging…).
    if (batch.queue.startsWith("sillage-enrich")) return consumeEnrichment(batch as MessageBatch<EnrichMessage>, env);
    if (batch.queue.startsWith("sillage-webhooks")) return consumeWebhooks(batch as MessageBatch<WebhookMessage>, env);
    if (batch.queue.startsWith("sillage-crm")) return consumeCrm(batch as MessageBatch<CrmMessage>, env);
    return consumeHits(batch as MessageBatch<CollectEnvelope>, env);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime).then((r) => console.log("cron", JSON.stringify(r))));
  },
} satisfies ExportedHandler<Env, CollectEnvelope | EnrichMessage | WebhookMessage | CrmMessage>;
