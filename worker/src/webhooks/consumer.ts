import type { Env } from "../env";
import { attemptDelivery, type DeliveryOptions } from "./deliver";
import type { WebhookMessage } from "./message";
import { emitOutboxEvent } from "./outbox";
import { backoffScale } from "./tuning";

/** When D1 itself fails, try the message again soon; the attempt count in D1 stays the reference. */
const INFRA_RETRY_SECONDS = 60;

/**
 * Webhooks queue consumer. Messages of a batch usually go to different endpoints, so they are sent in
 * parallel: one slow receiver (up to the 10 s timeout) does not hold the others back.
 */
export async function consumeWebhooks(batch: MessageBatch<WebhookMessage>, env: Env, opts: DeliveryOptions = {}): Promise<void> {
  const options: DeliveryOptions = { backoffScale: backoffScale(env), ...opts };
  await Promise.all(
    batch.messages.map(async (msg) => {
      try {
        if ("leadEventId" in msg.body) {
          await emitOutboxEvent(env, msg.body.leadEventId);
          msg.ack();
          return;
        }
        const outcome = await attemptDelivery(env, msg.body.deliveryId, options);
        if (outcome.action === "retry") msg.retry({ delaySeconds: outcome.delaySeconds });
        else msg.ack();
      } catch (err) {
        console.error("webhook message", msg.body, err);
        msg.retry({ delaySeconds: Math.round(INFRA_RETRY_SECONDS * (options.backoffScale ?? 1)) });
      }
    }),
  );
}
