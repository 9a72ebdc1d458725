/**
 * The WEBHOOKS queue carries two kinds of message: one delivery attempt of one logical delivery
 * (webhook_deliveries row), and one lead event from the outbox, which becomes the deliveries of its endpoints.
 */
export type WebhookMessage = { deliveryId: string } | { leadEventId: string };
