CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`keep_raw_ip` integer DEFAULT false NOT NULL,
	`retention_days` integer DEFAULT 395 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_unique` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE INDEX `api_keys_workspace_idx` ON `api_keys` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`allowed_hostnames` text NOT NULL,
	`respect_dnt` integer DEFAULT false NOT NULL,
	`respect_gpc` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_public_key_unique` ON `sites` (`public_key`);--> statement-breakpoint
CREATE INDEX `sites_workspace_idx` ON `sites` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`job_title` text,
	`phone` text,
	`linkedin_url` text,
	`first_seen_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_workspace_email_idx` ON `contacts` (`workspace_id`,`email`);--> statement-breakpoint
CREATE TABLE `visitors` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`visitor_key` text NOT NULL,
	`contact_id` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visitors_site_key_idx` ON `visitors` (`site_id`,`visitor_key`);--> statement-breakpoint
CREATE INDEX `visitors_contact_idx` ON `visitors` (`contact_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`visitor_id` text NOT NULL,
	`site_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`hit_count` integer DEFAULT 0 NOT NULL,
	`pageview_count` integer DEFAULT 0 NOT NULL,
	`landing_path` text,
	`referrer` text,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_visitor_idx` ON `sessions` (`visitor_id`,`last_seen_at`);--> statement-breakpoint
CREATE INDEX `sessions_site_time_idx` ON `sessions` (`site_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `hits` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`session_id` text NOT NULL,
	`contact_id` text,
	`type` text NOT NULL,
	`source` text NOT NULL,
	`name` text,
	`props` text,
	`page_id` text,
	`url` text,
	`hostname` text,
	`path` text,
	`title` text,
	`referrer` text,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`utm_term` text,
	`utm_content` text,
	`engaged_ms` integer,
	`ip` text,
	`country` text,
	`asn` integer,
	`as_organization` text,
	`user_agent` text,
	`enrichment_status` text DEFAULT 'pending' NOT NULL,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hits_site_time_idx` ON `hits` (`site_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `hits_visitor_time_idx` ON `hits` (`visitor_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `hits_contact_idx` ON `hits` (`contact_id`);--> statement-breakpoint
CREATE INDEX `hits_page_idx` ON `hits` (`site_id`,`page_id`);--> statement-breakpoint
CREATE INDEX `hits_enrichment_idx` ON `hits` (`enrichment_status`,`received_at`);--> statement-breakpoint
CREATE TABLE `drop_counters` (
	`day` text NOT NULL,
	`site_key` text NOT NULL,
	`reason` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `site_key`, `reason`)
);
--> statement-breakpoint
CREATE TABLE `ip_ranges` (
	`family` integer NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`asn` integer NOT NULL,
	`organization` text NOT NULL,
	PRIMARY KEY(`family`, `start`)
);
