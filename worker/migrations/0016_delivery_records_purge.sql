CREATE INDEX `webhook_deliveries_finished_idx` ON `webhook_deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_sync_log_at_idx` ON `crm_sync_log` (`at`);--> statement-breakpoint
CREATE INDEX `lead_event_outbox_lead_idx` ON `lead_event_outbox` (`lead_id`);