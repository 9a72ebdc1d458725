ALTER TABLE `lead_event_outbox` ADD `data` text;--> statement-breakpoint
CREATE INDEX `hits_raw_ip_idx` ON `hits` (`workspace_id`,`enrichment_status`) WHERE "hits"."ip" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `site_usage_day_idx` ON `site_usage` (`day`);