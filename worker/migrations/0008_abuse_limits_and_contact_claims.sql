CREATE TABLE `contact_claims` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`first_claimed_at` integer NOT NULL,
	`last_claimed_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_claims_value_idx` ON `contact_claims` (`contact_id`,`field`,`value`);--> statement-breakpoint
CREATE INDEX `contact_claims_workspace_idx` ON `contact_claims` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `site_usage` (
	`site_id` text NOT NULL,
	`day` text NOT NULL,
	`hits` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`quota_event_at` integer,
	PRIMARY KEY(`site_id`, `day`)
);
--> statement-breakpoint
ALTER TABLE `workspaces` ADD `site_daily_quota_mb` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `visitors` ADD `rate_window_start` integer;--> statement-breakpoint
ALTER TABLE `visitors` ADD `rate_window_hits` integer DEFAULT 0 NOT NULL;