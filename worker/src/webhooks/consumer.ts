import type { Env } from "../env";
import type { WebhookMessage } from "./message";

/** Placeholder until webhook delivery lands: acknowledges nothing, so messages wait. */
export async function consumeWebhooks(batch: MessageBatch<WebhookMessage>, _env: Env): Promise<void> {
  for (const msg of batch.messages) msg.retry({ delaySeconds: 60 });
}
