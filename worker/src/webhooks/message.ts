/** One delivery attempt of one logical delivery (webhook_deliveries row). */
export interface WebhookMessage {
  deliveryId: string;
}
