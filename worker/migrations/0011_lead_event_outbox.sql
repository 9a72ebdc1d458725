CREATE TABLE `cron_cursors` (
	`task` text PRIMARY KEY NOT NULL,
	`cursor` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lead_event_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`event` text NOT NULL,
	`at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`dispatched_at` integer
);
--> statement-breakpoint
CREATE INDEX `lead_event_outbox_pending_idx` ON `lead_event_outbox` (`dispatched_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `leads` ADD `write_id` text;--> statement-breakpoint
CREATE INDEX `leads_status_sla_idx` ON `leads` (`status`,`sla_due_at`);--> statement-breakpoint
CREATE INDEX `leads_status_seen_idx` ON `leads` (`status`,`last_seen_at`);