import type { Env } from "./env";
import app from "./app";
import { consumeHits } from "./ingest/consumer";
import type { CollectEnvelope } from "./ingest/envelope";

export default {
  fetch: app.fetch,
  queue: (batch, env) => consumeHits(batch as MessageBatch<CollectEnvelope>, env),
} satisfies ExportedHandler<Env, CollectEnvelope>;
