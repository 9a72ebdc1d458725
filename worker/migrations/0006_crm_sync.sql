CREATE TABLE `crm_connections` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`crm` text NOT NULL,
	`secret` text NOT NULL,
	`secret_hint` text NOT NULL,
	`company_domain` text,
	`account` text,
	`events` text NOT NULL,
	`mapping` text DEFAULT '{}' NOT NULL,
	`task_owner_id` text,
	`field_keys` text,
	`enabled` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'untested' NOT NULL,
	`broken_reason` text,
	`broken_at` integer,
	`checked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_connections_workspace_idx` ON `crm_connections` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `crm_records` (
	`connection_id` text NOT NULL,
	`record_id` text NOT NULL,
	`siren` text,
	`domain` text,
	`name_key` text,
	`written` text DEFAULT '{}' NOT NULL,
	`created_by_sillage` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`connection_id`, `record_id`),
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_records_siren_idx` ON `crm_records` (`connection_id`,`siren`);--> statement-breakpoint
CREATE INDEX `crm_records_domain_idx` ON `crm_records` (`connection_id`,`domain`);--> statement-breakpoint
CREATE INDEX `crm_records_name_idx` ON `crm_records` (`connection_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `crm_lead_syncs` (
	`connection_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`record_id` text NOT NULL,
	`synced_at` integer NOT NULL,
	PRIMARY KEY(`connection_id`, `lead_id`),
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_lead_syncs_record_idx` ON `crm_lead_syncs` (`connection_id`,`record_id`);--> statement-breakpoint
CREATE TABLE `crm_sync_events` (
	`connection_id` text NOT NULL,
	`event_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`kind` text NOT NULL,
	`job_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`task_id` text,
	`at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`done_at` integer,
	PRIMARY KEY(`connection_id`, `event_id`),
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_sync_events_lead_idx` ON `crm_sync_events` (`connection_id`,`lead_id`,`status`);--> statement-breakpoint
CREATE INDEX `crm_sync_events_status_idx` ON `crm_sync_events` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_sync_events_job_idx` ON `crm_sync_events` (`job_id`,`status`);--> statement-breakpoint
CREATE TABLE `crm_locks` (
	`connection_id` text NOT NULL,
	`key` text NOT NULL,
	`owner` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`connection_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `crm_sync_log` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`outcome` text NOT NULL,
	`matched_by` text,
	`record_id` text,
	`changes` text,
	`task_id` text,
	`event_ids` text NOT NULL,
	`calls` integer NOT NULL,
	`http_status` integer,
	`response` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `crm_sync_log_lead_idx` ON `crm_sync_log` (`workspace_id`,`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `crm_backfill_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`statuses` text NOT NULL,
	`total` integer NOT NULL,
	`queued` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`started_at` integer NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `crm_connections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_backfill_jobs_connection_idx` ON `crm_backfill_jobs` (`connection_id`,`started_at`);